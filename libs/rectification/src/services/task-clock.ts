import { Logger } from '@nestjs/common';
import type { WorkingDayCalendar } from '@ducha/calendar';
import { TaskState, WarningLevel } from '../rectification.enums.js';

const logger = new Logger('TaskClock');

export { shanghaiDate } from '@ducha/common';

export function addCalendarDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Warning levels for one "today": red when the deadline has passed, yellow when at most three
 * working days are left (deadline ≤ today + 3 working days), green otherwise. One boundary date
 * per request lets SQL filter 300,000 rows by level without per-row calendar work.
 */
export class TaskClock {
  readonly yellowUntil: string;

  constructor(
    readonly today: string,
    calendar: WorkingDayCalendar,
  ) {
    let until: string;
    try {
      until = calendar.addWorkingDays(today, 3);
    } catch (error) {
      // A year without official data: say so in the log and use the longest plausible span (3 working days ≤ 5 calendar days, ignoring holidays).
      logger.warn(`Warning levels near ${today}: ${(error as Error).message}; yellow band taken as 5 calendar days`);
      until = addCalendarDays(today, 5);
    }
    this.yellowUntil = until;
  }

  level(state: TaskState, deadline: string): WarningLevel | null {
    if (state === TaskState.CLOSED || state === TaskState.CANCELLED) return null;
    if (deadline < this.today) return WarningLevel.RED;
    if (deadline <= this.yellowUntil) return WarningLevel.YELLOW;
    return WarningLevel.GREEN;
  }
}
