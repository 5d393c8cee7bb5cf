import { checkDraft, isDate, parseCells, type Cells } from './case-file-row.js';

const cells: Cells = {
  departmentCode: 'QH-SCJG',
  fileNo: 'SCJG-1',
  caseType: '行政处罚',
  cause: '销售过期食品',
  partyName: '某公司',
  partyKind: '单位',
  officerCertificateNos: 'QH1，QH2',
  filedDate: '2026/3/2',
  closedDate: '2026年5月6日',
  decisionDate: '2026-04-10',
  penaltyKinds: '警告、罚款',
  fineYuan: '1,234.56',
  major: '是',
  onSiteCoercion: '查封扣押',
  avRecorded: '否',
  avFiled: '',
};

describe('case file rows', () => {
  it('should read Chinese values, date styles, lists and yuan into a draft', () => {
    const errors: string[] = [];
    const d = parseCells(2, cells, (row, field, reason) => errors.push(`${row}:${field}:${reason}`));
    expect(errors).toEqual([]);
    expect(d).toMatchObject({
      caseType: 'PENALTY',
      partyKind: 'ORGANISATION',
      officerCertificateNos: ['QH1', 'QH2'],
      filedDate: '2026-03-02',
      closedDate: '2026-05-06',
      penaltyKinds: ['WARNING', 'FINE'],
      fineFen: 123456,
      major: true,
      onSiteCoercion: 'SEIZURE',
      avRecorded: false,
      avFiled: false,
      legalReviewPassed: null,
    });
  });

  it('should name every bad cell and the cross-field problems', () => {
    const errors: string[] = [];
    const err = (row: number, field: string, reason: string) => errors.push(`${row}:${field}:${reason}`);
    const d = parseCells(3, { ...cells, caseType: '行政审批', fineYuan: '12.345', closedDate: '2026-02-30', major: '也许' }, err);
    checkDraft({ ...d, closedDate: '2026-01-01' }, err);
    expect(errors.sort()).toEqual([
      '3:caseType:unknown case type "行政审批"',
      '3:closedDate:is before the filing date',
      '3:closedDate:must be a date like 2026-01-31, got "2026-02-30"',
      '3:decisionDate:is after the closing date',
      '3:fineYuan:must be an amount in yuan with at most 2 decimals, got "12.345"',
      '3:major:must be 是 or 否, got "也许"',
    ]);
  });

  it('should read an approved review extension and refuse one without a review', () => {
    const errors: string[] = [];
    const err = (row: number, field: string, reason: string) => errors.push(`${row}:${field}:${reason}`);
    const reviewed = parseCells(4, { ...cells, legalReviewSubmittedDate: '2025-09-26', legalReviewExtended: '是' }, err);
    expect(reviewed.legalReviewExtended).toBe(true);
    expect(parseCells(5, cells, err).legalReviewExtended).toBe(false);
    checkDraft(reviewed, err);
    expect(errors).toEqual([]);
    checkDraft(parseCells(6, { ...cells, legalReviewExtended: '是' }, err), err);
    expect(errors).toEqual(['6:legalReviewExtended:an approved extension needs the date the review was submitted']);
  });

  it('should accept only real calendar dates', () => {
    expect(['2024-02-29', '2026-12-31'].map(isDate)).toEqual([true, true]);
    expect(['2026-02-29', '2026-13-01', '26-01-01', ''].map(isDate)).toEqual([false, false, false, false]);
  });
});
