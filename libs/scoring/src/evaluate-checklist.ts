import type { Answers } from './answer.types.js';
import { decimalPlaces, type Ratio, ratio } from './decimal.js';
import type { Finding, ItemResult } from './result.types.js';
import type { ChecklistTemplate } from './template.types.js';

/** What one pass over a checklist collects. Weights and factors are integer units (× scale). */
export interface ChecklistSheet {
  readonly scale: number;
  /** Σ weight of applicable items, in units. */
  readonly weightU: number;
  /** Σ weight × factor, in units² (both multiplied by scale). */
  readonly creditU2: number;
  readonly allPass: boolean;
  readonly items: readonly ItemResult[];
  readonly findings: readonly Finding[];
  readonly unanswered: readonly string[];
}

/** Walks a checklist over already validated answers. */
export function tallyChecklist(template: ChecklistTemplate, answers: Answers): ChecklistSheet {
  const { results } = template;
  const scale =
    10 **
    Math.max(
      ...[results.PASS, results.PARTIAL, results.FAIL].map(decimalPlaces),
      ...template.items.map((item) => decimalPlaces(item.weight)),
    );
  const items: ItemResult[] = [];
  const findings: Finding[] = [];
  const unanswered: string[] = [];
  let weightU = 0;
  let creditU2 = 0;
  let allPass = true;
  for (const item of template.items) {
    const answer = answers[item.code];
    const result = answer?.result;
    const applicable = result !== 'NOT_APPLICABLE';
    // No answer yet gives no credit: an unchecked item must never count as passed.
    const factor = result === undefined || result === 'NOT_APPLICABLE' ? 0 : results[result];
    const itemWeightU = applicable ? Math.round(item.weight * scale) : 0;
    const itemCreditU2 = itemWeightU * Math.round(factor * scale);
    weightU += itemWeightU;
    creditU2 += itemCreditU2;
    allPass &&= !applicable || result === 'PASS';
    const earned = itemCreditU2 / scale / scale;
    const lost = applicable ? item.weight - earned : 0;
    items.push({
      code: item.code,
      kind: 'CHECK',
      leaf: true,
      maxPoints: item.weight,
      applicable,
      answered: result !== undefined,
      earned,
      lost,
      result,
      note: answer?.note,
    });
    if (applicable && result === undefined) unanswered.push(item.code);
    if (result === 'FAIL' || result === 'PARTIAL') {
      findings.push({
        itemCode: item.code,
        title: item.title,
        group: item.system,
        kind: 'CHECK',
        pointsLost: lost,
        severity: 'GENERAL',
        result,
        note: answer?.note,
      });
    }
  }
  return { scale, weightU, creditU2, allPass, items, findings, unanswered };
}

/** The exact checklist score in [0, 100] before rounding. */
export function exactChecklistScore(template: ChecklistTemplate, sheet: ChecklistSheet): Ratio {
  if (template.formula === 'PASS_FAIL') return ratio(sheet.allPass ? 100 : 0);
  // WEIGHTED_SUM: 100 × Σ weight × factor ÷ Σ weight of applicable items.
  return ratio(100 * sheet.creditU2, sheet.weightU * sheet.scale);
}
