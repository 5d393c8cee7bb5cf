import { aCase, aContext, anOfficer } from '../screens/screen-fixtures.js';
import { ScreeningEngine } from './screening-engine.js';

describe(ScreeningEngine.name, () => {
  it('should tally per department and screen, keep at most the evidence limit and count the rest', () => {
    const engine = new ScreeningEngine(['DISCLOSURE_WITHIN_7_WORKING_DAYS', 'REVIEWERS_QUALIFIED'], aContext(), 2);
    for (let i = 0; i < 5; i++)
      engine.addCase(aCase({ id: `late${i}`, fileNo: `F${i}`, decisionDate: '2025-09-26', disclosedDate: '2025-10-14' }));
    for (let i = 0; i < 45; i++) engine.addCase(aCase({ id: `ok${i}` }));
    engine.addCase(aCase({ id: 'other', departmentId: 'd2' }));
    engine.addDepartment('d1', [anOfficer({ legalReviewer: true, legalQualification: true })]);
    const d1 = engine.outcomes().get('d1')!.get('DISCLOSURE_WITHIN_7_WORKING_DAYS')!;
    expect(d1).toMatchObject({ passed: 45, total: 50, omitted: 3, result: 'PARTIAL' });
    expect(d1.failures).toEqual([
      { subject: 'late0', label: 'F0', reason: '公示日期晚于决定日期 8 个工作日（超过 7 个工作日）' },
      { subject: 'late1', label: 'F1', reason: '公示日期晚于决定日期 8 个工作日（超过 7 个工作日）' },
    ]);
    expect(engine.outcomes().get('d2')!.get('DISCLOSURE_WITHIN_7_WORKING_DAYS')).toMatchObject({ passed: 1, total: 1, result: 'PASS' });
    expect(engine.outcomes().get('d1')!.get('REVIEWERS_QUALIFIED')).toMatchObject({ passed: 1, total: 1, result: 'PASS' });
    expect(engine.failingCases).toBe(5);
  });

  it('should count a date in a year without an official calendar instead of guessing', () => {
    const engine = new ScreeningEngine(['DISCLOSURE_WITHIN_7_WORKING_DAYS'], aContext(), 10);
    engine.addCase(aCase({ decisionDate: '2031-03-02', disclosedDate: '2031-03-20' }));
    expect(engine.calendarGaps).toBe(1);
    expect(engine.outcomes().get('d1')!.get('DISCLOSURE_WITHIN_7_WORKING_DAYS')).toMatchObject({ total: 0, result: null });
  });
});
