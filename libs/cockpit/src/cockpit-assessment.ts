import type { EntityManager } from 'typeorm';
import { ancestorPaths } from './cockpit-delta.js';

/**
 * The assessment figures per department, year and quarter (0 = the annual score), as key/value
 * rows: `score` (the department's total), `level1:<code>` (earned of the first-level indicator's
 * points), `rate:<KEY>` (the quarter's RATE statistics, numerator over denominator) and
 * `measures:<STATUS>` (the plan's measures the department leads, by status, in quarter 0).
 * Straight from the assessment tables; `$1`/`$2` narrow it to one department and year.
 */
const FACTS = `
  WITH results AS (
    SELECT DISTINCT ON (department_id, year, quarter) department_id, year, quarter, score, detail FROM assessment_result
     WHERE ($1::uuid IS NULL OR department_id = $1) AND ($2::int IS NULL OR year = $2)
     ORDER BY department_id, year, quarter, computed_at DESC),
  facts AS (
    SELECT department_id, year, quarter, 'score' AS key, NULL AS label, score AS num, 1 AS den FROM results
    UNION ALL
    SELECT department_id, year, quarter, 'level1:' || (l->>'code'), l->>'title', (l->>'earned')::numeric, (l->>'weight')::numeric
      FROM results CROSS JOIN LATERAL jsonb_array_elements(detail->'level1') l
    UNION ALL
    SELECT department_id, year, quarter, 'rate:' || key, NULL, sum(numerator), sum(denominator) FROM assessment_statistic
     WHERE current AND ($1::uuid IS NULL OR department_id = $1) AND ($2::int IS NULL OR year = $2)
     GROUP BY department_id, year, quarter, key
    UNION ALL
    SELECT ms.lead_unit_id, t.year, 0, 'measures:' || ms.status, NULL, count(*), 0
      FROM assessment_measure ms JOIN assessment_key_task t ON t.id = ms.key_task_id
     WHERE ($1::uuid IS NULL OR ms.lead_unit_id = $1) AND ($2::int IS NULL OR t.year = $2)
     GROUP BY ms.lead_unit_id, t.year, ms.status)
  INSERT INTO cockpit_assessment (department_id, region_path, year, quarter, key, label, num, den)
  SELECT f.department_id, r.path, f.year, f.quarter, f.key, f.label, f.num, f.den
    FROM facts f JOIN unit u ON u.id = f.department_id JOIN region r ON r.id = u.region_id`;

const MEASURES = `
  INSERT INTO cockpit_measure (measure_id, code, title, lead_unit_id, lead_unit_name, region_path, year, deadline, status)
  SELECT ms.id, t.code || '-' || ms.code, ms.title, ms.lead_unit_id, u.name, r.path, t.year, ms.deadline, ms.status
    FROM assessment_measure ms JOIN assessment_key_task t ON t.id = ms.key_task_id JOIN unit u ON u.id = ms.lead_unit_id JOIN region r ON r.id = u.region_id
   WHERE $1::uuid IS NULL OR ms.id = $1`;

/** The rebuild's part: every department's facts, their sums per region level, every measure. */
export const REBUILD_ASSESSMENT: [string, unknown[]][] = [
  [FACTS, [null, null]],
  [
    `INSERT INTO cockpit_region_assessment (region_path, year, quarter, key, label, num, den, departments)
     SELECT anc.path, a.year, a.quarter, a.key, max(a.label), sum(a.num), sum(a.den), count(*)::int
       FROM cockpit_assessment a
       CROSS JOIN LATERAL (SELECT left(a.region_path, i) AS path FROM generate_series(2, length(a.region_path)) i WHERE substr(a.region_path, i, 1) = '/') anc
      GROUP BY anc.path, a.year, a.quarter, a.key`,
    [],
  ],
  [MEASURES, [null]],
];

/** TypeORM answers a data-changing statement with RETURNING as [rows, count] (an INSERT as rows). */
function returned<T>(result: T[] | [T[], number]): T[] {
  return result.length === 2 && Array.isArray(result[0]) ? (result[0] as T[]) : (result as T[]);
}

interface Fact {
  region_path: string;
  year: number;
  quarter: number;
  key: string;
  label: string | null;
  num: string;
  den: string;
}

/**
 * Re-reads one department's figures of one year from the assessment tables and moves every region
 * level above it by the difference, in the relay's transaction.
 */
export async function refreshDepartmentAssessment(m: EntityManager, departmentId: string, year: number): Promise<void> {
  const old = returned<Fact>(
    await m.query(`DELETE FROM cockpit_assessment WHERE department_id = $1 AND year = $2 RETURNING *`, [departmentId, year]),
  );
  const now = returned<Fact>(await m.query(`${FACTS} RETURNING *`, [departmentId, year]));
  const change = new Map<
    string,
    { region_path: string; year: number; quarter: number; key: string; label: string | null; num: number; den: number; departments: number }
  >();
  for (const [rows, sign] of [
    [old, -1],
    [now, 1],
  ] as const) {
    for (const f of rows) {
      for (const path of ancestorPaths(f.region_path)) {
        const k = `${path}|${f.quarter}|${f.key}`;
        const c = change.get(k) ?? {
          region_path: path,
          year: f.year,
          quarter: f.quarter,
          key: f.key,
          label: f.label,
          num: 0,
          den: 0,
          departments: 0,
        };
        c.num += sign * Number(f.num);
        c.den += sign * Number(f.den);
        c.departments += sign;
        if (f.label) c.label = f.label;
        change.set(k, c);
      }
    }
  }
  const rows = [...change.values()].filter((c) => c.num !== 0 || c.den !== 0 || c.departments !== 0);
  if (rows.length === 0) return;
  await m.query(
    `INSERT INTO cockpit_region_assessment AS t (region_path, year, quarter, key, label, num, den, departments)
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(region_path text, year int, quarter int, key text, label text, num numeric, den numeric, departments int)
     ON CONFLICT (region_path, year, quarter, key) DO UPDATE SET label = coalesce(excluded.label, t.label),
       num = t.num + excluded.num, den = t.den + excluded.den, departments = t.departments + excluded.departments`,
    [JSON.stringify(rows)],
  );
  await m.query(
    `DELETE FROM cockpit_region_assessment WHERE departments = 0
       AND (region_path, year, quarter, key) IN (SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(region_path text, year int, quarter int, key text))`,
    [JSON.stringify(rows.map(({ region_path, year: y, quarter, key }) => ({ region_path, year: y, quarter, key })))],
  );
}

/** Re-reads one measure; returns its lead unit and year (whose status counts it moves), or null if it is gone. */
export async function refreshMeasure(m: EntityManager, measureId: string): Promise<{ leadUnitId: string; year: number } | null> {
  await m.query(`DELETE FROM cockpit_measure WHERE measure_id = $1`, [measureId]);
  const [row] = returned<{ lead_unit_id: string; year: number }>(await m.query(`${MEASURES} RETURNING lead_unit_id, year`, [measureId]));
  return row ? { leadUnitId: row.lead_unit_id, year: row.year } : null;
}
