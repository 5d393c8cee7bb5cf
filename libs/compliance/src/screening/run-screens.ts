import type { WorkingDayCalendar } from '@ducha/calendar';
import type { EntityManager } from 'typeorm';
import { countCases, readCaseBatches, readOfficers, type CaseScope } from './case-reader.js';
import { officersByUnit, screenContext } from './screen-context.js';
import { ScreeningEngine } from './screening-engine.js';

/**
 * The screens over a scope: case files streamed in keyset batches (reported through `progress`),
 * then the registry screens per department. Shared by rounds, the standing screen and the bench.
 */
export async function runScreens(
  m: EntityManager,
  calendar: WorkingDayCalendar,
  asOf: string,
  keys: readonly string[],
  scope: CaseScope,
  evidenceLimit: number,
  progress?: (done: number, total: number) => Promise<void>,
): Promise<ScreeningEngine> {
  const officers = await readOfficers(m);
  const engine = new ScreeningEngine(keys, screenContext(calendar, officers, asOf), evidenceLimit);
  const total = progress ? await countCases(m, scope) : 0;
  for await (const batch of readCaseBatches(m, scope)) {
    for (const c of batch) engine.addCase(c);
    if (progress) await progress(engine.casesSeen, total);
  }
  const byUnit = officersByUnit(officers);
  const departments = scope.departmentIds ?? [...new Set([...engine.outcomes().keys(), ...byUnit.keys()])];
  for (const departmentId of departments) engine.addDepartment(departmentId, byUnit.get(departmentId) ?? []);
  return engine;
}
