import { failed, NOT_CONCERNED, PASSED, type CaseScreen, type ScreenCase } from './screen.types.js';

/** The common review catalogue (DOMAIN.md): ¥10,000 for a person, ¥100,000 for an organisation. */
export const MAJOR_FINE_PERSON_FEN = 1_000_000;
export const MAJOR_FINE_ORGANISATION_FEN = 10_000_000;
export const MAJOR_PENALTY_KINDS: ReadonlySet<string> = new Set(['BUSINESS_SUSPENSION', 'LICENCE_REVOCATION']);

/** Why a case is major, or null. */
export function majorBecause(c: ScreenCase): string | null {
  if (c.major) return '标记为重大案件';
  const limit = c.partyKind === 'PERSON' ? MAJOR_FINE_PERSON_FEN : MAJOR_FINE_ORGANISATION_FEN;
  if (c.fineFen >= limit) return `罚款 ${(c.fineFen / 100).toLocaleString('zh-CN')} 元`;
  const kind = c.penaltyKinds.find((k) => MAJOR_PENALTY_KINDS.has(k));
  if (kind) return kind === 'BUSINESS_SUSPENSION' ? '责令停产停业' : '吊销许可证照';
  if (c.hearingHeld) return '经过听证';
  return null;
}

/** MAJOR_DECISIONS_REVIEWED_BEFORE_DECISION: every major case has a passed legal review dated before the decision. */
export const majorDecisionsReviewedBeforeDecision: CaseScreen = (c) => {
  const because = majorBecause(c);
  if (!because || !c.decisionDate) return NOT_CONCERNED;
  if (c.legalReviewPassed === null || (!c.legalReviewFinishedDate && !c.legalReviewSubmittedDate)) {
    return failed(`重大案件（${because}）无法制审核记录`);
  }
  if (!c.legalReviewPassed) return failed(`重大案件（${because}）法制审核未通过即作出决定`);
  if (!c.legalReviewFinishedDate) return failed(`重大案件（${because}）法制审核无完成日期`);
  if (c.legalReviewFinishedDate > c.decisionDate) {
    return failed(`重大案件（${because}）法制审核完成日期（${c.legalReviewFinishedDate}）晚于决定日期（${c.decisionDate}）`);
  }
  return PASSED;
};
