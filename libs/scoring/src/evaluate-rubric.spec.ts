import { allItems, findItem, fullMarks, loadLicensing, loadMee, meeWorkedExample } from '../test/fixtures.js';
import type { Answers } from './answer.types.js';
import { evaluate } from './evaluate.js';
import { ScoringError } from './scoring.error.js';
import type { RubricTemplate } from './template.types.js';

function issuesOf(template: RubricTemplate, answers: Answers) {
  try {
    evaluate(template, answers);
  } catch (error) {
    if (error instanceof ScoringError) return error.issues;
    throw error;
  }
  throw new Error('expected a ScoringError');
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe(evaluate.name, () => {
  describe('MEE general penalty rubric (LEGALITY_PLUS_NORMATIVITY)', () => {
    const mee = loadMee();
    const example = meeWorkedExample(mee);

    it('should score the README worked example 93.49 EXCELLENT', () => {
      const result = evaluate(mee, example);
      expect(result).toMatchObject({
        templateCode: 'MEE-PENALTY-GENERAL',
        templateVersion: '2024',
        formula: 'LEGALITY_PLUS_NORMATIVITY',
        score: 93.49,
        grade: 'EXCELLENT',
        gradeLabel: '优秀',
        vetoHits: [],
        maxApplicable: 81,
        earned: 74.5,
        deducted: 2.5,
        bonus: 0,
        unanswered: [],
      });
      expect(result.rawScore).toBeCloseTo(50 + (50 * 74.5) / 81 - 2.5, 12);
    });

    it('should list each deduction as a finding with its points, group and note', () => {
      const { findings } = evaluate(mee, example);
      expect(findings.map((f) => [f.itemCode, f.pointsLost, f.severity])).toEqual([
        ['B1.3', 1, 'GENERAL'],
        ['B2.4', 1.5, 'GENERAL'],
        ['D02.4', 2, 'GENERAL'],
        ['D06.3', 1.5, 'GENERAL'],
        ['D11.2', 3, 'GENERAL'],
      ]);
      expect(findings[2]).toEqual({
        itemCode: 'D02.4',
        title: '违法行为具体情况',
        parentTitle: '现场检查（勘察）笔录',
        group: '规范性评查：文书（得分）',
        sectionCode: 'D',
        kind: 'EARN',
        pointsLost: 2,
        severity: 'GENERAL',
        note: '未记录违法行为持续时间',
      });
    });

    it('should give parents the sum of their sub-items and list parents first', () => {
      const { items, sections } = evaluate(mee, example);
      const byCode = new Map(items.map((item) => [item.code, item]));
      expect(byCode.get('D02')).toMatchObject({
        leaf: false,
        maxPoints: 10,
        earned: 8,
        lost: 2,
        applicable: true,
        answered: true,
      });
      expect(byCode.get('B1')).toMatchObject({ earned: 9, lost: 1 });
      expect(byCode.get('D09')).toMatchObject({ applicable: false, earned: 0, lost: 0, answered: true });
      // Template order, parents first: 25 vetoes, B1 + 5, B2 + 9, 14 documents + 37 sub-items.
      expect(items.map((item) => item.code)).toEqual(allItems(mee).map((item) => item.code));
      expect(items).toHaveLength(25 + 6 + 10 + 14 + 37);
      expect(sections).toEqual([
        { code: 'L', kind: 'VETO', maxApplicable: 0, earned: 0, lost: 0, bonus: 0 },
        { code: 'B', kind: 'BASIC_DEDUCTION', maxApplicable: 20, earned: 17.5, lost: 2.5, bonus: 0 },
        { code: 'D', kind: 'POINTS', maxApplicable: 81, earned: 74.5, lost: 6.5, bonus: 0 },
      ]);
    });

    it('should score 0 FAIL with a MAJOR finding in group 执法程序 when L14 is hit', () => {
      const result = evaluate(mee, { ...example, L14: { hit: true, note: '陈述申辩期限按自然日计算' } });
      expect(result).toMatchObject({ score: 0, rawScore: 0, grade: 'FAIL', gradeLabel: '不合格', vetoHits: ['L14'] });
      expect(result.findings).toContainEqual({
        itemCode: 'L14',
        title: findItem(mee, 'L14').title,
        parentTitle: undefined,
        group: '执法程序',
        sectionCode: 'L',
        kind: 'VETO',
        pointsLost: 0,
        severity: 'MAJOR',
        note: '陈述申辩期限按自然日计算',
      });
      // The deductions are still problems to rectify, even though the veto decides the score.
      expect(result.findings).toHaveLength(6);
    });

    it('should earn 0 on an EARN item without an answer and list it as unanswered', () => {
      const { D14: _omitted, ...withoutD14 } = example;
      const result = evaluate(mee, withoutD14);
      expect(result.unanswered).toEqual(['D14']);
      expect(result.earned).toBe(71.5);
      expect(result.score).toBe(91.64); // 50 + 50 × 71.5 ÷ 81 − 2.5 = 91.6358…
      expect(result.findings.map((f) => f.itemCode)).not.toContain('D14');
    });

    it('should score an explicitly missing document as 0 earned, still in the denominator, and as a finding', () => {
      const result = evaluate(mee, { ...example, D14: { points: 0, note: '无结案审批表' } });
      expect(result).toMatchObject({ score: 91.64, maxApplicable: 81, unanswered: [] });
      expect(result.findings).toContainEqual(expect.objectContaining({ itemCode: 'D14', pointsLost: 3 }));
    });

    it('should take a not-applicable parent and its whole subtree out of the denominator', () => {
      const sheet = Object.fromEntries(Object.entries(example).filter(([code]) => !code.startsWith('D05.')));
      const result = evaluate(mee, { ...sheet, D05: { notApplicable: true } });
      expect(result.maxApplicable).toBe(73);
      expect(result.earned).toBe(66.5);
      expect(result.score).toBe(93.05); // 50 + 50 × 66.5 ÷ 73 − 2.5 = 93.0479…
    });

    it('should refuse points on a sub-item whose parent is marked not applicable', () => {
      expect(issuesOf(mee, { ...example, D05: { notApplicable: true } })).toEqual([
        { itemCode: 'D05.1', field: 'points', reason: 'D05 is marked not applicable, which excludes this sub-item' },
        { itemCode: 'D05.2', field: 'points', reason: 'D05 is marked not applicable, which excludes this sub-item' },
        { itemCode: 'D05.3', field: 'points', reason: 'D05 is marked not applicable, which excludes this sub-item' },
        { itemCode: 'D05.4', field: 'points', reason: 'D05 is marked not applicable, which excludes this sub-item' },
        { itemCode: 'D05.5', field: 'points', reason: 'D05 is marked not applicable, which excludes this sub-item' },
      ]);
    });

    it('should refuse points given on a parent instead of its sub-items', () => {
      expect(issuesOf(mee, { ...example, D02: { points: 8 } })).toEqual([
        {
          itemCode: 'D02',
          field: 'points',
          reason: 'D02 has sub-items (D02.1, D02.2, D02.3, D02.4, D02.5): give points on them; its points are their sum',
        },
      ]);
    });

    it('should refuse every invalid answer at once, naming item and field', () => {
      const issues = issuesOf(mee, {
        ...example,
        D14: { notApplicable: true },
        'D11.3': { points: -0.5 },
        'D11.4': { points: 1.2 },
        'B1.1': { points: 3.5 },
        L02: { hit: 'yes' as unknown as boolean },
        L03: { hit: true, result: 'FAIL' },
        Z99: { points: 1 },
        'D01.1': { points: 0.5, note: 42 as unknown as string },
      });
      expect(issues).toEqual(
        expect.arrayContaining([
          {
            itemCode: 'D14',
            field: 'notApplicable',
            reason: 'D14 may not be marked not applicable: the rubric requires it',
          },
          { itemCode: 'D11.3', field: 'points', reason: 'must not be negative (earned points -0.5)' },
          { itemCode: 'D11.4', field: 'points', reason: "earned points 1.2 is not a multiple of the item's step 0.5" },
          { itemCode: 'B1.1', field: 'points', reason: "deduction 3.5 is above the item's maximum 3" },
          { itemCode: 'L02', field: 'hit', reason: 'must be true or false' },
          { itemCode: 'L03', field: 'result', reason: 'a VETO item does not take result; it takes hit, note' },
          { itemCode: 'Z99', field: 'itemCode', reason: 'no item Z99 in rubric MEE-PENALTY-GENERAL 2024' },
          { itemCode: 'D01.1', field: 'note', reason: 'must be a string' },
        ]),
      );
      expect(issues).toHaveLength(8);
    });

    it('should refuse a sheet that marks every scored item not applicable (no denominator left)', () => {
      const pointsSection = mee.sections[2]!;
      const onlyOptional = {
        ...mee,
        sections: [mee.sections[0]!, mee.sections[1]!, { ...pointsSection, items: [findItem(mee, 'D04')] }],
      };
      expect(issuesOf(onlyOptional, { D04: { notApplicable: true } })).toEqual([
        { itemCode: '', field: 'notApplicable', reason: expect.stringMatching(/^every DEDUCT and EARN item/) },
      ]);
    });

    it('should be pure: frozen inputs, same result every time', () => {
      const frozen = deepFreeze(structuredClone(mee));
      const answers = deepFreeze(structuredClone(example));
      expect(evaluate(frozen, answers)).toEqual(evaluate(frozen, answers));
      expect(evaluate(frozen, answers)).toEqual(evaluate(mee, example));
    });
  });

  describe('licensing rubric (DEDUCT_FROM_100)', () => {
    const licensing = loadLicensing();
    const deductions = { P05: { points: 5 }, P07: { points: 3 }, P10: { points: 1.5 } };

    it('should score the README example 90.5 EXCELLENT', () => {
      expect(evaluate(licensing, deductions)).toMatchObject({ score: 90.5, grade: 'EXCELLENT', deducted: 9.5 });
    });

    it('should drop to 88.5 PASS with P08 −2 added', () => {
      expect(evaluate(licensing, { ...deductions, P08: { points: 2 } })).toMatchObject({ score: 88.5, grade: 'PASS' });
    });

    it('should refuse a deduction of 3 on P01 (step 5)', () => {
      expect(() => evaluate(licensing, { P01: { points: 3 } })).toThrow(ScoringError);
      expect(issuesOf(licensing, { P01: { points: 3 } })).toEqual([
        { itemCode: 'P01', field: 'points', reason: "deduction 3 is not a multiple of the item's step 5" },
      ]);
    });

    it("should refuse a deduction above the item's maximum", () => {
      expect(issuesOf(licensing, { P05: { points: 20 } })).toEqual([
        { itemCode: 'P05', field: 'points', reason: "deduction 20 is above the item's maximum 15" },
      ]);
    });

    it('should score 0 FAIL when L03 is hit', () => {
      expect(evaluate(licensing, { ...deductions, L03: { hit: true } })).toMatchObject({
        score: 0,
        grade: 'FAIL',
        vetoHits: ['L03'],
      });
    });

    it('should grade on the band edge: 90 is EXCELLENT, 89.5 is PASS', () => {
      expect(evaluate(licensing, { P01: { points: 10 } }).grade).toBe('EXCELLENT');
      expect(evaluate(licensing, { P01: { points: 10 }, P10: { points: 0.5 } }).grade).toBe('PASS');
    });

    it('should deduct nothing for a not-applicable item and count no unanswered DEDUCT items', () => {
      expect(evaluate(licensing, { P02: { notApplicable: true } })).toMatchObject({ score: 100, unanswered: [] });
    });

    it("should stop deductions at the section's cap", () => {
      const capped = { ...licensing, sections: [licensing.sections[0]!, { ...licensing.sections[1]!, maxPoints: 20 }] };
      const result = evaluate(capped, { P01: { points: 10 }, P02: { points: 10 }, P05: { points: 15 } });
      expect(result).toMatchObject({ score: 80, deducted: 20 });
      expect(result.findings.map((f) => f.pointsLost)).toEqual([10, 10, 15]);
    });

    it('should add a bonus within its section cap and never above 100', () => {
      const bonusSection = {
        code: 'X',
        title: '加分项',
        kind: 'POINTS' as const,
        maxPoints: 3,
        items: [{ code: 'X01', title: '创新做法', kind: 'BONUS' as const, maxPoints: 5, step: 1 }],
      };
      const withBonus = { ...licensing, sections: [...licensing.sections, bonusSection] };
      expect(evaluate(withBonus, { P05: { points: 5 }, X01: { points: 4 } })).toMatchObject({ score: 98, bonus: 3 });
      expect(evaluate(withBonus, { X01: { points: 2 } }).score).toBe(100);
    });

    it('should score PASS_FAIL 100 only when nothing is lost', () => {
      const passFail = { ...licensing, formula: 'PASS_FAIL' as const };
      expect(evaluate(passFail, {})).toMatchObject({ score: 100, grade: 'EXCELLENT' });
      expect(evaluate(passFail, { P10: { points: 0.5 } })).toMatchObject({ score: 0, grade: 'FAIL' });
      expect(evaluate({ ...loadMee(), formula: 'PASS_FAIL' }, fullMarks(loadMee())).score).toBe(100);
    });
  });
});
