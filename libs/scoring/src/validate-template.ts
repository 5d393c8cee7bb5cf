import { ErrorList, readRoot, type TemplateValidation, toValidation } from './template-checks.js';
import type { ScoringTemplate } from './template.types.js';
import { checkChecklist } from './validate-checklist.js';
import { checkRubric } from './validate-rubric.js';

/**
 * Parses (from JSON text or a parsed object) and validates an imported rubric (a document with
 * `sections`) or checklist (a document with `items`). Returns the typed template, or every problem
 * found, each with its JSON path and reason, e.g. `sections[2].items[3].step: must be > 0`.
 *
 * Checks, beyond types and required fields: codes unique (item codes across the whole rubric,
 * since answers are keyed by them), item kinds allowed by their section (VETO sections hold only
 * VETO items, BASIC_DEDUCTION sections only DEDUCT items) and equal to their parent's, sub-items'
 * maxPoints adding up to the parent's, steps dividing maxPoints, EARN items within the section's
 * maxPoints, at most 4 decimal places, grade bands ordered from best and ending at FAIL with min 0,
 * and a formula that fits the document's shape.
 */
export function validateTemplate(json: unknown): TemplateValidation<ScoringTemplate> {
  const errs = new ErrorList();
  const root = readRoot(json, errs);
  if (root && 'indicators' in root) {
    errs.add('', 'this is an indicator framework: validate it with validateFramework');
  } else if (root && 'sections' in root) {
    checkRubric(root, errs);
  } else if (root && 'items' in root) {
    checkChecklist(root, errs);
  } else if (root) {
    errs.add('', 'must have sections (a rubric) or items (a checklist)');
  }
  return toValidation<ScoringTemplate>(root, errs);
}
