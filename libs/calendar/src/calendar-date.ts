/**
 * A calendar date written `YYYY-MM-DD` (proleptic Gregorian, four-digit year 0001–9999): a day on
 * China's calendar, with no time and no zone. Nothing here goes through `Date`, so the server's
 * time zone can never move a date by one day.
 */
export type IsoDate = string;

const DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];
const DIGIT_0 = 48;
const HYPHEN = 45;

/** A parsed date packed into one number (year × 512 + zero-based day of year), so parsing allocates nothing. */
export type PackedDate = number;
export const INVALID_DATE: PackedDate = -1;

export function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

export function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365;
}

/** 0 = Sunday … 6 = Saturday. Counts days from 0001-01-01, a Monday in the proleptic Gregorian calendar. */
export function weekdayOfNewYear(year: number): number {
  const y = year - 1;
  return (1 + 365 * y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400)) % 7;
}

function monthLength(year: number, month: number): number {
  const leapDay = month === 2 && isLeapYear(year) ? 1 : 0;
  return DAYS_BEFORE_MONTH[month] - DAYS_BEFORE_MONTH[month - 1] + leapDay;
}

export function isWeekendDay(year: number, dayIndex: number): boolean {
  const weekday = (weekdayOfNewYear(year) + dayIndex) % 7;
  return weekday === 0 || weekday === 6;
}

function digits(value: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i += 1) {
    const d = value.charCodeAt(i) - DIGIT_0;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** Parses a strict `YYYY-MM-DD`; returns {@link INVALID_DATE} for anything else, `2025-02-29` included. */
export function packIsoDate(value: unknown): PackedDate {
  if (typeof value !== 'string' || value.length !== 10) return INVALID_DATE;
  if (value.charCodeAt(4) !== HYPHEN || value.charCodeAt(7) !== HYPHEN) return INVALID_DATE;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 2);
  const day = digits(value, 8, 2);
  if (year < 1 || month < 1 || month > 12 || day < 1) return INVALID_DATE;
  if (day > monthLength(year, month)) return INVALID_DATE;
  const leapDay = month > 2 && isLeapYear(year) ? 1 : 0;
  return year * 512 + DAYS_BEFORE_MONTH[month - 1] + leapDay + day - 1;
}

export function yearOf(date: PackedDate): number {
  return Math.floor(date / 512);
}

export function dayIndexOf(date: PackedDate): number {
  return date % 512;
}

export function isIsoDate(value: unknown): value is IsoDate {
  return packIsoDate(value) !== INVALID_DATE;
}

/** Every date of `year` in order, index = zero-based day of year. */
export function isoDatesOfYear(year: number): IsoDate[] {
  const prefix = `${String(year).padStart(4, '0')}-`;
  const dates: IsoDate[] = [];
  for (let month = 1; month <= 12; month += 1) {
    const mm = String(month).padStart(2, '0');
    for (let day = 1; day <= monthLength(year, month); day += 1) dates.push(`${prefix}${mm}-${String(day).padStart(2, '0')}`);
  }
  return dates;
}

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export function weekdayName(year: number, dayIndex: number): string {
  return WEEKDAY_NAMES[(weekdayOfNewYear(year) + dayIndex) % 7];
}
