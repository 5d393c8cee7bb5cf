import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Findings: the problems reviews, checks and inspections hand to rectification. */
export class Findings1795316000000 implements MigrationInterface {
  name = 'Findings1795316000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE finding (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        source text NOT NULL,
        department_id uuid NOT NULL REFERENCES unit(id),
        origin_type text NOT NULL,
        origin_id text NOT NULL,
        batch_id text,
        category text NOT NULL,
        severity text NOT NULL CHECK (severity IN ('MAJOR','GENERAL')),
        description text NOT NULL,
        legal_basis text,
        evidence jsonb,
        root_cause text,
        dedup_key text NOT NULL UNIQUE,
        task_id uuid,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX finding_department ON finding (department_id, created_at)`);
    await q.query(`CREATE INDEX finding_batch ON finding (batch_id) WHERE batch_id IS NOT NULL`);
    await q.query(`CREATE INDEX finding_open ON finding (department_id) WHERE task_id IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS finding`);
  }
}
