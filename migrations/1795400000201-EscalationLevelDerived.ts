import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A task's escalation level is read from its recorded steps instead of being copied onto the task:
 * the sweep then never rewrites task rows (a catch-up over many tasks wrote every index of each),
 * and the steps still owed are those without a row under the (task_id, step) key. The steps lose
 * their foreign key: only the sweep writes them, from task rows it joins in the same statement, and
 * tasks are never deleted; checking each row and key-share locking its task doubled the insert.
 */
export class EscalationLevelDerived1795400000201 implements MigrationInterface {
  name = 'EscalationLevelDerived1795400000201';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS rectification_task_escalation`);
    await q.query(`ALTER TABLE rectification_task DROP COLUMN escalation_step, DROP COLUMN escalation_ordinal`);
    await q.query(`ALTER TABLE rectification_escalation DROP CONSTRAINT rectification_escalation_task_id_fkey`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE rectification_escalation ADD CONSTRAINT rectification_escalation_task_id_fkey FOREIGN KEY (task_id) REFERENCES rectification_task(id) ON DELETE CASCADE`,
    );
    await q.query(
      `ALTER TABLE rectification_task ADD COLUMN escalation_step text, ADD COLUMN escalation_ordinal smallint NOT NULL DEFAULT -1`,
    );
    await q.query(`
      UPDATE rectification_task t SET escalation_step = top.step, escalation_ordinal = top.ordinal
        FROM (SELECT DISTINCT ON (e.task_id) e.task_id, e.step, l.ordinal
                FROM rectification_escalation e JOIN rectification_ladder_step l ON l.step = e.step
               ORDER BY e.task_id, l.ordinal DESC) top
       WHERE t.id = top.task_id`);
    await q.query(
      `CREATE INDEX rectification_task_escalation ON rectification_task (escalation_ordinal, deadline) WHERE state IN ('ISSUED','ACKNOWLEDGED','IN_PROGRESS','RETURNED')`,
    );
  }
}
