import {
  CASE_TYPE_NAMES,
  CaseType,
  COERCION_NAMES,
  OnSiteCoercion,
  PartyKind,
  PENALTY_KIND_NAMES,
  PenaltyKind,
} from './case-file.types.js';

/** A case file as imported, before it has a department id. */
export interface CaseFileDraft {
  row: number;
  departmentCode: string;
  fileNo: string;
  caseType: CaseType;
  sector: string;
  cause: string;
  partyName: string;
  partyKind: PartyKind;
  partyIdNo: string;
  officerCertificateNos: string[];
  filedDate: string;
  decisionDate: string | null;
  disclosedDate: string | null;
  closedDate: string;
  legalReviewSubmittedDate: string | null;
  legalReviewFinishedDate: string | null;
  legalReviewPassed: boolean | null;
  /** An approved extension of the review time limit (+3 working days). */
  legalReviewExtended: boolean;
  penaltyKinds: PenaltyKind[];
  fineFen: number;
  major: boolean;
  hearingHeld: boolean;
  onSiteCoercion: OnSiteCoercion | null;
  avRecorded: boolean;
  avFiled: boolean;
}

export type RowError = (row: number, field: string, reason: string) => void;

/** Chinese headers as departments keep them (the first alias is the one templates and errors use). */
export const REQUIRED_COLUMNS = {
  departmentCode: ['执法单位编码', '单位编码'],
  fileNo: ['案卷编号', '案号', '文书编号'],
  caseType: ['案件类型'],
  cause: ['案由'],
  partyName: ['当事人', '当事人名称'],
  partyKind: ['当事人类型'],
  officerCertificateNos: ['执法人员证号', '执法证号'],
  filedDate: ['立案日期', '受理日期'],
  closedDate: ['结案日期', '办结日期'],
} as const;

export const OPTIONAL_COLUMNS = {
  sector: ['执法领域', '领域'],
  partyIdNo: ['证件号码', '统一社会信用代码', '身份证号'],
  decisionDate: ['决定日期'],
  disclosedDate: ['公示日期'],
  legalReviewSubmittedDate: ['法制审核提交日期', '送审日期'],
  legalReviewFinishedDate: ['法制审核完成日期', '审核完成日期'],
  legalReviewPassed: ['法制审核通过', '法制审核结论'],
  legalReviewExtended: ['法制审核延期', '审核延期', '延长审核期限'],
  penaltyKinds: ['处罚种类'],
  fineYuan: ['罚款金额（元）', '罚款金额(元)', '罚款金额'],
  major: ['重大案件', '是否重大案件'],
  hearingHeld: ['听证', '是否听证'],
  onSiteCoercion: ['现场强制措施'],
  avRecorded: ['全程音像记录', '音像记录'],
  avFiled: ['音像资料归档', '音像归档'],
} as const;

export type Cells = Partial<Record<keyof typeof REQUIRED_COLUMNS | keyof typeof OPTIONAL_COLUMNS, string>>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const YES = new Set(['是', 'y', 'yes', 'true', '1', '通过']);
const NO = new Set(['否', 'n', 'no', 'false', '0', '', '未通过', '不通过']);
const reverse = <E extends string>(names: Record<E, string>): Map<string, E> =>
  new Map(
    Object.entries(names).flatMap(([code, zh]) => [
      [code, code as E],
      [zh as string, code as E],
    ]),
  );
const CASE_TYPES = reverse(CASE_TYPE_NAMES);
CASE_TYPES.set('行政处罚（一般程序）', CaseType.PENALTY).set('简易程序', CaseType.PENALTY_SIMPLE);
const PENALTIES = reverse(PENALTY_KIND_NAMES);
PENALTIES.set('吊销许可证件', PenaltyKind.LICENCE_REVOCATION)
  .set('没收违法所得', PenaltyKind.CONFISCATION)
  .set('责令停业', PenaltyKind.BUSINESS_SUSPENSION);
const COERCIONS = reverse(COERCION_NAMES);
const PARTY_KINDS = new Map<string, PartyKind>([
  ['PERSON', PartyKind.PERSON],
  ['自然人', PartyKind.PERSON],
  ['个人', PartyKind.PERSON],
  ['公民', PartyKind.PERSON],
  ['ORGANISATION', PartyKind.ORGANISATION],
  ['单位', PartyKind.ORGANISATION],
  ['法人', PartyKind.ORGANISATION],
  ['企业', PartyKind.ORGANISATION],
  ['法人或其他组织', PartyKind.ORGANISATION],
]);
const LIST_SEPARATOR = /[,，、;；\s]+/;

const checkedDates = new Map<string, boolean>();

/** A real calendar date YYYY-MM-DD (2026-02-30 is not). Memoised: imports repeat the same few hundred dates. */
export function isDate(value: string): boolean {
  let ok = checkedDates.get(value);
  if (ok === undefined) {
    const d = DATE.test(value) ? new Date(`${value}T00:00:00Z`) : null;
    ok = d !== null && !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
    if (checkedDates.size < 100_000) checkedDates.set(value, ok);
  }
  return ok;
}

/** Turns one sheet row's cells into a draft, reporting every bad cell. */
export function parseCells(row: number, c: Cells, err: RowError): CaseFileDraft {
  const text = (f: keyof Cells) => (c[f] ?? '').trim();
  const required = (f: keyof Cells) => {
    const v = text(f);
    if (!v) err(row, f, 'is required');
    return v;
  };
  const date = (f: keyof Cells, need: boolean): string | null => {
    const v = text(f);
    if (!v) {
      if (need) err(row, f, 'is required');
      return null;
    }
    const normalised = DATE.test(v)
      ? v
      : v
          .replace(/[/.年月]/g, '-')
          .replace(/日$/, '')
          .replace(/-(\d)(?=-|$)/g, '-0$1');
    if (!isDate(normalised)) err(row, f, `must be a date like 2026-01-31, got "${v}"`);
    return normalised;
  };
  const flag = (f: keyof Cells): boolean => {
    const v = text(f).toLowerCase();
    if (YES.has(v)) return true;
    if (!NO.has(v)) err(row, f, `must be 是 or 否, got "${text(f)}"`);
    return false;
  };
  const caseType = CASE_TYPES.get(required('caseType'));
  if (text('caseType') && !caseType) err(row, 'caseType', `unknown case type "${text('caseType')}"`);
  const partyKind = PARTY_KINDS.get(required('partyKind'));
  if (text('partyKind') && !partyKind) err(row, 'partyKind', `must be 自然人 or 单位, got "${text('partyKind')}"`);
  const penaltyKinds = text('penaltyKinds')
    .split(LIST_SEPARATOR)
    .filter(Boolean)
    .map((p) => {
      const kind = PENALTIES.get(p);
      if (!kind) err(row, 'penaltyKinds', `unknown penalty kind "${p}"`);
      return kind as PenaltyKind;
    });
  const coercionText = text('onSiteCoercion');
  const onSiteCoercion = !coercionText || coercionText === '无' ? null : (COERCIONS.get(coercionText) ?? null);
  if (coercionText && coercionText !== '无' && !onSiteCoercion)
    err(row, 'onSiteCoercion', `must be one of 查封扣押、强制拆除、带离现场 or 无, got "${coercionText}"`);
  const fineText = text('fineYuan').replace(/[,，]/g, '');
  let fineFen = 0;
  if (fineText) {
    if (!/^\d+(\.\d{1,2})?$/.test(fineText)) err(row, 'fineYuan', `must be an amount in yuan with at most 2 decimals, got "${fineText}"`);
    else fineFen = Math.round(Number(fineText) * 100);
  }
  const passedText = text('legalReviewPassed');
  return {
    row,
    departmentCode: required('departmentCode'),
    fileNo: required('fileNo'),
    caseType: caseType as CaseType,
    sector: text('sector'),
    cause: required('cause'),
    partyName: required('partyName'),
    partyKind: partyKind as PartyKind,
    partyIdNo: text('partyIdNo'),
    officerCertificateNos: required('officerCertificateNos').split(LIST_SEPARATOR).filter(Boolean),
    filedDate: date('filedDate', true) ?? '',
    decisionDate: date('decisionDate', false),
    disclosedDate: date('disclosedDate', false),
    closedDate: date('closedDate', true) ?? '',
    legalReviewSubmittedDate: date('legalReviewSubmittedDate', false),
    legalReviewFinishedDate: date('legalReviewFinishedDate', false),
    legalReviewPassed: passedText ? flag('legalReviewPassed') : null,
    legalReviewExtended: flag('legalReviewExtended'),
    penaltyKinds,
    fineFen,
    major: flag('major'),
    hearingHeld: flag('hearingHeld'),
    onSiteCoercion,
    avRecorded: flag('avRecorded'),
    avFiled: flag('avFiled'),
  };
}

/** Rules across fields, for rows from any source. */
export function checkDraft(d: CaseFileDraft, err: RowError): void {
  const dates = [
    'filedDate',
    'decisionDate',
    'disclosedDate',
    'closedDate',
    'legalReviewSubmittedDate',
    'legalReviewFinishedDate',
  ] as const;
  for (const f of dates) if (d[f] && !isDate(d[f]!)) err(d.row, f, `must be a date like 2026-01-31, got "${d[f]}"`);
  if (d.fileNo.length > 100) err(d.row, 'fileNo', 'is longer than 100 characters');
  if (isDate(d.filedDate) && isDate(d.closedDate) && d.closedDate < d.filedDate) err(d.row, 'closedDate', 'is before the filing date');
  if (d.decisionDate && isDate(d.decisionDate) && isDate(d.filedDate) && d.decisionDate < d.filedDate)
    err(d.row, 'decisionDate', 'is before the filing date');
  if (d.decisionDate && isDate(d.decisionDate) && isDate(d.closedDate) && d.decisionDate > d.closedDate)
    err(d.row, 'decisionDate', 'is after the closing date');
  if (d.legalReviewFinishedDate && d.legalReviewSubmittedDate && d.legalReviewFinishedDate < d.legalReviewSubmittedDate)
    err(d.row, 'legalReviewFinishedDate', 'is before the review was submitted');
  if (d.legalReviewExtended && !d.legalReviewSubmittedDate)
    err(d.row, 'legalReviewExtended', 'an approved extension needs the date the review was submitted');
  if (d.officerCertificateNos.length === 0) err(d.row, 'officerCertificateNos', 'name at least one officer certificate number');
  if (!Number.isSafeInteger(d.fineFen) || d.fineFen < 0) err(d.row, 'fineFen', 'must be a whole, non-negative number of fen');
}
