// The province generator's plug-in shape: each module adds one kind of data, set-based and
// deterministic for a seed. Modules run in the order listed in bench/generate/index.ts.
import type { Queryable } from './rectification.js';

export type { Queryable };

export interface ProvinceScale {
  cities: number;
  countiesPerCity: number;
  departmentsPerCounty: number;
  officersPerDepartment: number;
  caseFiles: number;
  /** Case files with a final review result (the first ones by id). */
  reviewedFiles: number;
  tasks: number;
}

/** 10 × 10 × 50 = 5,000 departments, 1,000,000 case files (all reviewed), 300,000 rectification tasks. */
export const PROVINCE_SCALE: ProvinceScale = {
  cities: 10,
  countiesPerCity: 10,
  departmentsPerCounty: 50,
  officersPerDepartment: 3,
  caseFiles: 1_000_000,
  reviewedFiles: 1_000_000,
  tasks: 300_000,
};

/** What earlier modules made, for the modules after them. */
export interface GeneratorContext {
  client: Queryable;
  seed: string;
  /** "Today" (YYYY-MM-DD): case files close in the 365 days before it. */
  today: string;
  scale: ProvinceScale;
  provinceId: string;
  provincePath: string;
  /** The province's supervising office and an inspector and an administrator in it. */
  officeUnitId: string;
  inspectorId: string;
  adminId: string;
  /** Every enforcement department, in a stable order. */
  departmentIds: string[];
}

export interface GeneratorModule {
  name: string;
  /** Adds its data; returns a one-line summary for the log. */
  run(ctx: GeneratorContext): Promise<string>;
}
