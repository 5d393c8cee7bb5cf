import type { EntityManager } from 'typeorm';

/** What the organisation seed made, for the steps that follow it. */
export interface SeedContext {
  districtRegionId: string;
  districtPath: string;
  officeUnitId: string;
  /** Unit id by unit code (see demo-district.ts). */
  unitIds: Map<string, string>;
  /** User id by user name. */
  userIds: Map<string, string>;
  /** Certificate numbers of each unit's officers, by unit code. */
  officerCertificates: Map<string, string[]>;
  /** A deterministic random source shared by the steps. */
  random: () => number;
  /** "Today" for the demo, so generated dates are relative to when the demo is first started. */
  today: Date;
}

export type SeedStep = (m: EntityManager, ctx: SeedContext) => Promise<void>;

/**
 * Demo data after the organisation, in order, all in the seed's one transaction: case files, a
 * published campaign of last year, a finished three-systems round, rectification tasks, the plan.
 * Each capability adds its step here (one line).
 */
export const DEMO_SEED_STEPS: { name: string; run: SeedStep }[] = [];
