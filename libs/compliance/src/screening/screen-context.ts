import type { WorkingDayCalendar } from '@ducha/calendar';
import type { ScreenContext, ScreenOfficer } from '../screens/index.js';

export { shanghaiDate as shanghaiToday } from '@ducha/common';

export function screenContext(calendar: WorkingDayCalendar, officers: readonly ScreenOfficer[], asOf: string): ScreenContext {
  return { calendar, officers: new Map(officers.map((o) => [o.certificateNo, o])), asOf };
}

export function officersByUnit(officers: readonly ScreenOfficer[]): Map<string, ScreenOfficer[]> {
  const byUnit = new Map<string, ScreenOfficer[]>();
  for (const o of officers) byUnit.set(o.unitId, [...(byUnit.get(o.unitId) ?? []), o]);
  return byUnit;
}
