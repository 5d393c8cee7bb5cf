import { seedRectificationDemo } from '@ducha/rectification';
import type { EntityManager } from 'typeorm';
import { DEMO_DEPARTMENTS, DEMO_TOWNS } from './demo-district.js';
import type { SeedContext } from './seed-steps.js';

/**
 * Rectification tasks for the demo: closed (on time and late), open, overdue, returned and one
 * cancelled, so the ledger and the cockpit show real figures at first start. Runs after the review
 * and three-systems steps and takes their unissued findings first.
 */
export async function seedRectification(m: EntityManager, ctx: SeedContext): Promise<void> {
  const today = new Date(ctx.today.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  const officers: Record<string, string> = { 'QH-SCJG': 'officer', 'QH-ZHZF': 'officer2' };
  const codes = [
    ...DEMO_DEPARTMENTS.filter(([, , , enforcement]) => enforcement).map(([code]) => code),
    ...DEMO_TOWNS.slice(0, 4).map(([code]) => code),
  ];
  await seedRectificationDemo(m, {
    officeUnitId: ctx.officeUnitId,
    inspectorId: ctx.userIds.get('inspector')!,
    verifierId: ctx.userIds.get('inspector2')!,
    departments: codes.map((code) => ({ id: ctx.unitIds.get(code)!, officerId: officers[code] ? ctx.userIds.get(officers[code])! : null })),
    today,
    random: ctx.random,
  });
}
