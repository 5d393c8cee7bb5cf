import { majorBecause, majorDecisionsReviewedBeforeDecision } from './major-decisions-reviewed-before-decision.js';
import { aCase, aContext } from './screen-fixtures.js';

describe('majorDecisionsReviewedBeforeDecision', () => {
  const ctx = aContext();
  const reviewed = {
    legalReviewSubmittedDate: '2025-09-24',
    legalReviewFinishedDate: '2025-09-25',
    legalReviewPassed: true,
    decisionDate: '2025-09-26',
  };

  it('should recognise the catalogue: fines at the thresholds, suspension, revocation, hearing, flag', () => {
    expect(majorBecause(aCase({ partyKind: 'PERSON', fineFen: 1_000_000 }))).toBe('罚款 10,000 元');
    expect(majorBecause(aCase({ partyKind: 'PERSON', fineFen: 999_999 }))).toBeNull();
    expect(majorBecause(aCase({ partyKind: 'ORGANISATION', fineFen: 9_999_999 }))).toBeNull();
    expect(majorBecause(aCase({ partyKind: 'ORGANISATION', fineFen: 10_000_000 }))).toBe('罚款 100,000 元');
    expect(majorBecause(aCase({ penaltyKinds: ['BUSINESS_SUSPENSION'] }))).toBe('责令停产停业');
    expect(majorBecause(aCase({ penaltyKinds: ['LICENCE_REVOCATION'] }))).toBe('吊销许可证照');
    expect(majorBecause(aCase({ hearingHeld: true }))).toBe('经过听证');
    expect(majorBecause(aCase({ major: true }))).toBe('标记为重大案件');
  });

  it('should fail a major case without any legal review record', () => {
    expect(majorDecisionsReviewedBeforeDecision(aCase({ major: true }), ctx)).toEqual({
      applies: true,
      pass: false,
      reason: '重大案件（标记为重大案件）无法制审核记录',
    });
  });

  it('should fail a review finished after the decision, and one that did not pass', () => {
    const after = majorDecisionsReviewedBeforeDecision(aCase({ major: true, ...reviewed, legalReviewFinishedDate: '2025-10-09' }), ctx);
    expect(after).toEqual({
      applies: true,
      pass: false,
      reason: '重大案件（标记为重大案件）法制审核完成日期（2025-10-09）晚于决定日期（2025-09-26）',
    });
    expect(majorDecisionsReviewedBeforeDecision(aCase({ major: true, ...reviewed, legalReviewPassed: false }), ctx)).toMatchObject({
      pass: false,
      reason: expect.stringContaining('未通过'),
    });
  });

  it('should pass a passed review before the decision and ignore ordinary cases', () => {
    expect(majorDecisionsReviewedBeforeDecision(aCase({ hearingHeld: true, ...reviewed }), ctx)).toEqual({ applies: true, pass: true });
    expect(majorDecisionsReviewedBeforeDecision(aCase(), ctx)).toEqual({ applies: false });
  });
});
