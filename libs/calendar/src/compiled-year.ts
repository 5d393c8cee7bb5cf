import { daysInYear, isoDatesOfYear, isWeekendDay, packIsoDate, dayIndexOf, type IsoDate } from './calendar-date.js';
import { DayKind, type CalendarYearData } from './calendar-year-data.js';

/**
 * One validated year in the form the arithmetic needs: a prefix count of working days by day of
 * year (so a count over any range is one subtraction) and the day index of the k-th working day
 * (so "the k-th working day" is one lookup).
 */
export class CompiledYear {
  readonly year: number;
  readonly length: number;
  readonly workingDayCount: number;
  readonly dates: readonly IsoDate[];
  private readonly kinds: DayKind[];
  /** workingBefore[i] = working days among day indexes [0, i); length + 1 entries. */
  private readonly workingBefore: Uint16Array;
  private readonly workingDayIndexes: Uint16Array;
  private readonly names: ReadonlyMap<IsoDate, string>;

  constructor(data: CalendarYearData) {
    this.year = data.year;
    this.length = daysInYear(data.year);
    this.dates = isoDatesOfYear(data.year);
    this.names = new Map(Object.entries(data.names ?? {}));
    this.kinds = Array.from({ length: this.length }, (_, i) => (isWeekendDay(data.year, i) ? DayKind.WEEKEND : DayKind.WORKDAY));
    for (const date of data.holidays) this.kinds[dayIndexOf(packIsoDate(date))] = DayKind.PUBLIC_HOLIDAY;
    for (const date of data.makeUpWorkdays) this.kinds[dayIndexOf(packIsoDate(date))] = DayKind.MAKE_UP_WORKDAY;

    this.workingBefore = new Uint16Array(this.length + 1);
    const indexes: number[] = [];
    for (let i = 0; i < this.length; i += 1) {
      const working = isWorkingKind(this.kinds[i]);
      if (working) indexes.push(i);
      this.workingBefore[i + 1] = this.workingBefore[i] + (working ? 1 : 0);
    }
    this.workingDayIndexes = Uint16Array.from(indexes);
    this.workingDayCount = indexes.length;
  }

  isWorkingDay(dayIndex: number): boolean {
    return this.workingBefore[dayIndex + 1] !== this.workingBefore[dayIndex];
  }

  /** Working days among day indexes [from, to). */
  countWorking(from: number, to: number): number {
    return this.workingBefore[to] - this.workingBefore[from];
  }

  /** Day index of the working day with zero-based rank `rank` in the year. */
  workingDayAt(rank: number): number {
    return this.workingDayIndexes[rank];
  }

  kindOf(dayIndex: number): DayKind {
    return this.kinds[dayIndex];
  }

  nameOf(dayIndex: number): string | undefined {
    return this.names.get(this.dates[dayIndex]);
  }
}

export function isWorkingKind(kind: DayKind): boolean {
  switch (kind) {
    case DayKind.WORKDAY:
    case DayKind.MAKE_UP_WORKDAY:
      return true;
    case DayKind.WEEKEND:
    case DayKind.PUBLIC_HOLIDAY:
      return false;
  }
}
