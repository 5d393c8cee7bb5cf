import type { TypedDocumentNode } from '@apollo/client';
import { gql } from '@apollo/client';

export type TaskState = 'ISSUED' | 'ACKNOWLEDGED' | 'IN_PROGRESS' | 'SUBMITTED' | 'RETURNED' | 'VERIFIED' | 'CLOSED' | 'CANCELLED';
export const TASK_STATES: TaskState[] = [
  'ISSUED',
  'ACKNOWLEDGED',
  'IN_PROGRESS',
  'SUBMITTED',
  'RETURNED',
  'VERIFIED',
  'CLOSED',
  'CANCELLED',
];
export type WarningLevel = 'GREEN' | 'YELLOW' | 'RED';
export type FindingSource = 'ASSESSMENT' | 'CASE_REVIEW' | 'HOTLINE' | 'INSPECTION' | 'LEADER_INSTRUCTION' | 'THREE_SYSTEMS';
export const FINDING_SOURCES: FindingSource[] = [
  'CASE_REVIEW',
  'THREE_SYSTEMS',
  'INSPECTION',
  'HOTLINE',
  'LEADER_INSTRUCTION',
  'ASSESSMENT',
];

export interface TaskRow {
  id: string;
  taskNo: string;
  source: FindingSource;
  departmentId: string;
  departmentName: string;
  issuedOn: string;
  deadline: string;
  state: TaskState;
  warningLevel: WarningLevel | null;
  escalationStep: string | null;
  findingCount: number;
  requirements: string;
  responsiblePerson: string;
  closedOn: string | null;
  closedOnTime: boolean | null;
  cancelReason: string | null;
  submittedBy: string | null;
  issuingUnitId: string;
  batchId: string | null;
  version: number;
}
const TASK_FIELDS = `id taskNo source departmentId departmentName issuedOn deadline state warningLevel escalationStep findingCount
  requirements responsiblePerson closedOn closedOnTime cancelReason submittedBy issuingUnitId batchId version`;

export interface LedgerVars {
  page: number;
  pageSize: number;
  states?: TaskState[];
  warningLevel?: WarningLevel;
  source?: FindingSource;
  departmentId?: string;
  from?: string;
  to?: string;
}
export const LEDGER: TypedDocumentNode<
  { rectificationLedger: { total: number; items: TaskRow[]; counts: { state: TaskState; count: number }[] } },
  LedgerVars
> = gql`
  query RectificationLedger($page: Int!, $pageSize: Int!, $states: [RectificationState!], $warningLevel: WarningLevel, $source: FindingSource, $departmentId: ID, $from: String, $to: String) {
    rectificationLedger(page: $page, pageSize: $pageSize, states: $states, warningLevel: $warningLevel, source: $source, departmentId: $departmentId, from: $from, to: $to) {
      total
      counts { state count }
      items { ${TASK_FIELDS} }
    }
  }
`;

export interface FindingRow {
  id: string;
  source: FindingSource;
  category: string;
  description: string;
  legalBasis: string | null;
  severity: 'GENERAL' | 'MAJOR';
  departmentId: string;
  departmentName: string;
  batchId: string | null;
  originType: string;
  originId: string;
  taskId: string | null;
  createdAt: string;
}
const FINDING_FIELDS =
  'id source category description legalBasis severity departmentId departmentName batchId originType originId taskId createdAt';
export const FINDINGS: TypedDocumentNode<
  { findings: { total: number; items: FindingRow[] } },
  { page: number; pageSize: number; source?: FindingSource; departmentId?: string; unissuedOnly: boolean }
> = gql`
  query RectificationFindings($page: Int!, $pageSize: Int!, $source: FindingSource, $departmentId: ID, $unissuedOnly: Boolean!) {
    findings(page: $page, pageSize: $pageSize, source: $source, departmentId: $departmentId, unissuedOnly: $unissuedOnly) { total items { ${FINDING_FIELDS} } }
  }
`;

export interface TaskDetail {
  task: TaskRow;
  departments: { departmentId: string; departmentName: string; role: 'LEAD' | 'CO'; status: string }[];
  findings: FindingRow[];
  deadlines: { deadline: string; kind: string; reason: string | null; setAt: string }[];
  escalations: { step: string; dueOn: string; deadline: string; notice: string; occurredAt: string }[];
  extensions: {
    id: string;
    status: 'PENDING' | 'APPROVED' | 'REJECTED';
    reason: string;
    previousDeadline: string;
    requestedDeadline: string;
    requestedAt: string;
    decidedAt: string | null;
    decisionNote: string | null;
  }[];
  reports: {
    id: string;
    departmentId: string;
    measuresTaken: string;
    text: string;
    submittedAt: string;
    submittedBy: string;
    verdict: string | null;
    verdictNote: string | null;
  }[];
  files: { id: string; fileName: string; mimeType: string; size: number; downloadPath: string; reportId: string | null }[];
}
export const TASK: TypedDocumentNode<{ rectificationTask: TaskDetail }, { id: string }> = gql`
  query RectificationTask($id: ID!) {
    rectificationTask(id: $id) {
      task { ${TASK_FIELDS} }
      departments { departmentId departmentName role status }
      findings { ${FINDING_FIELDS} }
      deadlines { deadline kind reason setAt }
      escalations { step dueOn deadline notice occurredAt }
      extensions { id status reason previousDeadline requestedDeadline requestedAt decidedAt decisionNote }
      reports { id departmentId measuresTaken text submittedAt submittedBy verdict verdictNote }
      files { id fileName mimeType size downloadPath reportId }
    }
  }
`;

type Ref = { input: { taskId: string; version: number } };
type Reason = { input: { taskId: string; version: number; reason: string } };
type TaskResult<K extends string> = { [key in K]: TaskRow };

export const ACKNOWLEDGE: TypedDocumentNode<TaskResult<'acknowledgeRectification'>, Ref> = gql`
  mutation AcknowledgeRectification($input: TaskRefInput!) { acknowledgeRectification(input: $input) { ${TASK_FIELDS} } }
`;
export const START: TypedDocumentNode<TaskResult<'startRectification'>, Ref> = gql`
  mutation StartRectification($input: TaskRefInput!) { startRectification(input: $input) { ${TASK_FIELDS} } }
`;
export const SUBMIT: TypedDocumentNode<
  TaskResult<'submitRectification'>,
  { input: { taskId: string; version: number; measuresTaken: string; text: string; evidenceFileIds: string[] } }
> = gql`
  mutation SubmitRectification($input: SubmitRectificationInput!) { submitRectification(input: $input) { ${TASK_FIELDS} } }
`;
export const RETURN: TypedDocumentNode<TaskResult<'returnRectification'>, Reason> = gql`
  mutation ReturnRectification($input: ReasonInput!) { returnRectification(input: $input) { ${TASK_FIELDS} } }
`;
export const VERIFY: TypedDocumentNode<TaskResult<'verifyRectification'>, Ref> = gql`
  mutation VerifyRectification($input: TaskRefInput!) { verifyRectification(input: $input) { ${TASK_FIELDS} } }
`;
export const CLOSE: TypedDocumentNode<TaskResult<'closeRectification'>, Ref> = gql`
  mutation CloseRectification($input: TaskRefInput!) { closeRectification(input: $input) { ${TASK_FIELDS} } }
`;
export const CANCEL: TypedDocumentNode<TaskResult<'cancelRectification'>, Reason> = gql`
  mutation CancelRectification($input: ReasonInput!) { cancelRectification(input: $input) { ${TASK_FIELDS} } }
`;
export const REQUEST_EXTENSION: TypedDocumentNode<
  TaskResult<'requestRectificationExtension'>,
  { input: { taskId: string; version: number; newDeadline: string; reason: string } }
> = gql`
  mutation RequestRectificationExtension($input: RequestExtensionInput!) { requestRectificationExtension(input: $input) { ${TASK_FIELDS} } }
`;
export const DECIDE_EXTENSION: TypedDocumentNode<
  TaskResult<'decideRectificationExtension'>,
  { input: { taskId: string; version: number; approve: boolean; note?: string } }
> = gql`
  mutation DecideRectificationExtension($input: DecideExtensionInput!) { decideRectificationExtension(input: $input) { ${TASK_FIELDS} } }
`;

export interface IssueInput {
  findingIds: string[];
  requirements: string;
  responsiblePerson: string;
  coDepartmentIds: string[];
  deadline?: { workingDays?: number; date?: string };
}
export const ISSUE: TypedDocumentNode<TaskResult<'issueRectification'>, { input: IssueInput }> = gql`
  mutation IssueRectification($input: IssueRectificationInput!) { issueRectification(input: $input) { ${TASK_FIELDS} } }
`;
export const BULK_ISSUE: TypedDocumentNode<
  { bulkIssueRectification: TaskRow[] },
  { input: { batchId: string; requirements: string; responsiblePerson: string; deadline?: { workingDays?: number; date?: string } } }
> = gql`
  mutation BulkIssueRectification($input: BulkIssueRectificationInput!) {
    bulkIssueRectification(input: $input) {
      id
      taskNo
    }
  }
`;

export const DEADLINE_RULES: TypedDocumentNode<
  { rectificationDeadlineRules: { source: FindingSource; severity: string; workingDays: number }[] },
  Record<string, never>
> = gql`
  query RectificationDeadlineRules {
    rectificationDeadlineRules {
      source
      severity
      workingDays
    }
  }
`;
export const ADD_WORKING_DAYS: TypedDocumentNode<{ addWorkingDays: { date: string; workingDays: number } }, { date: string; n: number }> =
  gql`
    query AddWorkingDays($date: String!, $n: Int!) {
      addWorkingDays(date: $date, n: $n) {
        date
        workingDays
      }
    }
  `;

export interface NotificationRow {
  id: string;
  kind: string;
  title: string;
  body: string;
  read: boolean;
  taskId: string | null;
  createdAt: string;
}
export const NOTIFICATIONS: TypedDocumentNode<
  { notifications: { total: number; unread: number; items: NotificationRow[] } },
  { page: number; pageSize: number; unreadOnly: boolean }
> = gql`
  query Notifications($page: Int!, $pageSize: Int!, $unreadOnly: Boolean!) {
    notifications(page: $page, pageSize: $pageSize, unreadOnly: $unreadOnly) {
      total
      unread
      items {
        id
        kind
        title
        body
        read
        taskId
        createdAt
      }
    }
  }
`;
export const MARK_READ: TypedDocumentNode<{ markNotificationsRead: number }, { input: { ids?: string[] } }> = gql`
  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {
    markNotificationsRead(input: $input)
  }
`;
