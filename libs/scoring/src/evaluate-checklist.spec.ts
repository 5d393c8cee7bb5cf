import { loadChecklist } from '../test/fixtures.js';
import type { Answers } from './answer.types.js';
import { evaluate } from './evaluate.js';
import { ScoringError } from './scoring.error.js';
import { validateAnswers } from './validate-answers.js';

describe(`${evaluate.name} (three-systems checklist)`, () => {
  const checklist = loadChecklist();
  const allPass: Answers = Object.fromEntries(checklist.items.map((item) => [item.code, { result: 'PASS' as const }]));

  it('should score the weighted sum worked by hand', () => {
    // Weights add up to 100. DIS-05, DIS-06, REV-06 do not apply: 100 − 5 − 3 − 2 = 90 applicable.
    // DIS-04 PARTIAL keeps 10 × 0.5 = 5, REC-03 FAIL keeps 0 of 10: earned 90 − 5 − 10 = 75.
    // Score = 100 × 75 ÷ 90 = 83.333… → 83.33, PASS.
    const result = evaluate(checklist, {
      ...allPass,
      'DIS-04': { result: 'PARTIAL', note: '3件处罚决定超期公示' },
      'REC-03': { result: 'FAIL' },
      'DIS-05': { result: 'NOT_APPLICABLE' },
      'DIS-06': { result: 'NOT_APPLICABLE' },
      'REV-06': { result: 'NOT_APPLICABLE' },
    });
    expect(result).toMatchObject({
      formula: 'WEIGHTED_SUM',
      score: 83.33,
      grade: 'PASS',
      maxApplicable: 90,
      earned: 75,
      vetoHits: [],
      sections: [],
      unanswered: [],
    });
    expect(result.findings).toEqual([
      {
        itemCode: 'DIS-04',
        title: checklist.items[3]!.title,
        group: 'DISCLOSURE',
        kind: 'CHECK',
        pointsLost: 5,
        severity: 'GENERAL',
        result: 'PARTIAL',
        note: '3件处罚决定超期公示',
      },
      expect.objectContaining({ itemCode: 'REC-03', group: 'RECORDING', pointsLost: 10, result: 'FAIL' }),
    ]);
  });

  it('should score 100 EXCELLENT when every item passes', () => {
    expect(evaluate(checklist, allPass)).toMatchObject({ score: 100, grade: 'EXCELLENT', findings: [] });
  });

  it('should give an unchecked item no credit and list it as unanswered', () => {
    const { 'REV-02': _unchecked, ...rest } = allPass;
    const result = evaluate(checklist, rest);
    expect(result).toMatchObject({ score: 88, unanswered: ['REV-02'], findings: [] });
  });

  it('should refuse NOT_APPLICABLE where the item always applies, and unknown results or fields', () => {
    expect(() => evaluate(checklist, { 'DIS-01': { result: 'NOT_APPLICABLE' } })).toThrow(ScoringError);
    expect(
      validateAnswers(checklist, {
        'DIS-01': { result: 'NOT_APPLICABLE' },
        'DIS-02': { result: 'MAYBE' as 'PASS' },
        'DIS-03': { note: '待核查' },
        'DIS-04': { result: 'PASS', points: 10 },
        'XYZ-01': { result: 'PASS' },
      }),
    ).toEqual([
      {
        itemCode: 'DIS-01',
        field: 'result',
        reason: 'NOT_APPLICABLE is not allowed: DIS-01 applies to every department',
      },
      {
        itemCode: 'DIS-02',
        field: 'result',
        reason: 'MAYBE is not a result; give one of PASS, PARTIAL, FAIL, NOT_APPLICABLE',
      },
      { itemCode: 'DIS-03', field: 'result', reason: 'is required; give one of PASS, PARTIAL, FAIL, NOT_APPLICABLE' },
      { itemCode: 'DIS-04', field: 'points', reason: 'a CHECK item takes result, note' },
      { itemCode: 'XYZ-01', field: 'itemCode', reason: 'no item XYZ-01 in checklist THREE-SYSTEMS 1' },
    ]);
  });

  it('should refuse a sheet where every item is NOT_APPLICABLE', () => {
    const optional = { ...checklist, items: checklist.items.filter((item) => item.mayNotApply) };
    const answers = Object.fromEntries(optional.items.map((item) => [item.code, { result: 'NOT_APPLICABLE' as const }]));
    expect(validateAnswers(optional, answers)).toEqual([
      {
        itemCode: '',
        field: 'result',
        reason: 'every item is NOT_APPLICABLE; at least one must apply to compute a share',
      },
    ]);
  });

  it('should score PASS_FAIL 100 only when every applicable item passes', () => {
    const passFail = { ...checklist, formula: 'PASS_FAIL' as const };
    expect(evaluate(passFail, { ...allPass, 'DIS-05': { result: 'NOT_APPLICABLE' } }).score).toBe(100);
    expect(evaluate(passFail, { ...allPass, 'DIS-05': { result: 'PARTIAL' } })).toMatchObject({
      score: 0,
      grade: 'FAIL',
    });
  });
});
