import type { CalendarDataIssue } from './validate-year-data.js';

export enum CalendarErrorCode {
  /** A computation needs a year for which no official calendar is loaded. */
  YEAR_UNKNOWN = 'CALENDAR_YEAR_UNKNOWN',
  /** A date is not a `YYYY-MM-DD` calendar date. */
  INVALID_DATE = 'CALENDAR_INVALID_DATE',
  /** Year data given to the calendar failed validation. */
  INVALID_DATA = 'CALENDAR_INVALID_DATA',
}

export abstract class CalendarError extends Error {
  abstract readonly code: CalendarErrorCode;
}

/**
 * Thrown instead of guessing: a deadline that reaches into a year without an official calendar
 * cannot be computed, because that year's holidays and make-up days are not known.
 */
export class CalendarYearUnknownError extends CalendarError {
  readonly code = CalendarErrorCode.YEAR_UNKNOWN;

  constructor(readonly year: number) {
    super(`No official working-day calendar is loaded for ${year}`);
    this.name = 'CalendarYearUnknownError';
  }
}

export class InvalidCalendarDateError extends CalendarError {
  readonly code = CalendarErrorCode.INVALID_DATE;

  constructor(readonly value: unknown) {
    super(`Not a YYYY-MM-DD calendar date: ${JSON.stringify(value)}`);
    this.name = 'InvalidCalendarDateError';
  }
}

export class CalendarDataError extends CalendarError {
  readonly code = CalendarErrorCode.INVALID_DATA;

  constructor(readonly issues: CalendarDataIssue[]) {
    const shown = issues.slice(0, 5).map((issue) => `${issue.field}: ${issue.reason}`);
    const more = issues.length > shown.length ? `; and ${issues.length - shown.length} more` : '';
    super(`Invalid working-day calendar data: ${shown.join('; ')}${more}`);
    this.name = 'CalendarDataError';
  }
}
