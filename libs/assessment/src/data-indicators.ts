import type { EntityManager } from 'typeorm';
import type { DataKey } from './framework.js';

/** A computed rate per DATA key, or null when the department has no data for it yet in the period. */
export type DataRates = Record<DataKey, number | null>;

/**
 * Every DATA:<KEY> for a set of departments over [from, to], one set-based query over the owning
 * libs' tables (reviews, three-systems checks, the officer registry, rectification).
 * - REVIEW_PASS_RATE: final review files finalised in the period graded other than FAIL ÷ final files.
 * - COMPLIANCE_SCORE: the latest submitted three-systems check (finalised or published round) by `to`, ÷ 100.
 * - CERTIFIED_OFFICER_RATE: officers whose certificate is valid on `to` ÷ officers on the registry.
 * - REVIEWER_RATIO: valid legal reviewers ÷ valid officers against the 5 % line, capped at 1.
 * - RECTIFICATION_ONTIME_RATE: tasks closed in the period on time ÷ tasks closed in the period.
 * - RECTIFICATION_CLEARDOWN: 1 when no open task is past its deadline on `asOf`, else 0.
 */
export async function computeDataRates(
  m: EntityManager,
  departmentIds: readonly string[],
  from: string,
  to: string,
  asOf: string,
): Promise<Map<string, DataRates>> {
  if (!departmentIds.length) return new Map();
  const rows = await m.query(
    `WITH d AS (SELECT unnest($1::uuid[]) AS id),
     rv AS (SELECT department_id, count(*) FILTER (WHERE final_grade <> 'FAIL')::float / count(*) AS rate FROM review_file
            WHERE department_id = ANY ($1) AND finalized_at IS NOT NULL AND final_grade IS NOT NULL AND finalized_at::date BETWEEN $2 AND $3 GROUP BY 1),
     cp AS (SELECT DISTINCT ON (c.department_id) c.department_id, c.score::float / 100 AS rate FROM compliance_check c JOIN compliance_round r ON r.id = c.round_id
            WHERE c.department_id = ANY ($1) AND c.status = 'SUBMITTED' AND c.score IS NOT NULL AND r.stage IN ('FINALIZED','PUBLISHED') AND c.submitted_at::date <= $3
            ORDER BY c.department_id, c.submitted_at DESC),
     of AS (SELECT unit_id, count(*) AS total,
                   count(*) FILTER (WHERE valid_from <= $3 AND valid_to >= $3) AS valid,
                   count(*) FILTER (WHERE legal_reviewer AND valid_from <= $3 AND valid_to >= $3) AS reviewers
            FROM officer WHERE unit_id = ANY ($1) GROUP BY 1),
     rt AS (SELECT department_id, count(*) FILTER (WHERE closed_on_time)::float / count(*) AS rate FROM rectification_task
            WHERE department_id = ANY ($1) AND state = 'CLOSED' AND closed_on BETWEEN $2 AND $3 GROUP BY 1),
     late AS (SELECT DISTINCT department_id FROM rectification_task
            WHERE department_id = ANY ($1) AND state NOT IN ('CLOSED','CANCELLED') AND deadline < $4)
     SELECT d.id, rv.rate AS review, cp.rate AS compliance,
            CASE WHEN of.total > 0 THEN of.valid::float / of.total END AS certified,
            CASE WHEN of.valid > 0 THEN least(1, of.reviewers::float / of.valid / 0.05) END AS reviewers,
            rt.rate AS ontime, CASE WHEN late.department_id IS NULL THEN 1 ELSE 0 END AS cleardown
     FROM d LEFT JOIN rv ON rv.department_id = d.id LEFT JOIN cp ON cp.department_id = d.id LEFT JOIN of ON of.unit_id = d.id
            LEFT JOIN rt ON rt.department_id = d.id LEFT JOIN late ON late.department_id = d.id`,
    [departmentIds, from, to, asOf],
  );
  const num = (v: unknown) => (v === null || v === undefined ? null : Math.min(1, Math.max(0, Number(v))));
  return new Map(
    rows.map((r: Record<string, unknown>) => [
      r.id as string,
      {
        REVIEW_PASS_RATE: num(r.review),
        COMPLIANCE_SCORE: num(r.compliance),
        CERTIFIED_OFFICER_RATE: num(r.certified),
        REVIEWER_RATIO: num(r.reviewers),
        RECTIFICATION_ONTIME_RATE: num(r.ontime),
        RECTIFICATION_CLEARDOWN: num(r.cleardown),
      },
    ]),
  );
}

/** Σ numerators ÷ Σ denominators of the current figures for quarters up to `quarter` (0: the whole year). */
export async function computeReportedRates(
  m: EntityManager,
  frameworkId: string,
  departmentIds: readonly string[],
  year: number,
  quarter: number,
): Promise<Map<string, Map<string, { numerator: number; denominator: number }>>> {
  const rows = await m.query(
    `SELECT department_id, key, sum(numerator)::int AS n, sum(denominator)::int AS d FROM assessment_statistic
     WHERE framework_id = $1 AND department_id = ANY ($2) AND year = $3 AND quarter <= $4 AND current GROUP BY 1, 2`,
    [frameworkId, departmentIds, year, quarter === 0 ? 4 : quarter],
  );
  const out = new Map<string, Map<string, { numerator: number; denominator: number }>>();
  for (const r of rows) {
    if (!out.has(r.department_id)) out.set(r.department_id, new Map());
    out.get(r.department_id)!.set(r.key, { numerator: r.n, denominator: r.d });
  }
  return out;
}
