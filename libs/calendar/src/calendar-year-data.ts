import type { IsoDate } from './calendar-date.js';

/**
 * One year of China's official working-day calendar, as the State Council publishes it. A date is
 * a working day when it is a make-up working day, or a Monday–Friday that is not a holiday.
 */
export interface CalendarYearData {
  year: number;
  /** Every date of each public-holiday period of the year, the period's weekend days included. */
  holidays: IsoDate[];
  /** Saturdays and Sundays that are working days (调休上班). */
  makeUpWorkdays: IsoDate[];
  /** By date: the holiday's name (春节, 国庆节…); for a make-up working day, the holiday it is worked for. */
  names?: Record<IsoDate, string>;
}

/** What kind of day a date is; only WORKDAY and MAKE_UP_WORKDAY are working days. */
export enum DayKind {
  WORKDAY = 'WORKDAY',
  WEEKEND = 'WEEKEND',
  PUBLIC_HOLIDAY = 'PUBLIC_HOLIDAY',
  MAKE_UP_WORKDAY = 'MAKE_UP_WORKDAY',
}

export interface CalendarDay {
  date: IsoDate;
  kind: DayKind;
  working: boolean;
  /** The holiday's name for a public holiday or make-up working day, when the data gives one. */
  name?: string;
}
