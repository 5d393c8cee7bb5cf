// @ducha/scoring: the pure scoring engine (no Nest, no TypeORM, no Node APIs; the dashboard
// imports it too). Everything public is exported here and only here.
export * from './template.types.js';
export type * from './answer.types.js';
export type * from './result.types.js';
export { ScoringError, ScoringErrorCode, type ScoringIssue } from './scoring.error.js';
export type { TemplateError, TemplateValidation } from './template-checks.js';
export { validateTemplate } from './validate-template.js';
export { validateFramework, SELF_REPORT_STEP } from './validate-framework.js';
export { validateAnswers, MAX_NOTE_LENGTH } from './validate-answers.js';
export { validateFrameworkAnswers } from './framework-answers.js';
export { evaluate } from './evaluate.js';
export { evaluateFramework } from './evaluate-framework.js';
export { gradeFor } from './grade.js';
export { roundHalfUp } from './decimal.js';
