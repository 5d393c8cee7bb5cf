import { CalendarError } from '@ducha/calendar';
import type { ScreenFailure } from '../entities/compliance-check-item.entity.js';
import {
  CASE_SCREENS,
  DEPARTMENT_SCREENS,
  screenResult,
  type ScreenCase,
  type ScreenContext,
  type ScreenOfficer,
} from '../screens/index.js';

/** One screen's outcome over one department. */
export interface ScreenOutcome {
  passed: number;
  total: number;
  failures: ScreenFailure[];
  /** Failures beyond the evidence limit, counted but not listed. */
  omitted: number;
  /** PASS / PARTIAL / FAIL by the README thresholds; null when nothing in the period concerned the screen. */
  result: 'PASS' | 'PARTIAL' | 'FAIL' | null;
}

type Tally = Map<string, ScreenOutcome>;

/**
 * Runs the checklist's screens over a stream of case files and then over each department's officers,
 * keeping per department and screen only counts and up to `evidenceLimit` failures: memory stays flat
 * however many files go through.
 */
export class ScreeningEngine {
  private readonly tallies = new Map<string, Tally>();
  private readonly caseKeys: string[];
  private readonly departmentKeys: string[];
  failingCases = 0;
  casesSeen = 0;
  /** Cases with a date in a year without an official calendar: those deadlines were not judged. */
  calendarGaps = 0;

  constructor(
    keys: readonly string[],
    private readonly ctx: ScreenContext,
    private readonly evidenceLimit: number,
  ) {
    this.caseKeys = keys.filter((k) => k in CASE_SCREENS);
    this.departmentKeys = keys.filter((k) => k in DEPARTMENT_SCREENS);
  }

  addCase(c: ScreenCase): void {
    this.casesSeen++;
    const tally = this.tallyOf(c.departmentId);
    let failing = false;
    let gap = false;
    for (const key of this.caseKeys) {
      let verdict;
      try {
        verdict = CASE_SCREENS[key](c, this.ctx);
      } catch (error) {
        // Never guess with plain weekdays: count it and say so.
        if (!(error instanceof CalendarError)) throw error;
        gap = true;
        continue;
      }
      if (!verdict.applies) continue;
      const outcome = tally.get(key)!;
      outcome.total++;
      if (verdict.pass) outcome.passed++;
      else {
        failing = true;
        this.addFailure(outcome, { subject: c.id, label: c.fileNo, reason: verdict.reason });
      }
    }
    if (failing) this.failingCases++;
    if (gap) this.calendarGaps++;
  }

  /** Runs the registry screens for a department (call once per department in scope). */
  addDepartment(departmentId: string, officers: readonly ScreenOfficer[]): void {
    const tally = this.tallyOf(departmentId);
    for (const key of this.departmentKeys) {
      const r = DEPARTMENT_SCREENS[key](officers, this.ctx);
      const outcome = tally.get(key)!;
      outcome.passed = r.passed;
      outcome.total = r.total;
      for (const f of r.failures) this.addFailure(outcome, { subject: f.subject, label: f.subject, reason: f.reason });
      if (r.forcedResult) outcome.result = r.forcedResult;
    }
  }

  /** Outcomes per department, with results computed. */
  outcomes(): Map<string, Map<string, ScreenOutcome>> {
    for (const tally of this.tallies.values()) {
      for (const o of tally.values()) {
        if (o.result === null && o.total > 0) o.result = screenResult(o.passed, o.total);
      }
    }
    return this.tallies;
  }

  private tallyOf(departmentId: string): Tally {
    let tally = this.tallies.get(departmentId);
    if (!tally) {
      tally = new Map(
        [...this.caseKeys, ...this.departmentKeys].map((k) => [k, { passed: 0, total: 0, failures: [], omitted: 0, result: null }]),
      );
      this.tallies.set(departmentId, tally);
    }
    return tally;
  }

  private addFailure(outcome: ScreenOutcome, failure: ScreenFailure): void {
    if (outcome.failures.length < this.evidenceLimit) outcome.failures.push(failure);
    else outcome.omitted++;
  }
}
