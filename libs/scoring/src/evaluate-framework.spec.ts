import { loadFramework } from '../test/fixtures.js';
import type { IndicatorAnswer, IndicatorAnswers } from './answer.types.js';
import { evaluateFramework } from './evaluate-framework.js';
import { validateFrameworkAnswers } from './framework-answers.js';
import { ScoringError } from './scoring.error.js';
import type { Indicator, IndicatorFramework } from './template.types.js';

const leavesOf = (indicators: readonly Indicator[]): Indicator[] => indicators.flatMap((i) => (i.children ? leavesOf(i.children) : [i]));

/** Full marks everywhere: SELF_REPORT scores its weight, DATA / RATE a rate of 1. */
function fullMarks(framework: IndicatorFramework): Record<string, IndicatorAnswer> {
  return Object.fromEntries(
    leavesOf(framework.indicators).map((i) => [i.code, i.method === 'SELF_REPORT' ? { score: i.weight } : { rate: 1 }]),
  );
}

describe(evaluateFramework.name, () => {
  const framework = loadFramework();

  it('should total 100 with full marks', () => {
    expect(evaluateFramework(framework, fullMarks(framework))).toMatchObject({ total: 100, grade: 'EXCELLENT' });
  });

  it('should rescale to 100 when an indicator does not apply to the department', () => {
    // No case heard this year: head-in-court (I6.2.1, weight 5) does not apply; 95 points remain.
    // Review pass rate 0.8 on I4.2.1 (weight 6) earns 4.8, losing 1.2: earned 93.8 of 95.
    // Total = 100 × 93.8 ÷ 95 = 98.7368… → 98.74. The monitored I6.1.2 (weight 0) changes nothing.
    const answers: IndicatorAnswers = {
      ...fullMarks(framework),
      'I4.2.1': { rate: 0.8 },
      'I6.1.2': { rate: 0.1 },
      'I6.2.1': { notApplicable: true, note: '本年度无行政诉讼案件开庭' },
    };
    const result = evaluateFramework(framework, answers);
    expect(result).toMatchObject({
      total: 98.74,
      grade: 'EXCELLENT',
      applicableWeight: 95,
      earned: 93.8,
      unanswered: [],
    });
    expect(result.rawTotal).toBeCloseTo((100 * 93.8) / 95, 12);
    const i6 = result.level1.find((s) => s.code === 'I6');
    expect(i6).toMatchObject({ weight: 12, applicableWeight: 7, earned: 7 });
    expect(i6?.scaled).toBeCloseTo((7 * 100) / 95, 12);
    const scaledSum = result.level1.reduce((sum, s) => sum + s.scaled, 0);
    expect(scaledSum).toBeCloseTo(result.rawTotal, 9);
    expect(result.indicators.find((i) => i.code === 'I6.2.1')).toMatchObject({ applicable: false, earned: 0 });
    expect(result.indicators.find((i) => i.code === 'I6.2')).toMatchObject({ weight: 8, earned: 3, applicable: true });
    expect(result.indicators.find((i) => i.code === 'I6.1.2')).toMatchObject({ weight: 0, earned: 0, rate: 0.1 });
  });

  it('should score a rate as rate × weight without rescaling when everything applies', () => {
    const answers = { ...fullMarks(framework), 'I4.2.1': { rate: 0.8 }, 'I6.2.1': { rate: 0.6 } };
    expect(evaluateFramework(framework, answers).total).toBe(96.8); // 100 − 1.2 − 2
  });

  it('should take a whole level-1 indicator out when it does not apply', () => {
    const answers = Object.fromEntries(Object.entries(fullMarks(framework)).filter(([code]) => !code.startsWith('I2.')));
    const result = evaluateFramework(framework, { ...answers, 'I1.3.1': { score: 0 }, I2: { notApplicable: true } });
    expect(result).toMatchObject({ applicableWeight: 90, earned: 86, total: 95.56 }); // 100 × 86 ÷ 90
  });

  it('should give an unanswered indicator 0 and list it', () => {
    const { 'I7.1.2': _missing, ...answers } = fullMarks(framework);
    expect(evaluateFramework(framework, answers)).toMatchObject({ total: 96, unanswered: ['I7.1.2'] });
  });

  it('should round the total half up from the exact value, not from a binary product', () => {
    const tiny: IndicatorFramework = {
      ...framework,
      indicators: [
        {
          code: 'A',
          level: 1,
          title: 'A',
          weight: 10,
          children: [
            {
              code: 'A.1',
              level: 2,
              title: 'A.1',
              children: [{ code: 'A.1.1', level: 3, title: 'rate', method: 'RATE:X', weight: 10 }],
            },
          ],
        },
        {
          code: 'B',
          level: 1,
          title: 'B',
          weight: 90,
          children: [
            {
              code: 'B.1',
              level: 2,
              title: 'B.1',
              children: [{ code: 'B.1.1', level: 3, title: 'self', method: 'SELF_REPORT', weight: 90 }],
            },
          ],
        },
      ],
    };
    // Exactly 100 × (0.4475 × 10) ÷ 100 = 4.475 → 4.48; in doubles the same sum gives 4.47.
    const naive = (100 * (0.4475 * 10 + 0)) / 100;
    expect(Math.round(naive * 100) / 100).toBe(4.47);
    expect(evaluateFramework(tiny, { 'A.1.1': { rate: 0.4475 }, 'B.1.1': { score: 0 } }).total).toBe(4.48);
  });

  it('should refuse invalid answers, naming indicator and field', () => {
    expect(() => evaluateFramework(framework, { 'I1.1.1': { score: 2.3 } })).toThrow(ScoringError);
    expect(
      validateFrameworkAnswers(framework, {
        'I1.1.1': { score: 2.3 },
        'I1.1.2': { score: 2.5 },
        'I2.1.1': { rate: 1.2 },
        'I4.1.1': { score: 6 },
        'I3.1.1': { rate: 0.5 },
        I5: { score: 3 },
        'I9.9.9': { score: 1 },
        I7: { notApplicable: true },
        'I7.1.1': { score: 4 },
        'I8.1.1': { score: 1, notApplicable: true },
      }),
    ).toEqual([
      { itemCode: 'I1.1.1', field: 'score', reason: 'score 2.3 is not a multiple of 0.5' },
      { itemCode: 'I1.1.2', field: 'score', reason: "score 2.5 is above the indicator's weight 2" },
      { itemCode: 'I2.1.1', field: 'rate', reason: 'rate 1.2 must be between 0 and 1' },
      {
        itemCode: 'I4.1.1',
        field: 'score',
        reason: 'a DATA:COMPLIANCE_SCORE indicator does not take score; it takes rate, notApplicable, note',
      },
      {
        itemCode: 'I3.1.1',
        field: 'rate',
        reason: 'a SELF_REPORT indicator does not take rate; it takes score, notApplicable, note',
      },
      {
        itemCode: 'I5',
        field: 'score',
        reason: 'a level-1 indicator does not take score; it takes notApplicable, note',
      },
      { itemCode: 'I9.9.9', field: 'itemCode', reason: 'no indicator I9.9.9 in framework DEMO-COUNTY-FRAMEWORK 2026' },
      { itemCode: 'I7.1.1', field: 'score', reason: 'I7 is marked not applicable' },
      { itemCode: 'I8.1.1', field: 'score', reason: 'cannot be given with notApplicable: true' },
    ]);
  });

  it('should refuse a sheet where nothing weighted applies', () => {
    const all = Object.fromEntries(framework.indicators.map((i) => [i.code, { notApplicable: true }]));
    expect(validateFrameworkAnswers(framework, all)).toEqual([expect.objectContaining({ itemCode: '', field: 'notApplicable' })]);
  });
});
