import type { TypedDocumentNode } from '@apollo/client';
import { gql } from '@apollo/client';

export interface RoundRow {
  id: string;
  name: string;
  periodFrom: string;
  periodTo: string;
  stage: 'PLANNED' | 'SCREENED' | 'CHECKING' | 'FINALIZED' | 'PUBLISHED';
  screening: 'NONE' | 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';
  screeningError: string | null;
  screenedAt: string | null;
  checklistId: string;
  inspectorIds: string[];
  version: number;
}
const ROUND_FIELDS = 'id name periodFrom periodTo stage screening screeningError screenedAt checklistId inspectorIds version';

export interface CheckItem {
  id: string;
  itemCode: string;
  system: string;
  title: string;
  weight: number;
  mayNotApply: boolean;
  auto: string | null;
  screenResult: string | null;
  screenPassed: number | null;
  screenTotal: number | null;
  screenFailures: { subject: string; label: string; reason: string }[];
  screenFailuresOmitted: number;
  result: string | null;
  overrideReason: string | null;
  note: string | null;
  files: { id: string; fileName: string; sizeBytes: number }[];
}
export interface CheckRow {
  id: string;
  roundId: string;
  departmentId: string;
  departmentName: string;
  status: 'OPEN' | 'SUBMITTED';
  score: number | null;
  grade: string | null;
  version: number;
  subtotals: { system: string; earned: number; max: number }[];
}
const CHECK_FIELDS = 'id roundId departmentId departmentName status score grade version subtotals { system earned max }';
const ITEM_FIELDS = `items { id itemCode system title weight mayNotApply auto screenResult screenPassed screenTotal screenFailures { subject label reason } screenFailuresOmitted
  result overrideReason note files { id fileName sizeBytes } }`;

export const ROUNDS: TypedDocumentNode<{ complianceRounds: { total: number; items: RoundRow[] } }, { page: number; pageSize: number }> =
  gql`
  query ComplianceRounds($page: Int!, $pageSize: Int!) { complianceRounds(page: $page, pageSize: $pageSize) { total items { ${ROUND_FIELDS} } } }
`;
export const ROUND: TypedDocumentNode<{ complianceRound: RoundRow & { checks: CheckRow[] | null } }, { id: string }> = gql`
  query ComplianceRound($id: ID!) { complianceRound(id: $id) { ${ROUND_FIELDS} checks { ${CHECK_FIELDS} } } }
`;
export const CHECK: TypedDocumentNode<{ complianceCheck: CheckRow & { items: CheckItem[] } }, { id: string }> = gql`
  query ComplianceCheck($id: ID!) { complianceCheck(id: $id) { ${CHECK_FIELDS} ${ITEM_FIELDS} } }
`;
export const CHECKLISTS: TypedDocumentNode<
  { complianceChecklists: { items: { id: string; code: string; version: string; name: string }[] } },
  { page: number; pageSize: number }
> = gql`
  query ComplianceChecklists($page: Int!, $pageSize: Int!) {
    complianceChecklists(page: $page, pageSize: $pageSize) {
      items {
        id
        code
        version
        name
      }
    }
  }
`;
export const CREATE_ROUND: TypedDocumentNode<
  { createComplianceRound: RoundRow },
  { input: { name: string; checklistId: string; departmentIds: string[]; inspectorIds: string[]; periodFrom: string; periodTo: string } }
> = gql`
  mutation CreateComplianceRound($input: CreateComplianceRoundInput!) { createComplianceRound(input: $input) { ${ROUND_FIELDS} } }
`;
export const RUN_SCREENING: TypedDocumentNode<{ runComplianceScreening: RoundRow }, { roundId: string }> = gql`
  mutation RunComplianceScreening($roundId: ID!) { runComplianceScreening(roundId: $roundId) { ${ROUND_FIELDS} } }
`;
export const FINALIZE_ROUND: TypedDocumentNode<{ finalizeComplianceRound: RoundRow }, { roundId: string; version: number }> = gql`
  mutation FinalizeComplianceRound($roundId: ID!, $version: Int!) { finalizeComplianceRound(roundId: $roundId, version: $version) { ${ROUND_FIELDS} } }
`;
export const PUBLISH_ROUND: TypedDocumentNode<{ publishComplianceRound: RoundRow }, { roundId: string; version: number }> = gql`
  mutation PublishComplianceRound($roundId: ID!, $version: Int!) { publishComplianceRound(roundId: $roundId, version: $version) { ${ROUND_FIELDS} } }
`;
export const SAVE_CHECK: TypedDocumentNode<
  { saveComplianceCheck: CheckRow & { items: CheckItem[] } },
  {
    input: {
      checkId: string;
      version: number;
      items: { itemCode: string; result: string; note?: string | null; overrideReason?: string | null }[];
    };
  }
> = gql`
  mutation SaveComplianceCheck($input: SaveComplianceCheckInput!) { saveComplianceCheck(input: $input) { ${CHECK_FIELDS} ${ITEM_FIELDS} } }
`;
export const SUBMIT_CHECK: TypedDocumentNode<{ submitComplianceCheck: CheckRow }, { checkId: string; version: number }> = gql`
  mutation SubmitComplianceCheck($checkId: ID!, $version: Int!) { submitComplianceCheck(checkId: $checkId, version: $version) { ${CHECK_FIELDS} } }
`;
