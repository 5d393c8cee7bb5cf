import { ACTIVE_SQL, MAP_COUNTERS, NUMERIC_COUNTERS } from './cockpit-delta.js';

/**
 * The read model recomputed set-wise from the source tables (review files, compliance checks and
 * rates, rectification tasks): the facts per file, per round and department, per department and
 * year, and per task, then GROUP BY department and period, then rolled up to every region level
 * above the department's own unit.
 * Deliberately independent of the projector's incremental arithmetic over the events, so a test
 * can hold the two against each other.
 */
const MONTH = (ts: string) => `to_char((${ts}) AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')`;
const ANCESTORS = (path: string) =>
  `CROSS JOIN LATERAL (SELECT left(${path}, i) AS path FROM generate_series(2, length(${path})) i WHERE substr(${path}, i, 1) = '/') anc`;

export const REBUILD_FACTS = [
  // A file reviewed in several campaigns counts once, with its latest final result.
  `INSERT INTO cockpit_review_file (case_file_id, department_id, region_path, period, score, grade, passed)
   SELECT DISTINCT ON (f.case_file_id) f.case_file_id, f.department_id, c.region_path, ${MONTH('f.finalized_at')}, f.final_score, f.final_grade, f.final_grade <> 'FAIL'
     FROM review_file f JOIN review_campaign c ON c.id = f.campaign_id
    WHERE f.final_score IS NOT NULL AND f.finalized_at IS NOT NULL
    ORDER BY f.case_file_id, f.finalized_at DESC`,
  `INSERT INTO cockpit_compliance_score (round_id, department_id, region_path, period, score)
   SELECT k.round_id, k.department_id, r.region_path, ${MONTH('k.submitted_at')}, k.score
     FROM compliance_check k JOIN compliance_round r ON r.id = k.round_id
    WHERE k.status = 'SUBMITTED' AND k.score IS NOT NULL AND k.submitted_at IS NOT NULL`,
  `INSERT INTO cockpit_task (task_id, task_no, department_id, department_name, region_path, state, deadline, issued_period, is_open, closed_on_time)
   SELECT t.id, t.task_no, t.department_id, u.name, t.region_path, t.state, t.deadline, to_char(t.issued_on, 'YYYY-MM'),
          t.state NOT IN ('CLOSED', 'CANCELLED'), t.state = 'CLOSED' AND coalesce(t.closed_on_time, false)
     FROM rectification_task t JOIN unit u ON u.id = t.department_id`,
];

/** The compliance rates with their departments' region paths (the mapping to rates is the compliance lib's). */
export const RATE_SOURCES = `SELECT cr.department_id, r.path AS region_path, cr.year, cr.screens
  FROM compliance_rate cr JOIN unit u ON u.id = cr.department_id JOIN region r ON r.id = u.region_id`;
export const INSERT_RATES = `INSERT INTO cockpit_rates (department_id, region_path, year, rates)
  SELECT department_id, region_path, year, rates FROM jsonb_to_recordset($1::jsonb) AS x(department_id uuid, region_path text, year int, rates jsonb)`;

const ATOMS = `
  SELECT department_id, region_path, period, count(*)::int AS files_reviewed, sum(score) AS score_sum, count(*) FILTER (WHERE passed)::int AS files_passed,
         jsonb_build_object(grade, count(*)) AS grades, 0 AS checks, 0 AS check_score_sum, 0 AS disclosure_passed, 0 AS disclosure_total,
         0 AS legal_review_passed, 0 AS legal_review_total, 0 AS av_passed, 0 AS av_total,
         0 AS tasks_issued, 0 AS tasks_closed, 0 AS tasks_closed_on_time, 0 AS tasks_cancelled, '{}'::jsonb AS task_states
    FROM cockpit_review_file GROUP BY department_id, region_path, period, grade
  UNION ALL
  SELECT department_id, region_path, period, 0, 0, 0, '{}', count(*)::int, sum(score), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, '{}'
    FROM cockpit_compliance_score GROUP BY department_id, region_path, period
  UNION ALL
  SELECT department_id, region_path, year::text, 0, 0, 0, '{}', 0, 0, (rates->>'disclosure_passed')::int, (rates->>'disclosure_total')::int,
         (rates->>'legal_review_passed')::int, (rates->>'legal_review_total')::int, (rates->>'av_passed')::int, (rates->>'av_total')::int, 0, 0, 0, 0, '{}'
    FROM cockpit_rates
  UNION ALL
  SELECT department_id, region_path, issued_period, 0, 0, 0, '{}', 0, 0, 0, 0, 0, 0, 0, 0,
         count(*)::int, count(*) FILTER (WHERE state = 'CLOSED')::int, count(*) FILTER (WHERE closed_on_time)::int,
         count(*) FILTER (WHERE state = 'CANCELLED')::int, jsonb_build_object(state, count(*))
    FROM cockpit_task GROUP BY department_id, region_path, issued_period, state`;

const SUM_OF = (c: string) =>
  c === 'grades' || c === 'task_states' ? `cockpit_jsonb_sum(${c}) AS ${c}` : `sum(${c})${c.endsWith('_sum') ? '' : '::int'} AS ${c}`;
const COLUMN_LIST = [...NUMERIC_COUNTERS, ...MAP_COUNTERS];
const SUMS = COLUMN_LIST.map(SUM_OF).join(', ');
const COLUMNS = COLUMN_LIST.join(', ');

export const REBUILD_COUNTERS = [
  `INSERT INTO cockpit_department_period (department_id, region_path, period, ${COLUMNS})
   SELECT * FROM (
     SELECT a.department_id, rg.path AS region_path, p.period, ${SUMS}
       FROM (${ATOMS}) a CROSS JOIN LATERAL (SELECT DISTINCT unnest(ARRAY[a.period, left(a.period, 4)]) AS period) p
       JOIN unit u ON u.id = a.department_id JOIN region rg ON rg.id = u.region_id
      GROUP BY a.department_id, rg.path, p.period) d
    WHERE ${ACTIVE_SQL}`,
  `INSERT INTO cockpit_region_period (region_path, period, ${COLUMNS}, departments, departments_with_tasks, departments_cleared)
   SELECT anc.path, d.period, ${SUMS}, count(*)::int, count(*) FILTER (WHERE tasks_issued > 0)::int,
          count(*) FILTER (WHERE tasks_issued > 0 AND tasks_issued = tasks_closed + tasks_cancelled)::int
     FROM cockpit_department_period d ${ANCESTORS('d.region_path')}
    GROUP BY anc.path, d.period`,
  `INSERT INTO cockpit_region_deadline (region_path, deadline, open_tasks)
   SELECT anc.path, t.deadline, count(*)::int FROM cockpit_task t ${ANCESTORS('t.region_path')}
    WHERE t.is_open GROUP BY anc.path, t.deadline`,
];
