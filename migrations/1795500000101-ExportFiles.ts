import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Exports run as jobs: a request is a row here, the job records its progress and then the built
 * file itself, which its requester downloads from `/exports/files/:id`. Rows are kept a day.
 */
export class ExportFiles1795500000101 implements MigrationInterface {
  name = 'ExportFiles1795500000101';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE export_file (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        requested_by uuid NOT NULL REFERENCES app_user(id),
        kind text NOT NULL,
        params jsonb NOT NULL,
        status text NOT NULL DEFAULT 'QUEUED' CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
        done integer NOT NULL DEFAULT 0,
        total integer NOT NULL DEFAULT 0,
        file_name text,
        content_type text,
        content bytea,
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
    // The daily clean-up deletes by age.
    await q.query(`CREATE INDEX export_file_created_at ON export_file (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE export_file`);
  }
}
