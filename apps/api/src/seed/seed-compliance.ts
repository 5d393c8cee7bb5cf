import { seedFinishedRound } from '@ducha/compliance';
import type { EntityManager } from 'typeorm';
import { DEMO_DEPARTMENTS } from './demo-district.js';
import type { SeedContext } from './seed-steps.js';

/** Departments in the demo's finished three-systems round: the eight busiest enforcement bodies. */
const ROUND_DEPARTMENTS = DEMO_DEPARTMENTS.filter(([, , , enforcement]) => enforcement)
  .sort((a, b) => b[4] - a[4])
  .slice(0, 8)
  .map(([code]) => code);

/** A published three-systems round over last year, screened from the seeded case files (runs after them). */
export async function seedCompliance(m: EntityManager, ctx: SeedContext): Promise<void> {
  const today = new Date(ctx.today.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  await seedFinishedRound(m, {
    regionPath: ctx.districtPath,
    officeUnitId: ctx.officeUnitId,
    inspectorIds: ['inspector', 'inspector2'].map((u) => ctx.userIds.get(u)!),
    departmentIds: ROUND_DEPARTMENTS.map((code) => ctx.unitIds.get(code)!),
    year: Number(today.slice(0, 4)) - 1,
    today,
    random: ctx.random,
  });
}
