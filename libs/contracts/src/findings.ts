/** Where a finding came from (DOMAIN.md "Rectification"). */
export enum FindingSource {
  CASE_REVIEW = 'CASE_REVIEW',
  THREE_SYSTEMS = 'THREE_SYSTEMS',
  INSPECTION = 'INSPECTION',
  HOTLINE = 'HOTLINE',
  ASSESSMENT = 'ASSESSMENT',
  LEADER_INSTRUCTION = 'LEADER_INSTRUCTION',
}

export enum FindingSeverity {
  MAJOR = 'MAJOR',
  GENERAL = 'GENERAL',
}

/**
 * What a review, a check or an inspection hands to rectification: one problem of one department.
 * `originType`/`originId` link back (a score sheet item, a check item); `dedupKey` makes recording
 * idempotent (finalizing twice never doubles findings).
 */
export interface FindingDraft {
  source: FindingSource;
  departmentId: string;
  originType: string;
  originId: string;
  /** e.g. the campaign or round id, for bulk issue. */
  batchId: string | null;
  category: string;
  severity: FindingSeverity;
  description: string;
  legalBasis: string | null;
  evidence: unknown;
  dedupKey: string;
}
