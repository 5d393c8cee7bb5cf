import type { TypedDocumentNode } from '@apollo/client';
import { gql } from '@apollo/client';

export interface AssignmentRow {
  sheetId: string;
  reviewFileId: string;
  fileNo: string;
  departmentName: string;
  caseType: string;
  reviewerId: string;
  reviewerName: string;
  kind: 'INITIAL' | 'RECHECK';
  status: 'DRAFT' | 'SUBMITTED';
}
export const ASSIGNMENTS: TypedDocumentNode<
  { reviewAssignments: { total: number; items: AssignmentRow[] } },
  { campaignId: string; page: number; pageSize: number }
> = gql`
  query ReviewAssignments($campaignId: ID!, $page: Int!, $pageSize: Int!) {
    reviewAssignments(campaignId: $campaignId, page: $page, pageSize: $pageSize) {
      total
      items {
        sheetId
        reviewFileId
        fileNo
        departmentName
        caseType
        reviewerId
        reviewerName
        kind
        status
      }
    }
  }
`;

export interface ReviewerOptionRow {
  reviewerId: string;
  displayName: string;
  unitName: string;
  allowed: boolean;
  rule: string;
  reason: string;
}
export const REVIEWER_OPTIONS: TypedDocumentNode<{ reviewerOptions: ReviewerOptionRow[] }, { reviewFileId: string }> = gql`
  query ReviewerOptions($reviewFileId: ID!) {
    reviewerOptions(reviewFileId: $reviewFileId) {
      reviewerId
      displayName
      unitName
      allowed
      rule
      reason
    }
  }
`;

export const REASSIGN: TypedDocumentNode<
  { reassignScoreSheet: { id: string; reviewerId: string } },
  { sheetId: string; reviewerId: string }
> = gql`
  mutation ReassignScoreSheet($sheetId: ID!, $reviewerId: ID!) {
    reassignScoreSheet(sheetId: $sheetId, reviewerId: $reviewerId) {
      id
      reviewerId
    }
  }
`;

export interface RecheckRow {
  reviewFileId: string;
  campaignId: string;
  campaignName: string;
  fileNo: string;
  departmentName: string;
  caseType: string;
  initialScores: number[];
  initialGrades: string[];
  recheckSheetId: string | null;
  recheckReviewerId: string | null;
  recheckReviewerName: string | null;
  canAssign: boolean;
}
export const RECHECK_QUEUE: TypedDocumentNode<
  { recheckQueue: { total: number; items: RecheckRow[] } },
  { page: number; pageSize: number }
> = gql`
  query RecheckQueue($page: Int!, $pageSize: Int!) {
    recheckQueue(page: $page, pageSize: $pageSize) {
      total
      items {
        reviewFileId
        campaignId
        campaignName
        fileNo
        departmentName
        caseType
        initialScores
        initialGrades
        recheckSheetId
        recheckReviewerId
        recheckReviewerName
        canAssign
      }
    }
  }
`;

export const ASSIGN_RECHECK: TypedDocumentNode<{ assignRecheck: { id: string } }, { reviewFileId: string; reviewerId: string }> = gql`
  mutation AssignRecheck($reviewFileId: ID!, $reviewerId: ID!) {
    assignRecheck(reviewFileId: $reviewFileId, reviewerId: $reviewerId) {
      id
    }
  }
`;
