import { disclosureWithin20WorkingDays } from './disclosure-within-20-working-days.js';
import { aCase, aContext } from './screen-fixtures.js';

describe('disclosureWithin20WorkingDays', () => {
  const ctx = aContext();

  it('should count 20 working days across the 2026 Spring Festival with its make-up days', () => {
    // Spring Festival 2026: 15–23 Feb off; 14 Feb (Sat) and 28 Feb (Sat) are make-up working days.
    const calendar = ctx.calendar;
    const deadline = calendar.addWorkingDays('2026-02-06', 20);
    expect(
      disclosureWithin20WorkingDays(aCase({ caseType: 'COERCION', decisionDate: '2026-02-06', disclosedDate: deadline }), ctx),
    ).toEqual({ applies: true, pass: true });
    const dayAfter = calendar.addWorkingDays(deadline, 1);
    expect(
      disclosureWithin20WorkingDays(aCase({ caseType: 'COERCION', decisionDate: '2026-02-06', disclosedDate: dayAfter }), ctx),
    ).toEqual({
      applies: true,
      pass: false,
      reason: '公示日期晚于决定日期 21 个工作日（超过 20 个工作日）',
    });
    // In calendar days the deadline is far beyond 20.
    expect((Date.parse(deadline) - Date.parse('2026-02-06')) / 86_400_000).toBeGreaterThan(28);
  });

  it('should not apply to penalties, licensing, simple procedure or reconsideration', () => {
    for (const caseType of ['PENALTY', 'LICENSING', 'PENALTY_SIMPLE', 'RECONSIDERATION']) {
      expect(disclosureWithin20WorkingDays(aCase({ caseType }), ctx)).toEqual({ applies: false });
    }
  });
});
