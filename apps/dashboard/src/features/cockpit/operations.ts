import type { TypedDocumentNode } from '@apollo/client';
import { gql } from '@apollo/client';

export interface CountByKey {
  key: string;
  count: number;
}
export interface CockpitData {
  asOfSeq: number;
  period: string;
  regionId: string;
  departmentTotal: number;
  kpis: {
    filesReviewed: number;
    meanScore: number | null;
    passRate: number | null;
    tasksIssued: number;
    tasksOpen: number;
    tasksOverdue: number;
    tasksClosed: number;
    completionRate: number | null;
    onTimeRate: number | null;
    clearDownRate: number | null;
    departmentsWithTasks: number;
    departmentsCleared: number;
    complianceChecks: number;
    meanComplianceScore: number | null;
    disclosureOnTimeRate: number | null;
    legalReviewCoverage: number | null;
    avFiledRate: number | null;
  };
  ranking: {
    departmentId: string;
    departmentName: string;
    rank: number;
    filesReviewed: number;
    meanScore: number | null;
    passRate: number | null;
    complianceScore: number | null;
    disclosureOnTimeRate: number | null;
    legalReviewCoverage: number | null;
    avFiledRate: number | null;
    tasksIssued: number;
    tasksOpen: number;
    completionRate: number | null;
  }[];
  gradeDistribution: CountByKey[];
  rectificationFunnel: CountByKey[];
  warningLevels: CountByKey[];
  overdue: { taskId: string; taskNo: string; departmentName: string; deadline: string; daysOverdue: number; state: string }[];
  trend: {
    month: string;
    filesReviewed: number;
    meanScore: number | null;
    tasksIssued: number;
    tasksClosed: number;
    complianceChecks: number;
  }[];
  assessment: CockpitAssessmentData;
}

export interface CockpitAssessmentData {
  year: number;
  quarter: number | null;
  scores: { quarter: number; departments: number; meanScore: number | null }[];
  ranking: { rank: number; departmentId: string; departmentName: string; score: number }[];
  indicators: { code: string; title: string; earned: number; weight: number; rate: number | null }[];
  rates: { quarter: number; key: string; numerator: number; denominator: number; rate: number | null; departments: number }[];
  measures: CountByKey[];
  measuresLate: number;
  lateMeasures: {
    measureId: string;
    code: string;
    title: string;
    leadUnitName: string;
    status: string;
    deadline: string;
    daysLate: number;
  }[];
}

export const COCKPIT: TypedDocumentNode<{ cockpit: CockpitData }, { regionId: string; period: string; page: number; pageSize: number }> =
  gql`
    query Cockpit($regionId: ID!, $period: String!, $page: Int!, $pageSize: Int!) {
      cockpit(regionId: $regionId, period: $period, page: $page, pageSize: $pageSize) {
        asOfSeq
        period
        regionId
        departmentTotal
        kpis {
          filesReviewed
          meanScore
          passRate
          tasksIssued
          tasksOpen
          tasksOverdue
          tasksClosed
          completionRate
          onTimeRate
          clearDownRate
          departmentsWithTasks
          departmentsCleared
          complianceChecks
          meanComplianceScore
          disclosureOnTimeRate
          legalReviewCoverage
          avFiledRate
        }
        ranking {
          departmentId
          departmentName
          rank
          filesReviewed
          meanScore
          passRate
          complianceScore
          disclosureOnTimeRate
          legalReviewCoverage
          avFiledRate
          tasksIssued
          tasksOpen
          completionRate
        }
        gradeDistribution {
          key
          count
        }
        rectificationFunnel {
          key
          count
        }
        warningLevels {
          key
          count
        }
        overdue {
          taskId
          taskNo
          departmentName
          deadline
          daysOverdue
          state
        }
        trend {
          month
          filesReviewed
          meanScore
          tasksIssued
          tasksClosed
          complianceChecks
        }
        assessment {
          year
          quarter
          scores {
            quarter
            departments
            meanScore
          }
          ranking {
            rank
            departmentId
            departmentName
            score
          }
          indicators {
            code
            title
            earned
            weight
            rate
          }
          rates {
            quarter
            key
            numerator
            denominator
            rate
            departments
          }
          measures {
            key
            count
          }
          measuresLate
          lateMeasures {
            measureId
            code
            title
            leadUnitName
            status
            deadline
            daysLate
          }
        }
      }
    }
  `;
