import type { MigrationInterface, QueryRunner } from 'typeorm';

const COUNTERS = `
  files_reviewed integer NOT NULL DEFAULT 0,
  score_sum numeric(16,2) NOT NULL DEFAULT 0,
  files_passed integer NOT NULL DEFAULT 0,
  grades jsonb NOT NULL DEFAULT '{}',
  checks integer NOT NULL DEFAULT 0,
  check_score_sum numeric(16,2) NOT NULL DEFAULT 0,
  disclosure_passed integer NOT NULL DEFAULT 0,
  disclosure_total integer NOT NULL DEFAULT 0,
  legal_review_passed integer NOT NULL DEFAULT 0,
  legal_review_total integer NOT NULL DEFAULT 0,
  av_passed integer NOT NULL DEFAULT 0,
  av_total integer NOT NULL DEFAULT 0,
  tasks_issued integer NOT NULL DEFAULT 0,
  tasks_closed integer NOT NULL DEFAULT 0,
  tasks_closed_on_time integer NOT NULL DEFAULT 0,
  tasks_cancelled integer NOT NULL DEFAULT 0,
  task_states jsonb NOT NULL DEFAULT '{}'`;

/** The cockpit's read model: counters per department and per region (every level) and period, kept by the relay. */
export class Cockpit1795350000000 implements MigrationInterface {
  name = 'Cockpit1795350000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION cockpit_jsonb_add(a jsonb, b jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
        SELECT coalesce(jsonb_object_agg(k, v) FILTER (WHERE v <> 0), '{}'::jsonb) FROM (
          SELECT k, sum(v::numeric)::bigint AS v FROM (
            SELECT key AS k, value AS v FROM jsonb_each_text(coalesce(a, '{}'))
            UNION ALL SELECT key, value FROM jsonb_each_text(coalesce(b, '{}'))) x GROUP BY k) y
      $$`);
    await q.query(`CREATE AGGREGATE cockpit_jsonb_sum(jsonb) (SFUNC = cockpit_jsonb_add, STYPE = jsonb, INITCOND = '{}')`);
    await q.query(`CREATE TABLE cockpit_department_period (
      department_id uuid NOT NULL, period text NOT NULL, region_path text NOT NULL, ${COUNTERS},
      PRIMARY KEY (department_id, period))`);
    await q.query(`CREATE INDEX cockpit_department_period_region ON cockpit_department_period (period, region_path text_pattern_ops)`);
    await q.query(`CREATE TABLE cockpit_region_period (
      region_path text NOT NULL, period text NOT NULL, ${COUNTERS},
      PRIMARY KEY (region_path, period))`);
    await q.query(`CREATE TABLE cockpit_task (
      task_id uuid PRIMARY KEY, task_no text NOT NULL, department_id uuid NOT NULL, department_name text NOT NULL,
      region_path text NOT NULL, state text NOT NULL, deadline date NOT NULL, issued_period text NOT NULL,
      is_open boolean NOT NULL, closed_on_time boolean NOT NULL DEFAULT false)`);
    await q.query(`CREATE INDEX cockpit_task_open ON cockpit_task (region_path text_pattern_ops, deadline) WHERE is_open`);
    await q.query(`CREATE INDEX cockpit_task_overdue ON cockpit_task (deadline, task_no) WHERE is_open`);
    await q.query(`CREATE INDEX cockpit_department_period_rank ON cockpit_department_period
      (period, (CASE WHEN files_reviewed > 0 THEN score_sum / files_reviewed END) DESC NULLS LAST, department_id)`);
    await q.query(`CREATE TABLE cockpit_region_deadline (
      region_path text NOT NULL, deadline date NOT NULL, open_tasks integer NOT NULL, PRIMARY KEY (region_path, deadline))`);
    await q.query(`CREATE TABLE cockpit_compliance_score (
      round_id uuid NOT NULL, department_id uuid NOT NULL, region_path text NOT NULL, period text NOT NULL, score numeric(8,2) NOT NULL,
      PRIMARY KEY (round_id, department_id))`);
    await q.query(`CREATE TABLE cockpit_rates (
      department_id uuid NOT NULL, region_path text NOT NULL, year integer NOT NULL, rates jsonb NOT NULL, PRIMARY KEY (department_id, year))`);
    await q.query(`CREATE TABLE cockpit_review_file (
      case_file_id uuid PRIMARY KEY, department_id uuid NOT NULL, region_path text NOT NULL, period text NOT NULL,
      score numeric(8,2) NOT NULL, grade text NOT NULL, passed boolean NOT NULL)`);
    await q.query(`CREATE TABLE cockpit_state (id integer PRIMARY KEY CHECK (id = 1), as_of_seq bigint NOT NULL)`);
    await q.query(`INSERT INTO cockpit_state (id, as_of_seq) VALUES (1, 0)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'cockpit_state',
      'cockpit_review_file',
      'cockpit_rates',
      'cockpit_compliance_score',
      'cockpit_task',
      'cockpit_region_period',
      'cockpit_department_period',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await q.query(`DROP AGGREGATE IF EXISTS cockpit_jsonb_sum(jsonb)`);
    await q.query(`DROP FUNCTION IF EXISTS cockpit_jsonb_add(jsonb, jsonb)`);
  }
}
