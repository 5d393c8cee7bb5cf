import { avFiledWithCase } from './av-filed-with-case.js';
import { avRecordedForListedActions } from './av-recorded-for-listed-actions.js';
import { disclosureWithin20WorkingDays } from './disclosure-within-20-working-days.js';
import { disclosureWithin7WorkingDays } from './disclosure-within-7-working-days.js';
import { legalReviewWithinTimeLimit } from './legal-review-within-time-limit.js';
import { majorDecisionsReviewedBeforeDecision } from './major-decisions-reviewed-before-decision.js';
import { reviewerRatio } from './reviewer-ratio.js';
import { reviewersQualified } from './reviewers-qualified.js';
import type { CaseScreen, DepartmentScreen } from './screen.types.js';
import { twoCertifiedOfficers } from './two-certified-officers.js';

export * from './screen.types.js';
export { majorBecause } from './major-decisions-reviewed-before-decision.js';

/** The `auto` keys of the checklist README that run over each case file. */
export const CASE_SCREENS: Readonly<Record<string, CaseScreen>> = {
  TWO_CERTIFIED_OFFICERS: twoCertifiedOfficers,
  DISCLOSURE_WITHIN_7_WORKING_DAYS: disclosureWithin7WorkingDays,
  DISCLOSURE_WITHIN_20_WORKING_DAYS: disclosureWithin20WorkingDays,
  AV_RECORDED_FOR_LISTED_ACTIONS: avRecordedForListedActions,
  AV_FILED_WITH_CASE: avFiledWithCase,
  MAJOR_DECISIONS_REVIEWED_BEFORE_DECISION: majorDecisionsReviewedBeforeDecision,
  LEGAL_REVIEW_WITHIN_TIME_LIMIT: legalReviewWithinTimeLimit,
};

/** The `auto` keys that run over the department's officer registry. */
export const DEPARTMENT_SCREENS: Readonly<Record<string, DepartmentScreen>> = {
  REVIEWERS_QUALIFIED: reviewersQualified,
  REVIEWER_RATIO: reviewerRatio,
};

export const SCREEN_KEYS: readonly string[] = [...Object.keys(CASE_SCREENS), ...Object.keys(DEPARTMENT_SCREENS)];

/** PASS when every subject passes, PARTIAL when ≥ 90% pass, FAIL below (checklist README). */
export function screenResult(passed: number, total: number): 'PASS' | 'PARTIAL' | 'FAIL' {
  if (passed >= total) return 'PASS';
  return passed * 10 >= total * 9 ? 'PARTIAL' : 'FAIL';
}
