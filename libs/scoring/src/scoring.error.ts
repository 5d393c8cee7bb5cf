/**
 * One problem with one answer. `itemCode` is the item (or indicator) code the answer is keyed by,
 * '' when the problem concerns the sheet as a whole; `field` is the answer field (`points`, `hit`,
 * `notApplicable`, `result`, `note`, `score`, `rate`), or `itemCode` for an unknown code.
 */
export interface ScoringIssue {
  readonly itemCode: string;
  readonly field: string;
  readonly reason: string;
}

export const ScoringErrorCode = {
  /** The caller sent answers the template does not allow: maps to BAD_USER_INPUT. */
  INVALID_ANSWERS: 'INVALID_ANSWERS',
} as const;
export type ScoringErrorCode = (typeof ScoringErrorCode)[keyof typeof ScoringErrorCode];

/** Thrown by `evaluate` / `evaluateFramework` when answers are invalid; nothing is scored. */
export class ScoringError extends Error {
  readonly code: ScoringErrorCode = ScoringErrorCode.INVALID_ANSWERS;

  constructor(readonly issues: readonly ScoringIssue[]) {
    super(describeIssues(issues));
    this.name = 'ScoringError';
  }
}

function describeIssues(issues: readonly ScoringIssue[]): string {
  const shown = issues.slice(0, 3).map((i) => `${[i.itemCode, i.field].filter(Boolean).join('.') || 'answers'}: ${i.reason}`);
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : '';
  return `Invalid answers: ${shown.join('; ')}${more}`;
}
