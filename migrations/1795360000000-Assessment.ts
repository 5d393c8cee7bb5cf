import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Target management and assessment: frameworks, the annual plan, progress, statistics, scores. */
export class Assessment1795360000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE assessment_framework (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL,
        version text NOT NULL,
        name text NOT NULL,
        template jsonb NOT NULL,
        region_path text NOT NULL,
        imported_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT assessment_framework_code_version UNIQUE (code, version)
      )`);
    await q.query(`
      CREATE TABLE assessment_not_applicable (
        framework_id uuid NOT NULL REFERENCES assessment_framework(id) ON DELETE CASCADE,
        department_id uuid NOT NULL REFERENCES unit(id),
        indicator_code text NOT NULL,
        reason text NOT NULL,
        PRIMARY KEY (framework_id, department_id, indicator_code)
      )`);
    await q.query(`
      CREATE TABLE assessment_key_task (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        framework_id uuid NOT NULL REFERENCES assessment_framework(id),
        region_path text NOT NULL,
        year int NOT NULL,
        code text NOT NULL,
        title text NOT NULL,
        CONSTRAINT assessment_key_task_code UNIQUE (region_path, year, code)
      )`);
    await q.query(`
      CREATE TABLE assessment_measure (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        key_task_id uuid NOT NULL REFERENCES assessment_key_task(id) ON DELETE CASCADE,
        code text NOT NULL,
        title text NOT NULL,
        lead_unit_id uuid NOT NULL REFERENCES unit(id),
        department_ids uuid[] NOT NULL,
        deadline date NOT NULL,
        indicator_code text NOT NULL,
        status text NOT NULL DEFAULT 'NOT_STARTED' CHECK (status IN ('NOT_STARTED','IN_PROGRESS','DONE')),
        done_on date,
        overdue_at timestamptz,
        version int NOT NULL DEFAULT 1,
        CONSTRAINT assessment_measure_code UNIQUE (key_task_id, code)
      )`);
    await q.query(`CREATE INDEX assessment_measure_due ON assessment_measure (deadline) WHERE status <> 'DONE' AND overdue_at IS NULL`);
    await q.query(`CREATE INDEX assessment_measure_departments ON assessment_measure USING gin (department_ids)`);
    await q.query(`
      CREATE TABLE assessment_measure_progress (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        measure_id uuid NOT NULL REFERENCES assessment_measure(id) ON DELETE CASCADE,
        department_id uuid NOT NULL REFERENCES unit(id),
        year int NOT NULL,
        quarter int NOT NULL CHECK (quarter BETWEEN 1 AND 4),
        status text NOT NULL CHECK (status IN ('NOT_STARTED','IN_PROGRESS','DONE')),
        text text NOT NULL,
        reported_by uuid NOT NULL,
        reported_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT assessment_progress_once UNIQUE (measure_id, department_id, year, quarter)
      )`);
    await q.query(`
      CREATE TABLE assessment_statistic (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        framework_id uuid NOT NULL REFERENCES assessment_framework(id),
        department_id uuid NOT NULL REFERENCES unit(id),
        year int NOT NULL,
        quarter int NOT NULL CHECK (quarter BETWEEN 1 AND 4),
        key text NOT NULL,
        numerator int NOT NULL CHECK (numerator >= 0),
        denominator int NOT NULL CHECK (denominator >= numerator),
        revision int NOT NULL,
        current boolean NOT NULL DEFAULT true,
        reason text,
        submitted_by uuid NOT NULL,
        submitted_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE UNIQUE INDEX assessment_statistic_current ON assessment_statistic (framework_id, department_id, year, quarter, key) WHERE current`,
    );
    await q.query(`
      CREATE TABLE assessment_self_score (
        framework_id uuid NOT NULL REFERENCES assessment_framework(id),
        department_id uuid NOT NULL REFERENCES unit(id),
        year int NOT NULL,
        quarter int NOT NULL CHECK (quarter BETWEEN 0 AND 4),
        indicator_code text NOT NULL,
        score numeric(6,2) NOT NULL,
        note text,
        scored_by uuid NOT NULL,
        scored_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (framework_id, department_id, year, quarter, indicator_code)
      )`);
    await q.query(`
      CREATE TABLE assessment_result (
        framework_id uuid NOT NULL REFERENCES assessment_framework(id),
        department_id uuid NOT NULL REFERENCES unit(id),
        region_path text NOT NULL,
        year int NOT NULL,
        quarter int NOT NULL CHECK (quarter BETWEEN 0 AND 4),
        score numeric(6,2) NOT NULL,
        grade text NOT NULL,
        rank int NOT NULL,
        detail jsonb NOT NULL,
        computed_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        PRIMARY KEY (framework_id, department_id, year, quarter)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'assessment_result',
      'assessment_self_score',
      'assessment_statistic',
      'assessment_measure_progress',
      'assessment_measure',
      'assessment_key_task',
      'assessment_not_applicable',
      'assessment_framework',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
  }
}
