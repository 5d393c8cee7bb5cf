import type { TypedDocumentNode } from '@apollo/client';
import { gql } from '@apollo/client';

export interface DepartmentCheckResult {
  checkId: string;
  departmentId: string;
  departmentName: string;
  score: number | null;
  grade: string | null;
  gradeLabel: string | null;
  rank: number | null;
  failedItems: string[];
  partialItems: string[];
  subtotals: { system: string; earned: number; max: number }[];
}
export const ROUND_RESULTS: TypedDocumentNode<{ complianceRoundResults: { departments: DepartmentCheckResult[] } }, { roundId: string }> =
  gql`
    query MyRoundResults($roundId: ID!) {
      complianceRoundResults(roundId: $roundId) {
        departments {
          checkId
          departmentId
          departmentName
          score
          grade
          gradeLabel
          rank
          failedItems
          partialItems
          subtotals {
            system
            earned
            max
          }
        }
      }
    }
  `;

export interface MyReviewResult {
  campaignId: string;
  campaignName: string;
  publishedAt: string;
  departmentsRanked: number;
  result: { meanScore: number; grade: string; gradeLabel: string; rank: number; filesReviewed: number } | null;
}
/** Only published campaigns, and only this department's line of each: the server pages and filters. */
export const MY_REVIEW_RESULTS: TypedDocumentNode<
  { myReviewResults: { total: number; items: MyReviewResult[] } },
  { page: number; pageSize: number }
> = gql`
  query MyReviewResults($page: Int!, $pageSize: Int!) {
    myReviewResults(page: $page, pageSize: $pageSize) {
      total
      items {
        campaignId
        campaignName
        publishedAt
        departmentsRanked
        result {
          meanScore
          grade
          gradeLabel
          rank
          filesReviewed
        }
      }
    }
  }
`;
