import { DomainException } from '@ducha/common';
import { validateFramework, type Indicator, type IndicatorFramework } from '@ducha/scoring';
import type { EntityManager } from 'typeorm';

/** The DATA keys this lib computes (README of shared/domain/indicators). */
export const DATA_KEYS = [
  'REVIEW_PASS_RATE',
  'COMPLIANCE_SCORE',
  'CERTIFIED_OFFICER_RATE',
  'REVIEWER_RATIO',
  'RECTIFICATION_ONTIME_RATE',
  'RECTIFICATION_CLEARDOWN',
] as const;
export type DataKey = (typeof DATA_KEYS)[number];

export interface FrameworkRow {
  id: string;
  code: string;
  version: string;
  name: string;
  template: IndicatorFramework;
  region_path: string;
  created_at: Date;
}

/** Every level-3 indicator, in order. */
export function leaves(framework: IndicatorFramework): Indicator[] {
  const out: Indicator[] = [];
  const walk = (list: readonly Indicator[]) => list.forEach((i) => (i.children?.length ? walk(i.children) : out.push(i)));
  walk(framework.indicators);
  return out;
}

export function allCodes(framework: IndicatorFramework): Set<string> {
  const out = new Set<string>();
  const walk = (list: readonly Indicator[]) =>
    list.forEach((i) => {
      out.add(i.code);
      if (i.children) walk(i.children);
    });
  walk(framework.indicators);
  return out;
}

/** The RATE keys a framework asks departments to report. */
export function rateKeys(framework: IndicatorFramework): string[] {
  return [...new Set(leaves(framework).flatMap((i) => (i.method?.startsWith('RATE:') ? [i.method.slice(5)] : [])))];
}

/** The scoring engine's checks plus ours: every DATA key is one this lib computes. */
export function checkFramework(json: unknown): IndicatorFramework {
  const validation = validateFramework(json);
  if (!validation.ok) {
    const issues = validation.errors.map((e) => ({ field: e.path || 'framework', reason: e.reason }));
    throw DomainException.badInput(`The framework is not valid: ${issues[0].field}: ${issues[0].reason}`, issues);
  }
  const framework = validation.template;
  const issues = leaves(framework).flatMap((i) =>
    i.method?.startsWith('DATA:') && !(DATA_KEYS as readonly string[]).includes(i.method.slice(5))
      ? [{ field: `indicators.${i.code}.method`, reason: `unknown data key ${i.method.slice(5)}; keys are ${DATA_KEYS.join(', ')}` }]
      : [],
  );
  if (issues.length) throw DomainException.badInput(`The framework is not valid: ${issues[0].field}: ${issues[0].reason}`, issues);
  return framework;
}

export async function loadFramework(m: EntityManager, id: string): Promise<FrameworkRow> {
  const [row] = await m.query(`SELECT * FROM assessment_framework WHERE id = $1`, [id]).catch(() => []);
  if (!row) throw DomainException.notFound('Framework', id);
  return row as FrameworkRow;
}

/** JSON with object keys sorted (jsonb does not keep key order). */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export const QUARTERS = [1, 2, 3, 4];

/** The period a score covers: the year so far up to the quarter's end; quarter 0 is the whole year. */
export function periodOf(year: number, quarter: number): { from: string; to: string } {
  const endMonth = quarter === 0 ? 12 : quarter * 3;
  const last = new Date(Date.UTC(year, endMonth, 0)).getUTCDate();
  return { from: `${year}-01-01`, to: `${year}-${String(endMonth).padStart(2, '0')}-${last}` };
}

export function checkPeriod(year: number, quarter: number, allowAnnual: boolean): void {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw DomainException.field('year', 'must be a year between 2000 and 2100');
  if (!Number.isInteger(quarter) || quarter < (allowAnnual ? 0 : 1) || quarter > 4) {
    throw DomainException.field('quarter', allowAnnual ? 'must be 1 to 4 (or none for the annual score)' : 'must be 1 to 4');
  }
}
