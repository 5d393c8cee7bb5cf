import type { ReviewCampaignEntity } from './entities/review-campaign.entity.js';
import type { RubricEntity } from './entities/rubric.entity.js';
import type { ScoreSheetEntity } from './entities/score-sheet.entity.js';
import type { ReviewCampaign, Rubric, ScoreSheet } from './models/review.models.js';

export const toRubricModel = (r: RubricEntity): Rubric => ({
  id: r.id,
  code: r.code,
  version: r.version,
  name: r.name,
  formula: r.formula,
  caseTypes: r.caseTypes,
  template: r.template,
});

export function toCampaignModel(c: ReviewCampaignEntity): ReviewCampaign {
  const { results: _r, officeUnitId: _o, regionPath: _p, createdBy: _c, createdAt: _a, updatedAt: _u, ...rest } = c;
  return { ...rest, recheckRule: { ...c.recheckRule, maxSpread: c.recheckRule.maxSpread ?? null } };
}

export function toSheetModel(s: ScoreSheetEntity): ScoreSheet {
  return {
    id: s.id,
    reviewFileId: s.reviewFileId,
    campaignId: s.campaignId,
    reviewerId: s.reviewerId,
    kind: s.kind,
    status: s.status,
    rubricId: s.rubricId,
    answers: s.answers,
    score: s.score,
    grade: s.grade,
    vetoHits: [...(s.evaluation?.vetoHits ?? [])],
    findings: s.evaluation?.findings ?? [],
    submittedAt: s.submittedAt,
    version: s.version,
  };
}
