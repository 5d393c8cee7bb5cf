import { createOfficialCalendar } from '@ducha/calendar';
import { CASE_SCREENS } from '@ducha/compliance';
import { demoRandom } from './demo-district.js';
import { generateCaseFiles } from './seed-cases.js';

describe('generateCaseFiles', () => {
  const departments = [
    { id: 'd1', code: 'QH-SCJG', sector: '市场监管', officers: ['A1', 'A2', 'A3'] },
    { id: 'd2', code: 'QH-ZHZF', sector: '城市管理', officers: ['B1', 'B2'] },
  ];
  const year2025 = () =>
    generateCaseFiles(departments, 3000, { random: demoRandom(7), from: '2025-01-01', to: '2025-12-31', flawRate: 0.08 });
  const ctx = { calendar: createOfficialCalendar(), officers: new Map(), asOf: '2026-03-02' };
  const verdicts = (screen: string) =>
    year2025()
      .map((f) => CASE_SCREENS[screen]({ ...f, id: f.fileNo }, ctx))
      .filter((v) => v.applies);

  it('should publish most other decisions within 20 working days and a few late, the same on every run', () => {
    const screened = verdicts('DISCLOSURE_WITHIN_20_WORKING_DAYS');
    const late = screened.filter((v) => !v.pass);
    expect(screened.length).toBeGreaterThan(300);
    expect(late.length).toBeGreaterThan(0);
    expect(late.length / screened.length).toBeLessThan(0.05);
    // Late, with a date; or, decided in the last weeks of the period, published only after it.
    const reasons = late.map((v) => ('reason' in v ? v.reason : ''));
    expect(reasons.some((r) => /^公示日期晚于决定日期 \d+ 个工作日（超过 20 个工作日）$/.test(r))).toBe(true);
    expect(reasons.every((r) => /超过 20 个工作日|仍未公示/.test(r))).toBe(true);
    expect(year2025()).toEqual(year2025());
  });

  it('should keep penalties and licensing within 7 working days but for a few late ones', () => {
    const screened = verdicts('DISCLOSURE_WITHIN_7_WORKING_DAYS');
    const late = screened.filter((v) => !v.pass).length;
    expect(late).toBeGreaterThan(0);
    expect(late / screened.length).toBeLessThan(0.05);
  });

  it('should never date a publication after the last day of the generated period', () => {
    const last = year2025()
      .map((f) => f.disclosedDate ?? '')
      .sort()
      .at(-1);
    expect(last! <= '2025-12-31').toBe(true);
  });
});
