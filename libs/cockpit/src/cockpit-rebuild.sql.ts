/**
 * The read model recomputed set-wise from the relayed events: the latest fact per file, per
 * round and department, per department and year, and per task, then GROUP BY department and
 * period, then rolled up to every region level. Deliberately independent of the projector's
 * incremental arithmetic, so a test can hold the two against each other.
 */
const MONTH = (ts: string) => `to_char((${ts}) AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')`;
const RELAYED = 'FROM outbox_event WHERE seq IS NOT NULL';

export const REBUILD_FACTS = [
  `INSERT INTO cockpit_review_file (case_file_id, department_id, region_path, period, score, grade, passed)
   SELECT DISTINCT ON (payload->>'caseFileId') (payload->>'caseFileId')::uuid, (payload->>'departmentId')::uuid, region_path,
          ${MONTH(`(payload->>'scoredAt')::timestamptz`)}, (payload->>'score')::numeric, payload->>'grade', (payload->>'passed')::boolean
     ${RELAYED} AND type = 'review.file_scored' ORDER BY payload->>'caseFileId', seq DESC`,
  `INSERT INTO cockpit_compliance_score (round_id, department_id, region_path, period, score)
   SELECT DISTINCT ON (payload->>'roundId', payload->>'departmentId') (payload->>'roundId')::uuid, (payload->>'departmentId')::uuid, region_path,
          ${MONTH('created_at')}, (payload->>'score')::numeric
     ${RELAYED} AND type = 'compliance.checked' ORDER BY payload->>'roundId', payload->>'departmentId', seq DESC`,
  `INSERT INTO cockpit_rates (department_id, region_path, year, rates)
   SELECT DISTINCT ON (payload->>'departmentId', payload->>'year') (payload->>'departmentId')::uuid, region_path, (payload->>'year')::int,
          jsonb_build_object('disclosure_passed', (payload#>>'{disclosureOnTime,passed}')::int, 'disclosure_total', (payload#>>'{disclosureOnTime,total}')::int,
            'legal_review_passed', (payload#>>'{legalReviewCoverage,passed}')::int, 'legal_review_total', (payload#>>'{legalReviewCoverage,total}')::int,
            'av_passed', (payload#>>'{avFiled,passed}')::int, 'av_total', (payload#>>'{avFiled,total}')::int)
     ${RELAYED} AND type = 'compliance.rates_updated' ORDER BY payload->>'departmentId', payload->>'year', seq DESC`,
  `INSERT INTO cockpit_task (task_id, task_no, department_id, department_name, region_path, state, deadline, issued_period, is_open, closed_on_time)
   SELECT first.task_id, first.task_no, first.department_id, last.department_name, first.region_path, last.state, last.deadline, first.period,
          last.state NOT IN ('CLOSED', 'CANCELLED'), last.state = 'CLOSED' AND coalesce(closing.on_time, false)
     FROM (SELECT DISTINCT ON (payload->>'taskId') (payload->>'taskId')::uuid AS task_id, payload->>'taskNo' AS task_no,
                  (payload->>'departmentId')::uuid AS department_id, region_path, ${MONTH('created_at')} AS period
             ${RELAYED} AND type LIKE 'rectification.%' AND payload ? 'taskId' AND payload ? 'to' ORDER BY payload->>'taskId', seq) first
     JOIN (SELECT DISTINCT ON (payload->>'taskId') (payload->>'taskId')::uuid AS task_id, payload->>'to' AS state,
                  (payload->>'deadline')::date AS deadline, payload->>'departmentName' AS department_name
             ${RELAYED} AND type LIKE 'rectification.%' AND payload ? 'taskId' AND payload ? 'to' ORDER BY payload->>'taskId', seq DESC) last USING (task_id)
     LEFT JOIN (SELECT DISTINCT ON (payload->>'taskId') (payload->>'taskId')::uuid AS task_id, (payload->>'onTime')::boolean AS on_time
             ${RELAYED} AND type = 'rectification.closed' ORDER BY payload->>'taskId', seq DESC) closing USING (task_id)`,
];

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

const SUMS = `sum(files_reviewed)::int, sum(score_sum), sum(files_passed)::int, cockpit_jsonb_sum(grades), sum(checks)::int, sum(check_score_sum),
  sum(disclosure_passed)::int, sum(disclosure_total)::int, sum(legal_review_passed)::int, sum(legal_review_total)::int, sum(av_passed)::int, sum(av_total)::int,
  sum(tasks_issued)::int, sum(tasks_closed)::int, sum(tasks_closed_on_time)::int, sum(tasks_cancelled)::int, cockpit_jsonb_sum(task_states)`;
const COLUMNS = `files_reviewed, score_sum, files_passed, grades, checks, check_score_sum, disclosure_passed, disclosure_total, legal_review_passed,
  legal_review_total, av_passed, av_total, tasks_issued, tasks_closed, tasks_closed_on_time, tasks_cancelled, task_states`;

export const REBUILD_COUNTERS = [
  `INSERT INTO cockpit_department_period (department_id, region_path, period, ${COLUMNS})
   SELECT department_id, min(region_path), p.period, ${SUMS}
     FROM (${ATOMS}) a CROSS JOIN LATERAL (SELECT DISTINCT unnest(ARRAY[a.period, left(a.period, 4)]) AS period) p
    GROUP BY department_id, p.period`,
  `INSERT INTO cockpit_region_period (region_path, period, ${COLUMNS})
   SELECT anc.path, d.period, ${SUMS}
     FROM cockpit_department_period d
     CROSS JOIN LATERAL (SELECT left(d.region_path, i) AS path FROM generate_series(2, length(d.region_path)) i WHERE substr(d.region_path, i, 1) = '/') anc
    GROUP BY anc.path, d.period`,
  `INSERT INTO cockpit_region_deadline (region_path, deadline, open_tasks)
   SELECT anc.path, t.deadline, count(*)::int FROM cockpit_task t
     CROSS JOIN LATERAL (SELECT left(t.region_path, i) AS path FROM generate_series(2, length(t.region_path)) i WHERE substr(t.region_path, i, 1) = '/') anc
    WHERE t.is_open GROUP BY anc.path, t.deadline`,
  `UPDATE cockpit_state SET as_of_seq = (SELECT coalesce(max(seq), 0) FROM outbox_event) WHERE id = 1`,
];
