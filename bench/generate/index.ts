// The province generator's modules, in order. To add data, write a module in this folder and add
// one line to GENERATOR_MODULES.
import { generateCaseFiles } from './case-files.js';
import { generateCompliance } from './compliance.js';
import { generateRectification } from './rectification.js';
import { generateReviews } from './reviews.js';
import type { GeneratorModule } from './types.js';

export const GENERATOR_MODULES: GeneratorModule[] = [
  { name: 'case files', run: async (ctx) => `${await generateCaseFiles(ctx, ctx.scale.caseFiles)} case files` },
  { name: 'reviews', run: async (ctx) => `${await generateReviews(ctx, ctx.scale.reviewedFiles)} reviewed files` },
  { name: 'three systems', run: async (ctx) => `${await generateCompliance(ctx)} checks and the departments' live rates` },
  {
    name: 'rectification',
    run: async (ctx) =>
      `${await generateRectification(ctx.client, {
        departmentIds: ctx.departmentIds,
        officeUnitId: ctx.officeUnitId,
        issuedBy: ctx.inspectorId,
        seed: ctx.seed,
        tasks: ctx.scale.tasks,
        today: ctx.today,
      })} rectification tasks`,
  },
];

export { generateOrg } from './org.js';
export { generateCaseFiles } from './case-files.js';
export { PROVINCE_SCALE, type GeneratorContext, type GeneratorModule, type ProvinceScale } from './types.js';
