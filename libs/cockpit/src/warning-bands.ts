import type { WorkingDayCalendar } from '@ducha/calendar';

export { shanghaiDate as shanghaiToday } from '@ducha/common';

/** An open task is red when its deadline is before `today`, yellow up to `yellowUntil`, green after. */
export interface WarningBands {
  today: string;
  yellowUntil: string;
}

/**
 * Yellow means at most three working days left on the official calendar (deadline ≤ today + 3
 * working days), so a deadline after a holiday stays green longer than three calendar days would
 * say. A year the calendar lacks (not yet published) falls back to five calendar days, logged.
 */
export function warningBands(today: string, calendar: WorkingDayCalendar, warn: (message: string) => void): WarningBands {
  try {
    return { today, yellowUntil: calendar.addWorkingDays(today, 3) };
  } catch (error) {
    warn(`Warning levels near ${today}: ${(error as Error).message}; yellow band taken as 5 calendar days`);
    const until = new Date(`${today}T00:00:00Z`);
    until.setUTCDate(until.getUTCDate() + 5);
    return { today, yellowUntil: until.toISOString().slice(0, 10) };
  }
}
