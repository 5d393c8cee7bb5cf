import type { TypedDocumentNode } from '@apollo/client';
import { gql } from '@apollo/client';

/** The server's `ExportKind`. */
export type ExportKind =
  | 'REVIEW_BULLETIN'
  | 'REVIEW_RESULTS'
  | 'COMPLIANCE_RESULTS'
  | 'COMPLIANCE_BULLETIN'
  | 'ASSESSMENT_RESULTS'
  | 'ASSESSMENT_REPORT'
  | 'RECTIFICATION_NOTICE'
  | 'RECTIFICATION_LEDGER';

/** What to export (`RequestExportInput`): the kind, and what it is of. */
export interface ExportRequest {
  kind: ExportKind;
  targetId?: string;
  year?: number;
  quarter?: number;
  /** The ledger's filters, as its GET export's query string names them. */
  filter?: Record<string, string>;
}

export interface ExportJobState {
  id: string;
  status: 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';
  done: number;
  total: number;
  fileName: string | null;
  error: string | null;
}

export const REQUEST_EXPORT: TypedDocumentNode<{ requestExport: ExportJobState }, { input: ExportRequest }> = gql`
  mutation RequestExport($input: RequestExportInput!) {
    requestExport(input: $input) {
      id
      status
      done
      total
      fileName
      error
    }
  }
`;

export const EXPORT_JOB: TypedDocumentNode<{ exportJob: ExportJobState }, { id: string }> = gql`
  query ExportJob($id: ID!) {
    exportJob(id: $id) {
      id
      status
      done
      total
      fileName
      error
    }
  }
`;
