import { failed, NOT_CONCERNED, PASSED, type ScreenCase, type ScreenContext, type ScreenVerdict } from './screen.types.js';

/** Licensing and penalty decisions: 7 working days; everything else with a decision: 20 (国办发〔2018〕118号). */
export const SEVEN_DAY_TYPES: ReadonlySet<string> = new Set(['PENALTY', 'LICENSING']);
/** Case types with no decision to publish under these rules. */
const NOT_DISCLOSED_TYPES: ReadonlySet<string> = new Set(['PENALTY_SIMPLE', 'RECONSIDERATION']);

export function isOtherDecision(caseType: string): boolean {
  return !SEVEN_DAY_TYPES.has(caseType) && !NOT_DISCLOSED_TYPES.has(caseType);
}

/** Published within `limit` working days of the decision, counted on the official calendar. */
export function disclosedWithin(c: ScreenCase, ctx: ScreenContext, limit: number): ScreenVerdict {
  if (!c.decisionDate) return NOT_CONCERNED;
  if (!c.disclosedDate) {
    const elapsed = ctx.calendar.workingDaysBetween(c.decisionDate, ctx.asOf);
    // Not yet due: the screen says nothing about a decision whose deadline is still running.
    if (elapsed <= limit) return NOT_CONCERNED;
    return failed(`决定作出（${c.decisionDate}）已 ${elapsed} 个工作日，仍未公示`);
  }
  if (c.disclosedDate < c.decisionDate) return failed(`公示日期（${c.disclosedDate}）早于决定日期（${c.decisionDate}），日期有误`);
  const days = ctx.calendar.workingDaysBetween(c.decisionDate, c.disclosedDate);
  return days > limit ? failed(`公示日期晚于决定日期 ${days} 个工作日（超过 ${limit} 个工作日）`) : PASSED;
}
