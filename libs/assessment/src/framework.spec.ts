import { DomainException } from '@ducha/common';
import scoringCopy from '../../scoring/src/fixtures/demo-county-framework-2026.json' with { type: 'json' };
import { DEMO_FRAMEWORK } from './demo-framework.js';
import { checkFramework, leaves, periodOf, rateKeys } from './framework.js';
import { checkItems } from './statistics.service.js';

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e as DomainException;
  }
  throw new Error('expected a refusal');
};

describe('assessment framework rules', () => {
  it('should keep the demo framework equal to the scoring engine’s copy and accept it', () => {
    expect(DEMO_FRAMEWORK).toEqual(scoringCopy);
    const fw = checkFramework(DEMO_FRAMEWORK);
    expect(leaves(fw)).toHaveLength(28);
    expect(rateKeys(fw).sort()).toEqual([
      'HEAD_IN_COURT',
      'JUDGMENT_PERFORMANCE',
      'NORMATIVE_DOC_FILING',
      'PROPOSAL_REPLY',
      'RECONSIDERATION_CORRECTION',
      'RECONSIDERATION_ONTIME',
    ]);
  });

  it('should refuse a DATA key this lib does not compute, naming the indicator', () => {
    const bad = JSON.parse(JSON.stringify(DEMO_FRAMEWORK).replace('DATA:COMPLIANCE_SCORE', 'DATA:GUESSWORK'));
    const e = refusal(() => checkFramework(bad));
    expect(e.message).toMatch(/GUESSWORK/);
  });

  it('should cover the year so far for a quarter and the whole year for quarter 0', () => {
    expect(periodOf(2026, 1)).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(periodOf(2026, 2)).toEqual({ from: '2026-01-01', to: '2026-06-30' });
    expect(periodOf(2024, 0)).toEqual({ from: '2024-01-01', to: '2024-12-31' });
  });

  it('should refuse a numerator above its denominator, negative or fractional counts, unknown and repeated keys', () => {
    const keys = ['HEAD_IN_COURT', 'PROPOSAL_REPLY'];
    expect(() => checkItems([{ key: 'HEAD_IN_COURT', numerator: 3, denominator: 3 }], keys)).not.toThrow();
    const cases: [unknown[], string][] = [
      [[{ key: 'HEAD_IN_COURT', numerator: 4, denominator: 3 }], 'items[0].numerator'],
      [[{ key: 'HEAD_IN_COURT', numerator: -1, denominator: 3 }], 'items[0].numerator'],
      [[{ key: 'HEAD_IN_COURT', numerator: 1, denominator: 2.5 }], 'items[0].denominator'],
      [[{ key: 'NOPE', numerator: 1, denominator: 2 }], 'items[0].key'],
      [
        [
          { key: 'HEAD_IN_COURT', numerator: 1, denominator: 2 },
          { key: 'HEAD_IN_COURT', numerator: 1, denominator: 2 },
        ],
        'items[1].key',
      ],
      [[], 'items'],
    ];
    for (const [items, field] of cases) {
      const e = refusal(() => checkItems(items as never, keys));
      expect(e.code).toBe('BAD_USER_INPUT');
      expect([...e.issues.map((i) => i.field), e.message]).toEqual(expect.arrayContaining([expect.stringContaining(field)]));
    }
  });
});
