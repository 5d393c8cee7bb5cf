import type { WorkingDayCalendar } from '@ducha/calendar';
import type { ScreenContext, ScreenOfficer } from '../screens/index.js';

/** Today in Asia/Shanghai as YYYY-MM-DD. */
export function shanghaiToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export function screenContext(calendar: WorkingDayCalendar, officers: readonly ScreenOfficer[], asOf: string): ScreenContext {
  return { calendar, officers: new Map(officers.map((o) => [o.certificateNo, o])), asOf };
}

export function officersByUnit(officers: readonly ScreenOfficer[]): Map<string, ScreenOfficer[]> {
  const byUnit = new Map<string, ScreenOfficer[]>();
  for (const o of officers) byUnit.set(o.unitId, [...(byUnit.get(o.unitId) ?? []), o]);
  return byUnit;
}
