import type { CheckResult } from './template.types.js';

/**
 * One reviewer answer, keyed by item code in {@link Answers}. One loose shape (rather than a union)
 * because answers arrive as JSON / GraphQL input; `validateAnswers` checks which fields the item's
 * kind takes:
 * - VETO: `hit`, `note`. No answer = not hit.
 * - DEDUCT leaf: `points` = the deduction, `notApplicable`, `note`. No answer = nothing deducted.
 * - EARN leaf: `points` = the points earned, `notApplicable`, `note`. No answer = 0 earned (listed
 *   in `unanswered`): a reviewer always states what a document earns, so a forgotten item can never
 *   inflate a score.
 * - BONUS leaf: `points` = the bonus awarded, `note`. No answer = no bonus.
 * - item with children: only `notApplicable` (the whole subtree leaves the score) and `note`; its
 *   points are the sum of its sub-items.
 * - CHECK: `result` (required), `note`. No answer = 0 credit (listed in `unanswered`).
 */
export interface ItemAnswer {
  readonly hit?: boolean;
  readonly points?: number;
  readonly notApplicable?: boolean;
  readonly result?: CheckResult;
  readonly note?: string;
}

export type VetoAnswer = Pick<ItemAnswer, 'hit' | 'note'>;
export type PointsAnswer = Pick<ItemAnswer, 'points' | 'notApplicable' | 'note'>;
export type CheckAnswer = Required<Pick<ItemAnswer, 'result'>> & Pick<ItemAnswer, 'note'>;

/** A score sheet's answers, keyed by item code. */
export type Answers = Readonly<Record<string, ItemAnswer | undefined>>;

/**
 * An answer for one indicator of a framework, keyed by indicator code:
 * - level-3 SELF_REPORT: `score`, 0…weight in steps of 0.5;
 * - level-3 DATA:<KEY> / RATE:<KEY>: `rate` in [0, 1]; the indicator earns rate × weight;
 * - any level: `notApplicable` (the indicator and everything below it leave the total) and `note`.
 * An applicable level-3 indicator without an answer earns 0 and is listed in `unanswered`.
 */
export interface IndicatorAnswer {
  readonly score?: number;
  readonly rate?: number;
  readonly notApplicable?: boolean;
  readonly note?: string;
}

export type IndicatorAnswers = Readonly<Record<string, IndicatorAnswer | undefined>>;
