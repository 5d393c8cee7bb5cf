import { recomputeCockpit } from '@ducha/cockpit';
import type { EntityManager } from 'typeorm';
import { seedCaseFiles } from './seed-cases.js';
import { seedRectification } from './seed-rectification.js';
import { seedReviews } from './seed-reviews.js';
import { seedCompliance } from './seed-compliance.js';
import { seedAssessment } from './seed-assessment.js';

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
export const DEMO_SEED_STEPS: { name: string; run: SeedStep }[] = [
  { name: 'case files', run: seedCaseFiles },
  { name: 'reviews', run: seedReviews },
  { name: 'three-systems round', run: seedCompliance },
  // Keep rectification after the review and three-systems steps: it issues their findings.
  { name: 'rectification', run: seedRectification },
  { name: 'assessment plan', run: seedAssessment },
  // Last: the cockpit's read model from everything above (some of it written without events).
  { name: 'cockpit read model', run: async (m) => void (await recomputeCockpit(m)) },
];
