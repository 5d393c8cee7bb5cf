import type { TypedDocumentNode } from '@apollo/client';
import { gql } from '@apollo/client';
import type { Answers, RubricTemplate } from '@ducha/scoring';

export type CampaignStage = 'PLANNED' | 'SELF_CHECK' | 'DRAWN' | 'REVIEWING' | 'RECHECK' | 'FINALIZED' | 'PUBLISHED';
export interface Campaign {
  id: string;
  name: string;
  year: number;
  periodFrom: string;
  periodTo: string;
  stage: CampaignStage;
  seed: string | null;
  drawnAt: string | null;
  caseTypes: string[];
  departmentIds: string[];
  reviewerIds: string[];
  filesPerDepartment: number;
  reviewersPerFile: number;
  recheckRule: { belowFailLine: boolean; differentGrades: boolean; maxSpread: number | null };
  version: number;
}
const CAMPAIGN_FIELDS = `id name year periodFrom periodTo stage seed drawnAt caseTypes departmentIds reviewerIds filesPerDepartment reviewersPerFile
  recheckRule { belowFailLine differentGrades maxSpread } version`;

export const CAMPAIGNS: TypedDocumentNode<{ reviewCampaigns: { total: number; items: Campaign[] } }, { page: number; pageSize: number }> =
  gql`
  query ReviewCampaigns($page: Int!, $pageSize: Int!) { reviewCampaigns(page: $page, pageSize: $pageSize) { total items { ${CAMPAIGN_FIELDS} } } }
`;
export const CAMPAIGN: TypedDocumentNode<{ reviewCampaign: Campaign }, { id: string }> = gql`
  query ReviewCampaign($id: ID!) { reviewCampaign(id: $id) { ${CAMPAIGN_FIELDS} } }
`;

export interface CreateCampaignInput {
  name: string;
  year: number;
  periodFrom: string;
  periodTo: string;
  caseTypes: string[];
  rubrics: { caseType: string; code: string; version: string }[];
  departmentIds: string[];
  filesPerDepartment: number;
  reviewerIds: string[];
  reviewersPerFile: number;
  recheckRule: { belowFailLine: boolean; differentGrades: boolean; maxSpread?: number | null };
}
export const CREATE_CAMPAIGN: TypedDocumentNode<{ createReviewCampaign: Campaign }, { input: CreateCampaignInput }> = gql`
  mutation CreateReviewCampaign($input: CreateReviewCampaignInput!) { createReviewCampaign(input: $input) { ${CAMPAIGN_FIELDS} } }
`;
export const DRAW: TypedDocumentNode<{ drawSample: Campaign }, { campaignId: string; seed?: string }> = gql`
  mutation DrawSample($campaignId: ID!, $seed: String) { drawSample(campaignId: $campaignId, seed: $seed) { ${CAMPAIGN_FIELDS} } }
`;
export const ASSIGN: TypedDocumentNode<{ assignReviewers: Campaign }, { campaignId: string }> = gql`
  mutation AssignReviewers($campaignId: ID!) { assignReviewers(campaignId: $campaignId) { ${CAMPAIGN_FIELDS} } }
`;
export const FINALIZE: TypedDocumentNode<{ finalizeCampaign: Campaign }, { campaignId: string }> = gql`
  mutation FinalizeCampaign($campaignId: ID!) { finalizeCampaign(campaignId: $campaignId) { ${CAMPAIGN_FIELDS} } }
`;
export const PUBLISH: TypedDocumentNode<{ publishBulletin: Campaign }, { campaignId: string }> = gql`
  mutation PublishBulletin($campaignId: ID!) { publishBulletin(campaignId: $campaignId) { ${CAMPAIGN_FIELDS} } }
`;

export interface RubricRow {
  id: string;
  code: string;
  version: string;
  name: string;
  caseTypes: string[];
  formula: string;
}
export const RUBRICS: TypedDocumentNode<{ rubrics: { total: number; items: RubricRow[] } }, { page: number; pageSize: number }> = gql`
  query Rubrics($page: Int!, $pageSize: Int!) {
    rubrics(page: $page, pageSize: $pageSize) {
      total
      items {
        id
        code
        version
        name
        caseTypes
        formula
      }
    }
  }
`;
export const RUBRIC: TypedDocumentNode<{ rubric: RubricRow & { template: RubricTemplate } }, { code: string; version: string }> = gql`
  query Rubric($code: String!, $version: String!) {
    rubric(code: $code, version: $version) {
      id
      code
      version
      name
      caseTypes
      formula
      template
    }
  }
`;

export interface ReviewFileRow {
  id: string;
  campaignId: string;
  caseFileId: string;
  caseType: string;
  departmentId: string;
  departmentName: string;
  fileNo: string;
  status: string;
  finalScore: number | null;
  finalGrade: string | null;
  rubricId: string;
}
export const REVIEW_FILES: TypedDocumentNode<
  { reviewFiles: { total: number; items: ReviewFileRow[] } },
  { campaignId: string; page: number; pageSize: number }
> = gql`
  query ReviewFiles($campaignId: ID!, $page: Int!, $pageSize: Int!) {
    reviewFiles(campaignId: $campaignId, page: $page, pageSize: $pageSize) {
      total
      items {
        id
        campaignId
        caseFileId
        caseType
        departmentId
        departmentName
        fileNo
        status
        finalScore
        finalGrade
        rubricId
      }
    }
  }
`;

export interface SheetRow {
  id: string;
  campaignId: string;
  reviewFileId: string;
  reviewerId: string;
  rubricId: string;
  kind: 'INITIAL' | 'RECHECK';
  status: 'DRAFT' | 'SUBMITTED';
  answers: Answers;
  score: number | null;
  grade: string | null;
  vetoHits: string[];
  submittedAt: string | null;
  version: number;
}
const SHEET_FIELDS = 'id campaignId reviewFileId reviewerId rubricId kind status answers score grade vetoHits submittedAt version';
export const MY_SHEETS: TypedDocumentNode<
  { myScoreSheets: { total: number; items: SheetRow[] } },
  { campaignId: string; page: number; pageSize: number }
> = gql`
  query MyScoreSheets($campaignId: ID!, $page: Int!, $pageSize: Int!) { myScoreSheets(campaignId: $campaignId, page: $page, pageSize: $pageSize) { total items { ${SHEET_FIELDS} } } }
`;
export const SAVE_SHEET: TypedDocumentNode<
  { saveScoreSheet: SheetRow },
  { input: { sheetId: string; version: number; answers: Answers } }
> = gql`
  mutation SaveScoreSheet($input: ScoreSheetInput!) { saveScoreSheet(input: $input) { ${SHEET_FIELDS} } }
`;
export const SUBMIT_SHEET: TypedDocumentNode<
  { submitScoreSheet: SheetRow },
  { input: { sheetId: string; version: number; answers: Answers } }
> = gql`
  mutation SubmitScoreSheet($input: ScoreSheetInput!) { submitScoreSheet(input: $input) { ${SHEET_FIELDS} } }
`;

export interface CaseFileFacts {
  id: string;
  fileNo: string;
  caseType: string;
  cause: string;
  partyName: string;
  partyKind: string;
  sector: string;
  filedDate: string;
  decisionDate: string | null;
  closedDate: string;
  fineFen: number;
  major: boolean;
  hearingHeld: boolean;
  legalReviewPassed: boolean | null;
  officerCertificateNos: string[];
}
export const CASE_FILE: TypedDocumentNode<{ caseFile: CaseFileFacts }, { id: string }> = gql`
  query CaseFileFacts($id: ID!) {
    caseFile(id: $id) {
      id
      fileNo
      caseType
      cause
      partyName
      partyKind
      sector
      filedDate
      decisionDate
      closedDate
      fineFen
      major
      hearingHeld
      legalReviewPassed
      officerCertificateNos
    }
  }
`;

export const RESULTS: TypedDocumentNode<
  {
    campaignResults: {
      files: number;
      meanScore: number;
      /** The most frequent problems, most frequent first (the bulletin's 典型问题). */
      typicalProblems: { group: string; title: string; count: number }[];
      departments: {
        departmentId: string;
        departmentName: string;
        rank: number;
        filesReviewed: number;
        meanScore: number;
        totalScore: number;
        grade: string;
        gradeLabel: string;
        gradeCounts: Record<string, number>;
      }[];
    };
  },
  { campaignId: string }
> = gql`
  query CampaignResults($campaignId: ID!) {
    campaignResults(campaignId: $campaignId) {
      files
      meanScore
      typicalProblems
      departments {
        departmentId
        departmentName
        rank
        filesReviewed
        meanScore
        totalScore
        grade
        gradeLabel
        gradeCounts
      }
    }
  }
`;
