import type { TypedDocumentNode } from '@apollo/client';
import { gql } from '@apollo/client';

/** One node of an indicator framework as imported (three levels; leaves carry the scoring method). */
export interface IndicatorNode {
  code: string;
  level: number;
  title: string;
  weight?: number;
  method?: string;
  children?: IndicatorNode[];
}
export interface FrameworkTemplate {
  code: string;
  version: string;
  name: string;
  indicators: IndicatorNode[];
}
export interface FrameworkRow {
  id: string;
  code: string;
  version: string;
  name: string;
  indicatorCount: number;
}

export type MeasureStatus = 'NOT_STARTED' | 'IN_PROGRESS' | 'DONE';
export const MEASURE_STATUSES: MeasureStatus[] = ['NOT_STARTED', 'IN_PROGRESS', 'DONE'];

export interface EvidenceFile {
  id: string;
  fileName: string;
  size: number;
  downloadPath: string;
}
export interface ProgressRow {
  id: string;
  departmentId: string;
  year: number;
  quarter: number;
  status: MeasureStatus;
  text: string;
  reportedAt: string;
  files: EvidenceFile[];
}
export interface MeasureRow {
  id: string;
  taskCode: string;
  taskTitle: string;
  code: string;
  title: string;
  leadUnitId: string;
  leadUnitName: string;
  departmentIds: string[];
  departmentNames: string[];
  deadline: string;
  indicatorCode: string;
  status: MeasureStatus;
  overdue: boolean;
  progress: ProgressRow[];
}
export interface StatisticRow {
  key: string;
  quarter: number;
  numerator: number;
  denominator: number;
  revision: number;
  current: boolean;
  reason: string | null;
  submittedAt: string;
}
export interface ResultRow {
  departmentId: string;
  departmentName: string;
  score: number;
  grade: string;
  rank: number;
  publishedAt: string | null;
  detail: {
    level1: { code: string; title: string; weight: number; scaled: number }[];
    applicableWeight: number;
    indicators?: ResultIndicator[];
  };
}
/** One level-3 indicator of a computed result: its points, what it earned and why. */
export interface ResultIndicator {
  code: string;
  method: string;
  weight: number;
  applicable: boolean;
  /** False when nothing was scored or reported for it (it earns nothing). */
  answered: boolean;
  earned: number;
  rate: number | null;
  note: string | null;
}
export interface Period {
  frameworkId: string;
  year: number;
  /** 1 to 4, or null for the annual score. */
  quarter: number | null;
}

const PROGRESS_FIELDS = 'id departmentId year quarter status text reportedAt files { id fileName size downloadPath }';
const MEASURE_FIELDS = `id taskCode taskTitle code title leadUnitId leadUnitName departmentIds departmentNames deadline indicatorCode status overdue
  progress { ${PROGRESS_FIELDS} }`;
const STATISTIC_FIELDS = 'key quarter numerator denominator revision current reason submittedAt';
const RESULT_FIELDS = 'departmentId departmentName score grade rank publishedAt detail';

export const FRAMEWORKS: TypedDocumentNode<{ assessmentFrameworks: { items: FrameworkRow[] } }, Record<string, never>> = gql`
  query AssessmentFrameworks {
    assessmentFrameworks(page: 1, pageSize: 50) {
      items {
        id
        code
        version
        name
        indicatorCount
      }
    }
  }
`;
export const FRAMEWORK: TypedDocumentNode<{ assessmentFramework: FrameworkRow & { template: FrameworkTemplate } }, { id: string }> = gql`
  query AssessmentFramework($id: ID!) {
    assessmentFramework(id: $id) {
      id
      code
      version
      name
      indicatorCount
      template
    }
  }
`;
export const IMPORT_FRAMEWORK: TypedDocumentNode<{ importAssessmentFramework: FrameworkRow }, { framework: unknown }> = gql`
  mutation ImportAssessmentFramework($framework: JSON!) {
    importAssessmentFramework(framework: $framework) {
      id
      code
      version
      name
      indicatorCount
    }
  }
`;

export interface MeasuresVars {
  year: number;
  departmentId?: string;
  overdueOnly?: boolean;
  page: number;
  pageSize: number;
}
export const MEASURES: TypedDocumentNode<{ assessmentMeasures: { total: number; items: MeasureRow[] } }, MeasuresVars> = gql`
  query AssessmentMeasures($year: Int!, $departmentId: ID, $overdueOnly: Boolean, $page: Int!, $pageSize: Int!) {
    assessmentMeasures(year: $year, departmentId: $departmentId, overdueOnly: $overdueOnly, page: $page, pageSize: $pageSize) {
      total items { ${MEASURE_FIELDS} }
    }
  }
`;
export const REPORT_PROGRESS: TypedDocumentNode<
  { reportMeasureProgress: ProgressRow },
  { input: { measureId: string; year: number; quarter: number; status: MeasureStatus; text: string } }
> = gql`
  mutation ReportMeasureProgress($input: MeasureProgressInput!) { reportMeasureProgress(input: $input) { ${PROGRESS_FIELDS} } }
`;

export const STATISTICS: TypedDocumentNode<
  { assessmentStatistics: StatisticRow[] },
  { frameworkId: string; year: number; quarter: number; withHistory: boolean }
> = gql`
  query AssessmentStatistics($frameworkId: ID!, $year: Int!, $quarter: Int, $withHistory: Boolean) {
    assessmentStatistics(frameworkId: $frameworkId, year: $year, quarter: $quarter, withHistory: $withHistory) { ${STATISTIC_FIELDS} }
  }
`;
export const SUBMIT_STATISTICS: TypedDocumentNode<
  { submitAssessmentStatistics: StatisticRow[] },
  {
    input: {
      frameworkId: string;
      year: number;
      quarter: number;
      items: { key: string; numerator: number; denominator: number }[];
      reason?: string;
    };
  }
> = gql`
  mutation SubmitAssessmentStatistics($input: StatisticsInput!) { submitAssessmentStatistics(input: $input) { ${STATISTIC_FIELDS} } }
`;

export const SELF_SCORES: TypedDocumentNode<
  { assessmentSelfScores: { indicatorCode: string; score: number; note: string | null }[] },
  Period & { departmentId: string }
> = gql`
  query AssessmentSelfScores($frameworkId: ID!, $departmentId: ID!, $year: Int!, $quarter: Int) {
    assessmentSelfScores(frameworkId: $frameworkId, departmentId: $departmentId, year: $year, quarter: $quarter) {
      indicatorCode
      score
      note
    }
  }
`;
export const SCORE_SELF_REPORT: TypedDocumentNode<
  { scoreSelfReportIndicator: boolean },
  {
    input: {
      frameworkId: string;
      departmentId: string;
      year: number;
      quarter: number | null;
      indicatorCode: string;
      score: number;
      note?: string;
    };
  }
> = gql`
  mutation ScoreSelfReportIndicator($input: SelfReportScoreInput!) {
    scoreSelfReportIndicator(input: $input)
  }
`;

export const RESULTS: TypedDocumentNode<{ assessmentResults: ResultRow[] }, Period> = gql`
  query AssessmentResults($frameworkId: ID!, $year: Int!, $quarter: Int) {
    assessmentResults(frameworkId: $frameworkId, year: $year, quarter: $quarter) { ${RESULT_FIELDS} }
  }
`;
export const COMPUTE_SCORES: TypedDocumentNode<{ computeAssessmentScores: ResultRow[] }, Period> = gql`
  mutation ComputeAssessmentScores($frameworkId: ID!, $year: Int!, $quarter: Int) {
    computeAssessmentScores(frameworkId: $frameworkId, year: $year, quarter: $quarter) { ${RESULT_FIELDS} }
  }
`;
export const PUBLISH_SCORES: TypedDocumentNode<{ publishAssessmentScores: ResultRow[] }, Period> = gql`
  mutation PublishAssessmentScores($frameworkId: ID!, $year: Int!, $quarter: Int) {
    publishAssessmentScores(frameworkId: $frameworkId, year: $year, quarter: $quarter) { ${RESULT_FIELDS} }
  }
`;

/** Every level-3 indicator of a framework, in order. */
export function leavesOf(nodes: readonly IndicatorNode[] = []): IndicatorNode[] {
  return nodes.flatMap((n) => (n.children?.length ? leavesOf(n.children) : [n]));
}
