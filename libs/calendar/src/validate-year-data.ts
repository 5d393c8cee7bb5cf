import { INVALID_DATE, dayIndexOf, isWeekendDay, packIsoDate, weekdayName, yearOf } from './calendar-date.js';
import type { CalendarYearData } from './calendar-year-data.js';

export enum CalendarDataIssueCode {
  INVALID_SHAPE = 'INVALID_SHAPE',
  INVALID_YEAR = 'INVALID_YEAR',
  INVALID_DATE = 'INVALID_DATE',
  DATE_OUTSIDE_YEAR = 'DATE_OUTSIDE_YEAR',
  DUPLICATE_DATE = 'DUPLICATE_DATE',
  NO_HOLIDAYS = 'NO_HOLIDAYS',
  MAKE_UP_WORKDAY_NOT_WEEKEND = 'MAKE_UP_WORKDAY_NOT_WEEKEND',
  HOLIDAY_AND_MAKE_UP_WORKDAY = 'HOLIDAY_AND_MAKE_UP_WORKDAY',
  NAME_FOR_UNLISTED_DATE = 'NAME_FOR_UNLISTED_DATE',
  INVALID_NAME = 'INVALID_NAME',
  DUPLICATE_YEAR = 'DUPLICATE_YEAR',
}

/**
 * One problem in calendar data. `field` is a dotted path into the year's data (`makeUpWorkdays.1`,
 * `names.2025-10-09`); with `reason` it has the shape of the API's field issues.
 */
export interface CalendarDataIssue {
  code: CalendarDataIssueCode;
  field: string;
  reason: string;
  year?: number;
}

const MAX_YEAR = 9999;

/**
 * Checks one year as an administrator would enter it. Allowed: holidays on a weekend (a holiday
 * period includes its weekend days) and dates in any order. Empty result = valid.
 */
export function validateYearData(data: CalendarYearData): CalendarDataIssue[] {
  const issues: CalendarDataIssue[] = [];
  if (typeof data !== 'object' || data === null) {
    return [{ code: CalendarDataIssueCode.INVALID_SHAPE, field: '', reason: 'a year of calendar data must be an object' }];
  }
  const { year } = data;
  if (!Number.isInteger(year) || year < 1 || year > MAX_YEAR) {
    const reason = `${JSON.stringify(year)} is not a year between 1 and ${MAX_YEAR}`;
    return [{ code: CalendarDataIssueCode.INVALID_YEAR, field: 'year', reason }];
  }
  const report = (code: CalendarDataIssueCode, field: string, reason: string): void => {
    issues.push({ code, field, reason, year });
  };

  const holidays = checkDateList(data.holidays, 'holidays', year, report);
  const makeUpWorkdays = checkDateList(data.makeUpWorkdays, 'makeUpWorkdays', year, report);
  if (Array.isArray(data.holidays) && data.holidays.length === 0) {
    report(CalendarDataIssueCode.NO_HOLIDAYS, 'holidays', `${year} lists no public holidays, so it is not an official calendar`);
  }
  for (const [date, index] of makeUpWorkdays) {
    const dayIndex = dayIndexOf(packIsoDate(date));
    if (!isWeekendDay(year, dayIndex)) {
      const reason = `${date} is a ${weekdayName(year, dayIndex)}; a make-up working day must be a Saturday or Sunday`;
      report(CalendarDataIssueCode.MAKE_UP_WORKDAY_NOT_WEEKEND, `makeUpWorkdays.${index}`, reason);
    }
    if (holidays.has(date)) {
      const reason = `${date} is listed both as a holiday and as a make-up working day`;
      report(CalendarDataIssueCode.HOLIDAY_AND_MAKE_UP_WORKDAY, `makeUpWorkdays.${index}`, reason);
    }
  }
  if (Array.isArray(data.holidays) && Array.isArray(data.makeUpWorkdays)) {
    checkNames(data.names, (date) => holidays.has(date) || makeUpWorkdays.has(date), report);
  }
  return issues;
}

/** Checks every year and that no year appears twice; fields are prefixed with the year's index. */
export function validateCalendarData(years: readonly CalendarYearData[]): CalendarDataIssue[] {
  if (!Array.isArray(years)) {
    return [{ code: CalendarDataIssueCode.INVALID_SHAPE, field: '', reason: 'calendar data must be a list of years' }];
  }
  const issues: CalendarDataIssue[] = [];
  const seen = new Map<number, number>();
  years.forEach((data, index) => {
    for (const issue of validateYearData(data)) issues.push({ ...issue, field: `${index}.${issue.field}` });
    const year = data?.year;
    const first = seen.get(year);
    if (first !== undefined) {
      const reason = `${year} is given twice (also at ${first})`;
      issues.push({ code: CalendarDataIssueCode.DUPLICATE_YEAR, field: `${index}.year`, reason, year });
    } else {
      seen.set(year, index);
    }
  });
  return issues;
}

type Report = (code: CalendarDataIssueCode, field: string, reason: string) => void;

/** Returns the valid, distinct dates of the list, each with its first index. */
function checkDateList(list: unknown, field: string, year: number, report: Report): Map<string, number> {
  const valid = new Map<string, number>();
  if (!Array.isArray(list)) {
    report(CalendarDataIssueCode.INVALID_SHAPE, field, `${field} must be a list of YYYY-MM-DD dates`);
    return valid;
  }
  list.forEach((date: unknown, index) => {
    const packed = packIsoDate(date);
    if (packed === INVALID_DATE) {
      report(CalendarDataIssueCode.INVALID_DATE, `${field}.${index}`, `${JSON.stringify(date)} is not a YYYY-MM-DD date`);
    } else if (yearOf(packed) !== year) {
      report(CalendarDataIssueCode.DATE_OUTSIDE_YEAR, `${field}.${index}`, `${String(date)} is not in ${year}`);
    } else if (valid.has(date as string)) {
      const reason = `${String(date)} is listed twice in ${field} (also at ${valid.get(date as string)})`;
      report(CalendarDataIssueCode.DUPLICATE_DATE, `${field}.${index}`, reason);
    } else {
      valid.set(date as string, index);
    }
  });
  return valid;
}

function checkNames(names: unknown, isListed: (date: string) => boolean, report: Report): void {
  if (names === undefined) return;
  if (typeof names !== 'object' || names === null || Array.isArray(names)) {
    report(CalendarDataIssueCode.INVALID_SHAPE, 'names', 'names must map dates to holiday names');
    return;
  }
  for (const [date, name] of Object.entries(names)) {
    if (typeof name !== 'string' || name.trim() === '') {
      report(CalendarDataIssueCode.INVALID_NAME, `names.${date}`, `the name of ${date} must be non-empty text`);
    }
    if (!isListed(date)) {
      const reason = `${date} has a name but is neither a listed holiday nor a make-up working day`;
      report(CalendarDataIssueCode.NAME_FOR_UNLISTED_DATE, `names.${date}`, reason);
    }
  }
}
