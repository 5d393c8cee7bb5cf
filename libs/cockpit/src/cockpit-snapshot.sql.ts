/**
 * The whole cockpit of one region and period in ONE statement: a statement reads one snapshot, so
 * every figure is as of the same `as_of_seq` without a transaction, and the request pays one round
 * trip instead of fifteen (the read model is a handful of indexed rows; at province scale the
 * round trips, not the reads, were most of the time). Each part is a scalar subquery returning
 * JSON (json, not jsonb: nothing is queried inside it, and json is only text to build), shaped into the GraphQL model by `cockpit.service.ts`.
 *
 * Parameters: $1 region path, $2 period (YYYY or YYYY-MM), $3 ranking offset, $4 ranking limit,
 * $5 today, $6 last day of the yellow band, $7 the period's year, $8 the last quarter the period
 * reaches (4 for a year), $9 the region's LIKE prefix pattern (a bound constant, so the
 * text_pattern_ops indexes apply), $10 and $11 the trend's months (the year's, up to the period).
 */
export const COCKPIT_SNAPSHOT_SQL = `
WITH cutoff AS (
  -- The 20th most overdue deadline, from the per-deadline counts: the task scan below then reads
  -- only the (deadline, task_no) index up to it, whatever the region's size.
  SELECT max(deadline) AS deadline FROM (
    SELECT deadline, sum(open_tasks) OVER (ORDER BY deadline) - open_tasks AS before
      FROM cockpit_region_deadline WHERE region_path = $1 AND deadline < $5::date) d
   WHERE before < 20),
assessed AS (
  -- The quarter the assessment figures show: the annual score for a year once it exists, else the
  -- latest scored quarter the period reaches.
  SELECT CASE WHEN length($2) = 4 AND bool_or(quarter = 0) THEN 0
              ELSE max(quarter) FILTER (WHERE quarter > 0 AND quarter <= $8) END AS quarter
    FROM cockpit_region_assessment WHERE region_path = $1 AND year = $7 AND key = 'score')
SELECT
  (SELECT as_of_seq FROM cockpit_state WHERE id = 1) AS as_of_seq,
  (SELECT to_json(r) FROM cockpit_region_period r WHERE region_path = $1 AND period = $2) AS region,
  -- (The unit names by primary key, one page of them: a join would hash the whole unit table.)
  (SELECT coalesce(json_agg(d ORDER BY d.rank_score DESC NULLS LAST, d.department_id), '[]')
     FROM (SELECT p.*, CASE WHEN files_reviewed > 0 THEN score_sum / files_reviewed END AS rank_score,
                  (SELECT name FROM unit WHERE id = p.department_id) AS department_name
             FROM cockpit_department_period p WHERE period = $2 AND region_path LIKE $9
            ORDER BY CASE WHEN files_reviewed > 0 THEN score_sum / files_reviewed END DESC NULLS LAST, department_id
           OFFSET $3 LIMIT $4) d) AS departments,
  -- Warning levels on the official calendar: red past the deadline, yellow up to three working days left.
  (SELECT json_build_object(
            'red', coalesce(sum(open_tasks) FILTER (WHERE deadline < $5::date), 0),
            'yellow', coalesce(sum(open_tasks) FILTER (WHERE deadline >= $5::date AND deadline <= $6::date), 0),
            'green', coalesce(sum(open_tasks) FILTER (WHERE deadline > $6::date), 0))
     FROM cockpit_region_deadline WHERE region_path = $1) AS warnings,
  -- (The deadline's text is named "due": named "deadline", ORDER BY would sort the text and could
  -- not use the index.)
  (SELECT coalesce(json_agg(json_build_object('task_id', task_id, 'task_no', task_no, 'department_id', department_id,
            'department_name', department_name, 'state', state, 'due', deadline::text, 'days', $5::date - deadline)
            ORDER BY deadline, task_no), '[]')
     FROM (SELECT * FROM cockpit_task
            WHERE is_open AND deadline <= (SELECT deadline FROM cutoff) AND region_path LIKE $9
            ORDER BY deadline, task_no LIMIT 20) t) AS overdue,
  (SELECT coalesce(json_agg(to_json(p) ORDER BY period), '[]') FROM cockpit_region_period p
    WHERE region_path = $1 AND period LIKE $10 AND period <= $11) AS trend,
  (SELECT quarter FROM assessed) AS assessment_quarter,
  (SELECT coalesce(json_agg(to_json(a) ORDER BY quarter, key), '[]')
     FROM (SELECT quarter, key, label, num, den, departments FROM cockpit_region_assessment WHERE region_path = $1 AND year = $7) a) AS assessment_rows,
  (SELECT coalesce(json_agg(json_build_object('department_id', a.department_id,
            'department_name', (SELECT name FROM unit WHERE id = a.department_id), 'num', a.num) ORDER BY a.num DESC, a.department_id), '[]')
     FROM (SELECT department_id, num FROM cockpit_assessment
            WHERE key = 'score' AND year = $7 AND quarter = (SELECT quarter FROM assessed) AND region_path LIKE $9
            ORDER BY num DESC, department_id LIMIT 10) a) AS assessment_ranking,
  (SELECT count(*) FROM cockpit_measure
    WHERE status <> 'DONE' AND deadline < $5::date AND region_path LIKE $9 AND year = $7) AS measures_late,
  (SELECT coalesce(json_agg(json_build_object('measure_id', measure_id, 'code', code, 'title', title, 'lead_unit_name', lead_unit_name,
            'status', status, 'due', deadline::text, 'days', $5::date - deadline) ORDER BY deadline, code), '[]')
     FROM (SELECT * FROM cockpit_measure
            WHERE status <> 'DONE' AND deadline < $5::date AND region_path LIKE $9 AND year = $7
            ORDER BY deadline, code LIMIT 20) l) AS late_measures
`;
