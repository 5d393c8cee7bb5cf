import shippedJson from './data/official-calendar.json' with { type: 'json' };
import type { CalendarYearData } from './calendar-year-data.js';
import { WorkingDayCalendar } from './working-day-calendar.js';

interface OfficialCalendarFile {
  source: string;
  years: readonly Required<CalendarYearData>[];
}

// The JSON's inferred type makes every date an optional key of every year; the spec validates the file.
const officialCalendar = shippedJson as unknown as OfficialCalendarFile;

/** Where the shipped years come from; regenerate with `node libs/calendar/scripts/generate-calendar-data.mjs`. */
export const OFFICIAL_CALENDAR_SOURCE = officialCalendar.source;

/** The official years shipped with the code (a fresh copy each call, safe to modify). */
export function loadOfficialCalendar(): CalendarYearData[] {
  return officialCalendar.years.map((data) => ({
    year: data.year,
    holidays: [...data.holidays],
    makeUpWorkdays: [...data.makeUpWorkdays],
    names: { ...data.names },
  }));
}

let shipped: WorkingDayCalendar | undefined;

/** A calendar of the shipped years only; years an administrator adds live in the database. */
export function createOfficialCalendar(): WorkingDayCalendar {
  shipped ??= new WorkingDayCalendar(loadOfficialCalendar());
  return shipped;
}
