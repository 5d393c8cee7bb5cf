import fc from 'fast-check';

import { checklistAnswers, legalPoints, rubricAnswers } from '../test/arbitraries.js';
import { allItems, ancestorCodes, leavesOf, loadChecklist, loadLicensing, loadMee, subtreeOf } from '../test/fixtures.js';
import type { Answers, ItemAnswer } from './answer.types.js';
import { isMultipleOf } from './decimal.js';
import { evaluate } from './evaluate.js';
import { ScoringError } from './scoring.error.js';
import type { CheckResult, RubricItem, RubricTemplate } from './template.types.js';
import { validateAnswers } from './validate-answers.js';

const mee = loadMee();
const licensing = loadLicensing();
const checklist = loadChecklist();
const rubrics = [mee, licensing] as const;

/** The sheet without any answer on `item`'s subtree or above it (ancestors carry only notApplicable / note). */
function baseSheet(template: RubricTemplate, sheet: Answers, item: RubricItem): Record<string, ItemAnswer | undefined> {
  const cleared = new Set([...subtreeOf(item).map((i) => i.code), ...ancestorCodes(template, item.code)]);
  return Object.fromEntries(Object.entries(sheet).filter(([code]) => !cleared.has(code)));
}

/** The same sheet with every leaf of `item` answered by `answerFor`. */
function withLeaves(template: RubricTemplate, sheet: Answers, item: RubricItem, answerFor: (leaf: RubricItem) => ItemAnswer) {
  return {
    ...baseSheet(template, sheet, item),
    ...Object.fromEntries(leavesOf(item).map((leaf) => [leaf.code, answerFor(leaf)])),
  };
}

/** The same sheet with `item` marked not applicable. */
function withNotApplicable(template: RubricTemplate, sheet: Answers, item: RubricItem): Answers {
  return { ...baseSheet(template, sheet, item), [item.code]: { notApplicable: true } };
}

const worst = (leaf: RubricItem): ItemAnswer => ({ points: leaf.kind === 'DEDUCT' ? leaf.maxPoints : 0 });
const best = (leaf: RubricItem): ItemAnswer => ({ points: leaf.kind === 'DEDUCT' ? 0 : leaf.maxPoints });

function mayNotApplyItems(template: RubricTemplate): RubricItem[] {
  return allItems(template).filter((item) => item.mayNotApply);
}

describe(`${evaluate.name} (properties)`, () => {
  describe.each(rubrics.map((t) => [t.code, t] as const))('%s', (_code, template) => {
    it('should accept every generated legal sheet and score it within [0, 100]', () => {
      fc.assert(
        fc.property(rubricAnswers(template), (answers) => {
          expect(validateAnswers(template, answers)).toEqual([]);
          const { score, rawScore } = evaluate(template, answers);
          expect(score).toBeGreaterThanOrEqual(0);
          expect(score).toBeLessThanOrEqual(100);
          expect(Math.abs(score - rawScore)).toBeLessThanOrEqual(0.005 + 1e-9);
          expect(score).toBe(Math.round(score * 100) / 100);
        }),
      );
    });

    it('should score 0 with the FAIL grade whenever any veto item is hit', () => {
      const vetoes = allItems(template).filter((item) => item.kind === 'VETO');
      fc.assert(
        fc.property(rubricAnswers(template, 0), fc.constantFrom(...vetoes), (answers, veto) => {
          const result = evaluate(template, { ...answers, [veto.code]: { hit: true } });
          expect(result).toMatchObject({ score: 0, grade: 'FAIL' });
          expect(result.findings).toContainEqual(expect.objectContaining({ itemCode: veto.code, severity: 'MAJOR' }));
        }),
      );
    });

    it("should refuse any deduction or award above an item's maximum", () => {
      const leaves = allItems(template).filter((item) => item.kind !== 'VETO' && !item.children);
      fc.assert(
        fc.property(fc.constantFrom(...leaves), fc.integer({ min: 1, max: 50 }), (leaf, extraSteps) => {
          const points = (leaf.maxPoints ?? 0) + extraSteps * (leaf.step ?? 1);
          const issues = validateAnswers(template, { [leaf.code]: { points } });
          expect(issues).toEqual([{ itemCode: leaf.code, field: 'points', reason: expect.stringMatching(/above the item's maximum/) }]);
          expect(() => evaluate(template, { [leaf.code]: { points } })).toThrow(ScoringError);
        }),
      );
    });

    it("should refuse any value that is not a whole number of the item's steps", () => {
      const leaves = allItems(template).filter((item) => item.kind !== 'VETO' && !item.children);
      fc.assert(
        fc.property(fc.constantFrom(...leaves), fc.double({ min: 0, max: 10, noNaN: true }), (leaf, value) => {
          fc.pre(!isMultipleOf(value, leaf.step ?? 1));
          const issues = validateAnswers(template, { [leaf.code]: { points: value } });
          expect(issues).toEqual([
            {
              itemCode: leaf.code,
              field: 'points',
              reason: expect.stringMatching(/is not a multiple of the item's step/),
            },
          ]);
        }),
      );
    });

    it('should never score a leaf at its worst legal value above the same sheet with it at its best', () => {
      const leaves = allItems(template).filter((item) => (item.kind === 'DEDUCT' || item.kind === 'EARN') && !item.children);
      fc.assert(
        fc.property(rubricAnswers(template), fc.constantFrom(...leaves), (answers, leaf) => {
          const better = evaluate(template, withLeaves(template, answers, leaf, best)).score;
          const poorer = evaluate(template, withLeaves(template, answers, leaf, worst)).score;
          expect(poorer).toBeLessThanOrEqual(better);
        }),
      );
    });
  });

  it('should score an item marked not applicable between its worst and its best legal value (LEGALITY_PLUS_NORMATIVITY, MEE: it leaves the denominator, so it may lower a strong sheet, never below the worst)', () => {
    fc.assert(
      fc.property(rubricAnswers(mee), fc.constantFrom(...mayNotApplyItems(mee)), (answers, item) => {
        const notApplicable = evaluate(mee, withNotApplicable(mee, answers, item)).score;
        expect(evaluate(mee, withLeaves(mee, answers, item, worst)).score).toBeLessThanOrEqual(notApplicable);
        expect(notApplicable).toBeLessThanOrEqual(evaluate(mee, withLeaves(mee, answers, item, best)).score);
      }),
    );
  });

  it('should score an item marked not applicable exactly as with no deduction on it (DEDUCT_FROM_100, licensing: never lowers the score)', () => {
    fc.assert(
      fc.property(rubricAnswers(licensing), fc.constantFrom(...mayNotApplyItems(licensing)), (answers, item) => {
        expect(evaluate(licensing, withNotApplicable(licensing, answers, item)).score).toBe(
          evaluate(licensing, withLeaves(licensing, answers, item, best)).score,
        );
        expect(evaluate(licensing, withLeaves(licensing, answers, item, worst)).score).toBeLessThanOrEqual(
          evaluate(licensing, withNotApplicable(licensing, answers, item)).score,
        );
      }),
    );
  });

  it('should score a NOT_APPLICABLE check between FAIL and PASS on it (WEIGHTED_SUM: it leaves the denominator)', () => {
    const optional = checklist.items.filter((item) => item.mayNotApply);
    fc.assert(
      fc.property(checklistAnswers(checklist), fc.constantFrom(...optional), (answers, item) => {
        const scoreWith = (result: CheckResult) => {
          const sheet = { ...answers, [item.code]: { result } };
          // A sheet where every item is NOT_APPLICABLE has no share to compute and is refused.
          return validateAnswers(checklist, sheet).length ? undefined : evaluate(checklist, sheet).score;
        };
        const notApplicable = scoreWith('NOT_APPLICABLE');
        fc.pre(notApplicable !== undefined);
        expect(scoreWith('FAIL')!).toBeLessThanOrEqual(notApplicable!);
        expect(notApplicable!).toBeLessThanOrEqual(scoreWith('PASS')!);
      }),
    );
  });

  it('should keep every checklist score within [0, 100] and every legal sheet valid', () => {
    fc.assert(
      fc.property(checklistAnswers(checklist), (answers) => {
        const issues = validateAnswers(checklist, answers);
        fc.pre(issues.length === 0);
        const { score } = evaluate(checklist, answers);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(100);
      }),
    );
  });

  it('should generate legal points only in whole steps within the maximum (generator sanity)', () => {
    const stepped = allItems(mee).filter((item) => item.step !== undefined);
    const pointsOfItems = fc.constantFrom(...stepped).chain((item) => legalPoints(item).map((points) => ({ item, points })));
    fc.assert(
      fc.property(pointsOfItems, ({ item, points }) => {
        expect(isMultipleOf(points, item.step ?? 1)).toBe(true);
        expect(points).toBeLessThanOrEqual(item.maxPoints ?? 0);
      }),
    );
  });
});
