// fast-check generators of legal answer sheets, used by the property tests.
import fc from 'fast-check';

import type { Answers, ChecklistTemplate, CheckResult, ItemAnswer, RubricItem, RubricTemplate } from '../src/index.js';
import { allItems } from './fixtures.js';

/** A legal `points` value for a leaf: a whole number of steps from 0 to maxPoints. */
export function legalPoints(item: RubricItem): fc.Arbitrary<number> {
  const step = item.step ?? 1;
  const steps = Math.round((item.maxPoints ?? 0) / step);
  return fc.integer({ min: 0, max: steps }).map((k) => k * step);
}

function itemAnswer(item: RubricItem, vetoHitWeight: number): fc.Arbitrary<ItemAnswer | undefined> {
  if (item.kind === 'VETO') {
    return fc.oneof(
      { arbitrary: fc.constant(undefined), weight: 10 },
      { arbitrary: fc.constant({ hit: false }), weight: 5 },
      { arbitrary: fc.constant({ hit: true, note: 'veto' }), weight: vetoHitWeight },
    );
  }
  const options: fc.Arbitrary<ItemAnswer | undefined>[] = [fc.constant(undefined)];
  if (!item.children)
    options.push(
      legalPoints(item).map((points) => ({ points })),
      legalPoints(item).map((points) => ({ points })),
    );
  if (item.mayNotApply) options.push(fc.constant({ notApplicable: true }));
  return fc.oneof(...options);
}

/**
 * Random legal sheets for a rubric: each leaf unanswered, given legal points, or (where allowed)
 * not applicable; a not-applicable parent drops its sub-items' answers, as the rules require.
 * `vetoHitWeight` 0 never hits a veto.
 */
export function rubricAnswers(template: RubricTemplate, vetoHitWeight = 1): fc.Arbitrary<Answers> {
  const items = allItems(template);
  return fc.tuple(...items.map((item) => itemAnswer(item, vetoHitWeight))).map((values) => {
    const answers: Record<string, ItemAnswer> = {};
    const excluded = new Set<string>();
    items.forEach((item, i) => {
      const answer = values[i];
      if (!answer || excluded.has(item.code)) return;
      answers[item.code] = answer;
      if (answer.notApplicable) for (const child of descendants(item)) excluded.add(child.code);
    });
    for (const code of excluded) delete answers[code];
    return answers;
  });
}

function descendants(item: RubricItem): RubricItem[] {
  return (item.children ?? []).flatMap((child) => [child, ...descendants(child)]);
}

/** Random legal checklist sheets: each item unanswered or given a result it allows. */
export function checklistAnswers(template: ChecklistTemplate): fc.Arbitrary<Answers> {
  const perItem = template.items.map((item) => {
    const results: CheckResult[] = ['PASS', 'PARTIAL', 'FAIL'];
    if (item.mayNotApply) results.push('NOT_APPLICABLE');
    return fc.option(
      fc.constantFrom(...results).map((result) => ({ result })),
      { nil: undefined },
    );
  });
  return fc
    .tuple(...perItem)
    .map((values) => Object.fromEntries(template.items.flatMap((item, i) => (values[i] ? [[item.code, values[i]]] : []))));
}
