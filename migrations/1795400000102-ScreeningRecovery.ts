import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Recoverable screening (libs/compliance): each queued run of a round carries an id and a heartbeat,
 * so a run whose worker died can be re-queued and a late or repeated delivery of an old run does
 * nothing; the nightly standing screen claims its day once.
 */
export class ScreeningRecovery1795400000102 implements MigrationInterface {
  name = 'ScreeningRecovery1795400000102';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE compliance_round ADD COLUMN screening_run_id uuid, ADD COLUMN screening_heartbeat_at timestamptz`);
    await q.query(`
      CREATE TABLE compliance_standing_run (
        day date PRIMARY KEY,
        job_id text NOT NULL,
        started_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        cases int
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS compliance_standing_run`);
    await q.query(`ALTER TABLE compliance_round DROP COLUMN screening_heartbeat_at, DROP COLUMN screening_run_id`);
  }
}
