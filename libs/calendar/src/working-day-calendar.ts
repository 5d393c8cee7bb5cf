import { INVALID_DATE, dayIndexOf, daysInYear, packIsoDate, yearOf, type IsoDate, type PackedDate } from './calendar-date.js';
import type { CalendarDay, CalendarYearData } from './calendar-year-data.js';
import { CalendarDataError, CalendarYearUnknownError, InvalidCalendarDateError } from './calendar.errors.js';
import { CompiledYear, isWorkingKind } from './compiled-year.js';
import { validateCalendarData } from './validate-year-data.js';

/**
 * China's official working-day calendar over the years it was given, and deadline arithmetic on it.
 * Immutable; build a new one to add a year.
 *
 * Counting never includes the start date, and a computation throws {@link CalendarYearUnknownError}
 * as soon as it needs a day of a year without data; it never falls back to Monday–Friday. Only the
 * days a computation actually looks at count: adding working days to 2026-12-30 is fine as long as
 * the answer is in 2026. Every operation is O(1) per calendar year it spans.
 */
export class WorkingDayCalendar {
  private readonly years: ReadonlyMap<number, CompiledYear>;

  /** @throws CalendarDataError when the data fails {@link validateCalendarData}. */
  constructor(years: readonly CalendarYearData[]) {
    const issues = validateCalendarData(years);
    if (issues.length > 0) throw new CalendarDataError(issues);
    this.years = new Map(years.map((data) => [data.year, new CompiledYear(data)]));
  }

  /** The years with official data, ascending. */
  knownYears(): number[] {
    return [...this.years.keys()].sort((a, b) => a - b);
  }

  hasYear(year: number): boolean {
    return this.years.has(year);
  }

  isWorkingDay(date: IsoDate): boolean {
    const packed = parse(date);
    return this.yearData(yearOf(packed)).isWorkingDay(dayIndexOf(packed));
  }

  /** What the day is (working day, weekend, public holiday, make-up working day) and its holiday name. */
  describeDay(date: IsoDate): CalendarDay {
    const packed = parse(date);
    const year = this.yearData(yearOf(packed));
    const dayIndex = dayIndexOf(packed);
    const kind = year.kindOf(dayIndex);
    const name = year.nameOf(dayIndex);
    return { date: year.dates[dayIndex], kind, working: isWorkingKind(kind), ...(name === undefined ? {} : { name }) };
  }

  /**
   * The n-th working day after `date`; `date` itself never counts, working or not. So
   * `addWorkingDays(friday, 1)` is the next working day, and a deadline of "7 working days from
   * the decision" is `addWorkingDays(decisionDate, 7)`.
   *
   * n = 0 returns `date` unchanged, even when it is not a working day. A negative n is
   * {@link subtractWorkingDays} of −n. For n ≥ 0, `workingDaysBetween(date, result) === n`.
   */
  addWorkingDays(date: IsoDate, n: number): IsoDate {
    const packed = parse(date);
    assertWholeNumber(n);
    if (n === 0) return date;
    return n > 0 ? this.forward(packed, n) : this.backward(packed, -n);
  }

  /** The n-th working day before `date` (`date` itself never counts); n = 0 returns `date`. */
  subtractWorkingDays(date: IsoDate, n: number): IsoDate {
    assertWholeNumber(n);
    return this.addWorkingDays(date, -n);
  }

  /**
   * The number of working days d with `from` < d ≤ `to`: the working days elapsed after `from`,
   * counting `to` if it is one. Equal dates give 0; when `to` is before `from` the result is
   * −workingDaysBetween(to, from), so between(a, b) + between(b, c) = between(a, c) always.
   */
  workingDaysBetween(from: IsoDate, to: IsoDate): number {
    const a = parse(from);
    const b = parse(to);
    if (a === b) return 0;
    return a < b ? this.countAfter(a, b) : -this.countAfter(b, a);
  }

  private forward(start: PackedDate, n: number): IsoDate {
    let year = yearOf(start);
    let from = dayIndexOf(start) + 1;
    let remaining = n;
    for (;;) {
      if (from < daysInYear(year)) {
        const data = this.yearData(year);
        const rank = data.countWorking(0, from);
        const available = data.workingDayCount - rank;
        if (remaining <= available) return data.dates[data.workingDayAt(rank + remaining - 1)];
        remaining -= available;
      }
      year += 1;
      from = 0;
    }
  }

  private backward(start: PackedDate, n: number): IsoDate {
    let year = yearOf(start);
    let to = dayIndexOf(start);
    let remaining = n;
    for (;;) {
      if (to > 0) {
        const data = this.yearData(year);
        const available = data.countWorking(0, to);
        if (remaining <= available) return data.dates[data.workingDayAt(available - remaining)];
        remaining -= available;
      }
      year -= 1;
      to = daysInYear(year);
    }
  }

  /** Working days in (a, b], for a < b. */
  private countAfter(a: PackedDate, b: PackedDate): number {
    const lastYear = yearOf(b);
    let year = yearOf(a);
    let from = dayIndexOf(a) + 1;
    let count = 0;
    for (; year < lastYear; year += 1, from = 0) {
      const length = daysInYear(year);
      if (from < length) count += this.yearData(year).countWorking(from, length);
    }
    const to = dayIndexOf(b) + 1;
    if (from < to) count += this.yearData(year).countWorking(from, to);
    return count;
  }

  private yearData(year: number): CompiledYear {
    const data = this.years.get(year);
    if (data === undefined) throw new CalendarYearUnknownError(year);
    return data;
  }
}

function parse(date: IsoDate): PackedDate {
  const packed = packIsoDate(date);
  if (packed === INVALID_DATE) throw new InvalidCalendarDateError(date);
  return packed;
}

function assertWholeNumber(n: number): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`A number of working days must be a whole number, got ${n}`);
}
