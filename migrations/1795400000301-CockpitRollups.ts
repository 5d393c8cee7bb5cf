import type { MigrationInterface, QueryRunner } from 'typeorm';

const ANCESTORS = (path: string) =>
  `CROSS JOIN LATERAL (SELECT left(${path}, i) AS path FROM generate_series(2, length(${path})) i WHERE substr(${path}, i, 1) = '/') anc`;
const ACTIVE = `(files_reviewed <> 0 OR checks <> 0 OR tasks_issued <> 0 OR disclosure_total <> 0 OR legal_review_total <> 0 OR av_total <> 0)`;

/**
 * The cockpit's region rows also count their departments (with tasks, cleared), so a region's
 * clear-down reads one row; and the assessment figures (scores, indicators, RATE statistics,
 * measures) per department and per region level.
 */
export class CockpitRollups1795400000301 implements MigrationInterface {
  name = 'CockpitRollups1795400000301';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cockpit_region_period
      ADD COLUMN departments integer NOT NULL DEFAULT 0,
      ADD COLUMN departments_with_tasks integer NOT NULL DEFAULT 0,
      ADD COLUMN departments_cleared integer NOT NULL DEFAULT 0`);
    await q.query(`DELETE FROM cockpit_department_period WHERE NOT ${ACTIVE}`);
    await q.query(`DELETE FROM cockpit_region_period r WHERE NOT EXISTS (
      SELECT 1 FROM cockpit_department_period d WHERE d.period = r.period AND d.region_path LIKE r.region_path || '%')`);
    await q.query(`UPDATE cockpit_region_period r SET departments = x.n, departments_with_tasks = x.with_tasks, departments_cleared = x.cleared
      FROM (SELECT anc.path, d.period, count(*)::int AS n, count(*) FILTER (WHERE tasks_issued > 0)::int AS with_tasks,
                   count(*) FILTER (WHERE tasks_issued > 0 AND tasks_issued = tasks_closed + tasks_cancelled)::int AS cleared
              FROM cockpit_department_period d ${ANCESTORS('d.region_path')} GROUP BY anc.path, d.period) x
      WHERE r.region_path = x.path AND r.period = x.period`);
    await q.query(`CREATE TABLE cockpit_assessment (
      department_id uuid NOT NULL, region_path text NOT NULL, year integer NOT NULL, quarter integer NOT NULL, key text NOT NULL,
      label text, num numeric(16,2) NOT NULL, den numeric(16,2) NOT NULL,
      PRIMARY KEY (department_id, year, quarter, key))`);
    await q.query(
      `CREATE INDEX cockpit_assessment_rank ON cockpit_assessment (year, quarter, num DESC, department_id) WHERE key = 'score'`,
    );
    await q.query(`CREATE TABLE cockpit_region_assessment (
      region_path text NOT NULL, year integer NOT NULL, quarter integer NOT NULL, key text NOT NULL,
      label text, num numeric(16,2) NOT NULL, den numeric(16,2) NOT NULL, departments integer NOT NULL,
      PRIMARY KEY (region_path, year, quarter, key))`);
    await q.query(`CREATE TABLE cockpit_measure (
      measure_id uuid PRIMARY KEY, code text NOT NULL, title text NOT NULL, lead_unit_id uuid NOT NULL, lead_unit_name text NOT NULL,
      region_path text NOT NULL, year integer NOT NULL, deadline date NOT NULL, status text NOT NULL)`);
    await q.query(`CREATE INDEX cockpit_measure_late ON cockpit_measure (deadline, code) WHERE status <> 'DONE'`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['cockpit_measure', 'cockpit_region_assessment', 'cockpit_assessment'])
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    await q.query(
      `ALTER TABLE cockpit_region_period DROP COLUMN departments, DROP COLUMN departments_with_tasks, DROP COLUMN departments_cleared`,
    );
  }
}
