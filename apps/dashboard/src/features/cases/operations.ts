import type { TypedDocumentNode } from '@apollo/client';
import { gql } from '@apollo/client';

export interface CaseFileRow {
  id: string;
  departmentId: string;
  fileNo: string;
  caseType: string;
  cause: string;
  partyName: string;
  closedDate: string;
  major: boolean;
}
const ROW_FIELDS = 'id departmentId fileNo caseType cause partyName closedDate major';

export const CASE_FILES: TypedDocumentNode<
  { caseFiles: { total: number; items: CaseFileRow[] } },
  { page: number; pageSize: number; search?: string; caseType?: string }
> = gql`
  query CaseFiles($page: Int!, $pageSize: Int!, $search: String, $caseType: CaseType) {
    caseFiles(page: $page, pageSize: $pageSize, search: $search, caseType: $caseType) {
      total
      items { ${ROW_FIELDS} }
    }
  }
`;

export interface CaseFileDetail extends CaseFileRow {
  sector: string;
  partyKind: string;
  partyIdNoMasked: string;
  officerCertificateNos: string[];
  filedDate: string;
  decisionDate: string | null;
  disclosedDate: string | null;
  legalReviewSubmittedDate: string | null;
  legalReviewFinishedDate: string | null;
  legalReviewPassed: boolean | null;
  fineFen: number;
  hearingHeld: boolean;
  onSiteCoercion: string | null;
  avRecorded: boolean;
  avFiled: boolean;
}
export const CASE_FILE_DETAIL: TypedDocumentNode<{ caseFile: CaseFileDetail }, { id: string }> = gql`
  query CaseFileDetail($id: ID!) {
    caseFile(id: $id) {
      ${ROW_FIELDS}
      sector
      partyKind
      partyIdNoMasked
      officerCertificateNos
      filedDate
      decisionDate
      disclosedDate
      legalReviewSubmittedDate
      legalReviewFinishedDate
      legalReviewPassed
      fineFen
      hearingHeld
      onSiteCoercion
      avRecorded
      avFiled
    }
  }
`;
