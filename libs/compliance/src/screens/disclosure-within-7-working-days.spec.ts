import { disclosureWithin7WorkingDays } from './disclosure-within-7-working-days.js';
import { aCase, aContext } from './screen-fixtures.js';

describe('disclosureWithin7WorkingDays', () => {
  const ctx = aContext();

  it('should fail a penalty disclosed on the 8th working day across the 2025 National Day holiday', () => {
    // Decided Fri 26 Sep; 28 Sep (Sun) and 11 Oct (Sat) are make-up working days, 1–8 Oct are off.
    const verdict = disclosureWithin7WorkingDays(aCase({ decisionDate: '2025-09-26', disclosedDate: '2025-10-14' }), ctx);
    expect(verdict).toEqual({ applies: true, pass: false, reason: '公示日期晚于决定日期 8 个工作日（超过 7 个工作日）' });
  });

  it('should pass the 7th working day, although 17 calendar days have gone by', () => {
    expect(disclosureWithin7WorkingDays(aCase({ decisionDate: '2025-09-26', disclosedDate: '2025-10-13' }), ctx)).toEqual({
      applies: true,
      pass: true,
    });
  });

  it('should count the make-up Saturday 2025-10-11 as a working day', () => {
    // Decided Thu 2 Oct (holiday): 9, 10, 11 (make-up), 13, 14, 15, 16 → the 7th is Thu 16 Oct.
    expect(disclosureWithin7WorkingDays(aCase({ decisionDate: '2025-10-02', disclosedDate: '2025-10-16' }), ctx).applies).toBe(true);
    expect(disclosureWithin7WorkingDays(aCase({ decisionDate: '2025-10-02', disclosedDate: '2025-10-16' }), ctx)).toMatchObject({
      pass: true,
    });
    expect(disclosureWithin7WorkingDays(aCase({ decisionDate: '2025-10-02', disclosedDate: '2025-10-17' }), ctx)).toMatchObject({
      pass: false,
    });
  });

  it('should apply to licensing but not to other decisions', () => {
    expect(disclosureWithin7WorkingDays(aCase({ caseType: 'LICENSING' }), ctx).applies).toBe(true);
    expect(disclosureWithin7WorkingDays(aCase({ caseType: 'COERCION' }), ctx).applies).toBe(false);
  });

  it('should fail an undisclosed decision only once its deadline has passed', () => {
    const late = disclosureWithin7WorkingDays(
      aCase({ decisionDate: '2025-09-26', disclosedDate: null }),
      aContext(undefined, '2025-10-14'),
    );
    expect(late).toEqual({ applies: true, pass: false, reason: '决定作出（2025-09-26）已 8 个工作日，仍未公示' });
    expect(
      disclosureWithin7WorkingDays(aCase({ decisionDate: '2025-09-26', disclosedDate: null }), aContext(undefined, '2025-10-13')),
    ).toEqual({ applies: false });
  });
});
