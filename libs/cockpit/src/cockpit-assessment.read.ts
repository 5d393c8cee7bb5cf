import type { EntityManager } from 'typeorm';
import type { CockpitAssessment } from './models/cockpit-assessment.model.js';

const ratio = (num: number, den: number): number | null => (den > 0 ? Math.round((num / den) * 10000) / 10000 : null);
const mean = (sum: number, n: number): number | null => (n > 0 ? Math.round((sum / n) * 100) / 100 : null);
const MEASURE_STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'DONE'];

interface RegionRow {
  quarter: number;
  key: string;
  label: string | null;
  num: string;
  den: string;
  departments: number;
}

/**
 * The region's assessment figures for the period's year: mean score per quarter (0 = annual), the
 * ranking and first-level indicators of the latest scored quarter the period reaches (the annual
 * score for a year), the RATE statistics by quarter, the measures by status and the late ones.
 */
export async function readAssessment(
  m: EntityManager,
  path: string,
  period: string,
  today: string,
): Promise<Omit<CockpitAssessment, 'ranking'> & { ranking: { rank: number; departmentId: string; score: number }[] }> {
  const year = Number(period.slice(0, 4));
  const rows: RegionRow[] = await m.query(
    `SELECT quarter, key, label, num, den, departments FROM cockpit_region_assessment WHERE region_path = $1 AND year = $2 ORDER BY quarter, key`,
    [path, year],
  );
  const scores = rows
    .filter((r) => r.key === 'score')
    .map((r) => ({ quarter: r.quarter, departments: r.departments, meanScore: mean(Number(r.num), r.departments) }));
  const reach = period.length === 4 ? 4 : Math.ceil(Number(period.slice(5, 7)) / 3);
  const scored = scores.map((s) => s.quarter);
  const quarter = period.length === 4 && scored.includes(0) ? 0 : (scored.filter((q) => q > 0 && q <= reach).at(-1) ?? null);
  const ranking =
    quarter === null
      ? []
      : (
          await m.query(
            `SELECT department_id, num FROM cockpit_assessment WHERE key = 'score' AND year = $1 AND quarter = $2 AND region_path LIKE $3
              ORDER BY num DESC, department_id LIMIT 10`,
            [year, quarter, `${path}%`],
          )
        ).map((r: { department_id: string; num: string }, i: number) => ({
          rank: i + 1,
          departmentId: r.department_id,
          score: Number(r.num),
        }));
  const [late] = await m.query(
    `SELECT count(*)::int AS n FROM cockpit_measure WHERE status <> 'DONE' AND deadline < $1 AND region_path LIKE $2 AND year = $3`,
    [today, `${path}%`, year],
  );
  const lateMeasures = (
    await m.query(
      `SELECT measure_id, code, title, lead_unit_name, status, deadline::text AS due, ($1::date - deadline) AS days FROM cockpit_measure
        WHERE status <> 'DONE' AND deadline < $1 AND region_path LIKE $2 AND year = $3 ORDER BY deadline, code LIMIT 20`,
      [today, `${path}%`, year],
    )
  ).map((r: Record<string, string>) => ({
    measureId: r.measure_id,
    code: r.code,
    title: r.title,
    leadUnitName: r.lead_unit_name,
    status: r.status,
    deadline: r.due,
    daysLate: Number(r.days),
  }));
  return {
    year,
    quarter,
    scores,
    ranking,
    indicators: rows
      .filter((r) => r.quarter === quarter && r.key.startsWith('level1:'))
      .map((r) => ({
        code: r.key.slice(7),
        title: r.label ?? '',
        earned: Number(r.num),
        weight: Number(r.den),
        rate: ratio(Number(r.num), Number(r.den)),
      })),
    rates: rows
      .filter((r) => r.key.startsWith('rate:'))
      .map((r) => ({
        quarter: r.quarter,
        key: r.key.slice(5),
        numerator: Number(r.num),
        denominator: Number(r.den),
        rate: ratio(Number(r.num), Number(r.den)),
        departments: r.departments,
      })),
    measures: MEASURE_STATUSES.map((status) => ({
      key: status,
      count: Number(rows.find((r) => r.quarter === 0 && r.key === `measures:${status}`)?.num ?? 0),
    })),
    measuresLate: late.n,
    lateMeasures,
  };
}
