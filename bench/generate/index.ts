// The province generator's modules, in order. To add data, write a module in this folder and add
// one line to GENERATOR_MODULES.
import { generateCaseFiles } from './case-files.js';
import type { GeneratorModule } from './types.js';

export const GENERATOR_MODULES: GeneratorModule[] = [
  { name: 'case files', run: async (ctx) => `${await generateCaseFiles(ctx, ctx.scale.caseFiles)} case files` },
];

export { generateOrg } from './org.js';
export { generateCaseFiles } from './case-files.js';
export { PROVINCE_SCALE, type GeneratorContext, type GeneratorModule, type ProvinceScale } from './types.js';
