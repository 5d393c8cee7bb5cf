import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Evidence files on a department's quarterly progress report of a measure (bytes in the FileStore by SHA-256). */
export class AssessmentEvidence1795400000401 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE assessment_evidence_file (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        progress_id uuid NOT NULL REFERENCES assessment_measure_progress(id) ON DELETE CASCADE,
        department_id uuid NOT NULL REFERENCES unit(id),
        sha256 text NOT NULL,
        size int NOT NULL CHECK (size > 0),
        mime_type text NOT NULL,
        file_name text NOT NULL,
        uploaded_by uuid NOT NULL,
        uploaded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX assessment_evidence_file_progress ON assessment_evidence_file (progress_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS assessment_evidence_file`);
  }
}
