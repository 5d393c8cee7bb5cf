import { upsertCaseFiles, CaseType, OnSiteCoercion, PartyKind, PenaltyKind, type CaseFileDraft } from '@ducha/cases';
import { createOfficialCalendar } from '@ducha/calendar';
import type { EntityManager } from 'typeorm';
import { DEMO_DEPARTMENTS, DEMO_TOWNS, demoName } from './demo-district.js';
import type { SeedContext } from './seed-steps.js';

export interface GeneratorDepartment {
  id: string;
  code: string;
  sector: string;
  officers: readonly string[];
}

const TYPES: [CaseType, number][] = [
  [CaseType.PENALTY, 40],
  [CaseType.PENALTY_SIMPLE, 14],
  [CaseType.LICENSING, 15],
  [CaseType.INSPECTION, 12],
  [CaseType.COERCION, 6],
  [CaseType.NO_PENALTY, 4],
  [CaseType.LEVY, 2],
  [CaseType.CONFIRMATION, 2],
  [CaseType.ADJUDICATION, 1],
  [CaseType.BENEFIT, 3],
  [CaseType.RECONSIDERATION, 1],
];
const TYPE_TOTAL = TYPES.reduce((s, [, w]) => s + w, 0);
const ABBREV: Record<CaseType, string> = {
  PENALTY: 'CF',
  PENALTY_SIMPLE: 'JY',
  NO_PENALTY: 'BY',
  LICENSING: 'XK',
  COERCION: 'QZ',
  INSPECTION: 'JC',
  LEVY: 'ZS',
  CONFIRMATION: 'QR',
  ADJUDICATION: 'CJ',
  BENEFIT: 'JF',
  RECONSIDERATION: 'FY',
};
const CAUSES = [
  '未取得许可擅自从事经营活动',
  '销售不符合安全标准的产品',
  '未按规定公示信息',
  '违反安全生产管理规定',
  '擅自占用城市道路',
  '超标排放污染物',
  '未按规定建立台账',
  '无证驾驶营运车辆',
  '违法建设',
  '虚假宣传',
  '拒不配合监督检查',
  '未按规定申报',
];
const COMPANY = ['商贸', '建设工程', '餐饮管理', '物流', '科技', '食品', '环保', '运输', '置业', '医药'];
const SECTORS: Record<string, string> = {
  'QH-SCJG': '市场监管',
  'QH-STHJ': '生态环境',
  'QH-YJGL': '应急管理',
  'QH-JTYS': '交通运输',
  'QH-ZHZF': '城市管理',
  'QH-WSJK': '卫生健康',
  'QH-ZJJ': '住房城乡建设',
  'QH-ZRZY': '自然资源',
  'QH-NYNC': '农业农村',
  'QH-WLJ': '文化旅游',
  'QH-GA': '治安管理',
  'QH-XF': '消防',
};

/** Options for the case-file generator (demo seed and the province-scale bench generator). */
export interface GenerateOptions {
  random: () => number;
  /** Files are closed in [from, to]. */
  from: string;
  to: string;
  /** Share of files with a deliberate flaw (late disclosure, missing legal review, …). */
  flawRate: number;
  serialStart?: number;
}

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)];
const int = (random: () => number, lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));

/** Working-day arithmetic on the official calendar; plain days where a year has no official data. */
function days() {
  const calendar = createOfficialCalendar();
  const plain = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);
  return {
    add(date: string, n: number): string {
      try {
        return n >= 0 ? calendar.addWorkingDays(date, n) : calendar.subtractWorkingDays(date, -n);
      } catch {
        return plain(date, Math.round(n * 1.4));
      }
    },
    plain,
  };
}

/**
 * Realistic closed case files: every case type, dates on the working-day calendar, flags and
 * fines that fit the type, and a share of deliberately flawed files (late disclosure, a major case
 * without legal review or reviewed after the decision, an on-site seizure without audio-video, a
 * single officer). Deterministic for a given random source.
 */
export function generateCaseFiles(
  departments: readonly GeneratorDepartment[],
  count: number,
  o: GenerateOptions,
): (CaseFileDraft & { departmentId: string })[] {
  const r = o.random;
  const d = days();
  const span = Math.max(1, Math.round((Date.parse(o.to) - Date.parse(o.from)) / 86400000));
  const weights = departments.map((x) => Math.max(1, x.officers.length));
  const weightTotal = weights.reduce((s, w) => s + w, 0);
  const rows: (CaseFileDraft & { departmentId: string })[] = [];
  for (let n = 0; n < count; n++) {
    let w = r() * weightTotal;
    let k = 0;
    while (w >= weights[k] && k < departments.length - 1) w -= weights[k++];
    const dept = departments[k];
    let t = r() * TYPE_TOTAL;
    let type = TYPES[0][0];
    for (const [candidate, weight] of TYPES) {
      if (t < weight) {
        type = candidate;
        break;
      }
      t -= weight;
    }
    const closedDate = d.add(d.plain(o.from, int(r, 0, span)), 0);
    const closed = closedDate > o.to ? o.to : closedDate;
    const hasDecision = type !== CaseType.INSPECTION;
    const decision = hasDecision ? d.add(closed, -int(r, 2, 20)) : null;
    const filed = type === CaseType.PENALTY_SIMPLE ? (decision ?? closed) : d.add(decision ?? closed, -int(r, 5, 40));
    const flaw = r() < o.flawRate ? int(r, 1, 5) : 0;
    const person = type === CaseType.PENALTY_SIMPLE || r() < 0.35;
    const penalty = type === CaseType.PENALTY || type === CaseType.PENALTY_SIMPLE;
    const kinds: PenaltyKind[] = [];
    let fineFen = 0;
    if (penalty) {
      if (r() < 0.3) kinds.push(PenaltyKind.WARNING);
      if (type === CaseType.PENALTY_SIMPLE || r() < 0.85) {
        kinds.push(PenaltyKind.FINE);
        fineFen = type === CaseType.PENALTY_SIMPLE ? int(r, 2, 20) * 10000 : person ? int(r, 2, 300) * 10000 : int(r, 10, 3000) * 10000;
      }
      if (type === CaseType.PENALTY && r() < 0.1) kinds.push(PenaltyKind.CONFISCATION);
      if (type === CaseType.PENALTY && r() < 0.04) kinds.push(PenaltyKind.BUSINESS_SUSPENSION);
      if (type === CaseType.PENALTY && r() < 0.02) kinds.push(PenaltyKind.LICENCE_REVOCATION);
    }
    const major =
      type === CaseType.PENALTY &&
      (fineFen >= (person ? 1_000_000 : 10_000_000) ||
        kinds.includes(PenaltyKind.BUSINESS_SUSPENSION) ||
        kinds.includes(PenaltyKind.LICENCE_REVOCATION));
    let reviewSubmitted: string | null = null;
    let reviewFinished: string | null = null;
    if (major && decision && flaw !== 2) {
      reviewSubmitted = d.add(decision, -int(r, 4, 9));
      reviewFinished = flaw === 3 ? d.add(decision, int(r, 1, 3)) : d.add(reviewSubmitted, int(r, 1, 3));
    }
    // Decisions are published within 7 working days (penalties, licensing) or 20 (other decisions); a flaw makes it late.
    const limit = penalty || type === CaseType.LICENSING ? 7 : 20;
    const disclosedOn =
      decision && type !== CaseType.RECONSIDERATION
        ? d.add(decision, flaw === 1 ? int(r, limit + 2, limit + 18) : int(r, 1, limit - 1))
        : null;
    // Nothing is published in the future: a decision still waiting for it has no date yet.
    const disclosed = disclosedOn && disclosedOn <= o.to ? disclosedOn : null;
    const coercion =
      type === CaseType.COERCION
        ? pick(r, [OnSiteCoercion.SEIZURE, OnSiteCoercion.SEIZURE, OnSiteCoercion.DEMOLITION, OnSiteCoercion.DETENTION_TRANSFER])
        : type === CaseType.PENALTY && r() < 0.08
          ? OnSiteCoercion.SEIZURE
          : null;
    const av = !(coercion && flaw === 4);
    const officers = dept.officers.length < 2 || flaw === 5 ? [dept.officers[0] ?? `${dept.code}-UNREGISTERED`] : pickTwo(r, dept.officers);
    const serial = (o.serialStart ?? 0) + n + 1;
    rows.push({
      row: n + 1,
      departmentId: dept.id,
      departmentCode: dept.code,
      fileNo: `${dept.code}-${ABBREV[type]}-${closed.slice(0, 4)}-${String(serial).padStart(6, '0')}`,
      caseType: type,
      sector: dept.sector,
      cause: pick(r, CAUSES),
      partyName: person
        ? demoName(r)
        : `清河${pick(r, COMPANY)}${pick(r, ['有限公司', '有限责任公司', '股份有限公司'])}${String.fromCharCode(0x7532 + int(r, 0, 9))}`,
      partyKind: person ? PartyKind.PERSON : PartyKind.ORGANISATION,
      partyIdNo: person
        ? `330105${int(r, 1960, 2004)}${String(int(r, 1, 12)).padStart(2, '0')}${String(int(r, 1, 28)).padStart(2, '0')}${int(r, 1000, 9999)}`
        : `91330105MA${int(r, 10000000, 99999999)}`,
      officerCertificateNos: officers,
      filedDate: filed > (decision ?? closed) ? (decision ?? closed) : filed,
      decisionDate: decision,
      disclosedDate: disclosed,
      closedDate: closed,
      legalReviewSubmittedDate: reviewSubmitted,
      legalReviewFinishedDate: reviewFinished,
      legalReviewPassed: reviewFinished ? true : null,
      legalReviewExtended: false,
      penaltyKinds: kinds,
      fineFen,
      major,
      hearingHeld: major && r() < 0.3,
      onSiteCoercion: coercion,
      avRecorded: av && (coercion !== null || r() < 0.6),
      avFiled: av && (coercion !== null || r() < 0.5),
    });
  }
  return rows;
}

function pickTwo(random: () => number, list: readonly string[]): string[] {
  const a = Math.floor(random() * list.length);
  let b = Math.floor(random() * (list.length - 1));
  if (b >= a) b++;
  return [list[a], list[b]];
}

export const DEMO_CASE_FILES = 3000;

/** Demo step: a year of closed case files across the demo district's enforcement departments and towns. */
export async function seedCaseFiles(m: EntityManager, ctx: SeedContext): Promise<void> {
  const codes = [
    ...DEMO_DEPARTMENTS.filter(([, , , enforcement, officers]) => enforcement && officers > 0).map(([code]) => code),
    ...DEMO_TOWNS.map(([code]) => code),
  ];
  const departments = codes.map((code) => ({
    id: ctx.unitIds.get(code)!,
    code,
    sector: SECTORS[code] ?? (code.endsWith('JD') || code.endsWith('Z') ? '综合行政执法' : '综合'),
    officers: ctx.officerCertificates.get(code) ?? [],
  }));
  const to = ctx.today.toISOString().slice(0, 10);
  const from = new Date(ctx.today.getTime() - 365 * 86400000).toISOString().slice(0, 10);
  await upsertCaseFiles(m, generateCaseFiles(departments, DEMO_CASE_FILES, { random: ctx.random, from, to, flawRate: 0.08 }));
}
