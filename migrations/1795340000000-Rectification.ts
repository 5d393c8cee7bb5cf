import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Rectification: tasks, their departments, deadlines, reports, evidence, escalation, notifications, settings. */
export class Rectification1795340000000 implements MigrationInterface {
  name = 'Rectification1795340000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rectification_root_cause (
        code text PRIMARY KEY,
        label text NOT NULL,
        ordinal integer NOT NULL DEFAULT 0,
        active boolean NOT NULL DEFAULT true
      )`);
    await q.query(`INSERT INTO rectification_root_cause (code, label, ordinal) VALUES
      ('SYSTEM_GAP', '制度缺失', 1), ('CAPABILITY', '人员能力不足', 2), ('EXECUTION', '执行不到位', 3), ('SUPERVISION', '监督缺位', 4)`);
    await q.query(`
      CREATE TABLE rectification_deadline_rule (
        source text NOT NULL,
        severity text NOT NULL CHECK (severity IN ('ANY','MAJOR','GENERAL')),
        working_days integer NOT NULL CHECK (working_days BETWEEN 1 AND 250),
        PRIMARY KEY (source, severity)
      )`);
    await q.query(`INSERT INTO rectification_deadline_rule (source, severity, working_days) VALUES
      ('CASE_REVIEW','ANY',20), ('THREE_SYSTEMS','ANY',20), ('INSPECTION','ANY',15), ('HOTLINE','ANY',15),
      ('ASSESSMENT','ANY',30), ('LEADER_INSTRUCTION','ANY',5), ('LEADER_INSTRUCTION','MAJOR',3)`);
    await q.query(`
      CREATE TABLE rectification_ladder_step (
        step text PRIMARY KEY CHECK (step IN ('REMINDER','URGE','INQUIRY','LISTED','CRITICIZED')),
        ordinal integer NOT NULL,
        offset_working_days integer NOT NULL,
        notice text NOT NULL
      )`);
    await q.query(`INSERT INTO rectification_ladder_step (step, ordinal, offset_working_days, notice) VALUES
      ('REMINDER', 0, -3, '整改期限即将届满，请抓紧完成整改并报送整改报告'),
      ('URGE', 1, 1, '整改任务已逾期，现予催办，请立即整改'),
      ('INQUIRY', 2, 5, '整改任务逾期未完成，现函询并约谈单位负责人'),
      ('LISTED', 3, 10, '整改任务逾期未完成，现予挂牌督办'),
      ('CRITICIZED', 4, 20, '整改任务长期逾期未完成，予以通报批评')`);
    await q.query(`CREATE TABLE rectification_counter (year integer PRIMARY KEY, last integer NOT NULL)`);
    await q.query(`
      CREATE TABLE rectification_task (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_no text NOT NULL UNIQUE,
        source text NOT NULL,
        department_id uuid NOT NULL REFERENCES unit(id),
        region_path text NOT NULL,
        issuing_unit_id uuid NOT NULL REFERENCES unit(id),
        issued_by uuid NOT NULL REFERENCES app_user(id),
        issued_on date NOT NULL,
        responsible_person text NOT NULL,
        requirements text NOT NULL,
        state text NOT NULL CHECK (state IN ('ISSUED','ACKNOWLEDGED','IN_PROGRESS','SUBMITTED','RETURNED','VERIFIED','CLOSED','CANCELLED')),
        deadline date NOT NULL,
        batch_id text,
        submitted_by uuid,
        submitted_at timestamptz,
        verified_by uuid,
        verified_at timestamptz,
        closed_on date,
        closed_on_time boolean,
        cancel_reason text,
        escalation_step text,
        escalation_ordinal smallint NOT NULL DEFAULT -1,
        follow_up_on date,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The sweep's way in: for each (level reached, step) pair one index descent, so it visits only tasks owing a step.
    await q.query(
      `CREATE INDEX rectification_task_escalation ON rectification_task (escalation_ordinal, deadline) WHERE state IN ('ISSUED','ACKNOWLEDGED','IN_PROGRESS','RETURNED')`,
    );
    await q.query(
      `CREATE INDEX rectification_task_open ON rectification_task (deadline, task_no) INCLUDE (id, state, region_path, department_id, source, issued_on) WHERE state NOT IN ('CLOSED','CANCELLED')`,
    );
    await q.query(`CREATE INDEX rectification_task_by_department ON rectification_task (department_id, state)`);
    // Covering indexes: the ledger's page order and its period/warning counts run as index-only scans.
    await q.query(
      `CREATE INDEX rectification_task_issued ON rectification_task (issued_on DESC, task_no DESC) INCLUDE (id, state, source, deadline, department_id, region_path)`,
    );
    await q.query(
      `CREATE INDEX rectification_task_ledger ON rectification_task (state, region_path text_pattern_ops, deadline) INCLUDE (source, issued_on, department_id)`,
    );
    // Counts per department, source and state, kept by statement-level triggers, so the ledger's
    // counts under coarse filters read a few hundred rows instead of every task.
    await q.query(`
      CREATE TABLE rectification_tally (
        department_id uuid NOT NULL,
        source text NOT NULL,
        state text NOT NULL,
        n integer NOT NULL,
        PRIMARY KEY (department_id, source, state)
      )`);
    await q.query(`
      CREATE FUNCTION rectification_tally_apply() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO rectification_tally AS t (department_id, source, state, n)
          SELECT department_id, source, state, count(*) FROM new_rows GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
          ON CONFLICT (department_id, source, state) DO UPDATE SET n = t.n + EXCLUDED.n;
        ELSIF TG_OP = 'DELETE' THEN
          INSERT INTO rectification_tally AS t (department_id, source, state, n)
          SELECT department_id, source, state, -count(*) FROM old_rows GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
          ON CONFLICT (department_id, source, state) DO UPDATE SET n = t.n + EXCLUDED.n;
        ELSE
          INSERT INTO rectification_tally AS t (department_id, source, state, n)
          SELECT department_id, source, state, sum(d) FROM (
            SELECT department_id, source, state, -1 AS d FROM old_rows
            UNION ALL SELECT department_id, source, state, 1 FROM new_rows) x
          GROUP BY 1, 2, 3 HAVING sum(d) <> 0 ORDER BY 1, 2, 3
          ON CONFLICT (department_id, source, state) DO UPDATE SET n = t.n + EXCLUDED.n;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(
      `CREATE TRIGGER rectification_tally_insert AFTER INSERT ON rectification_task REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rectification_tally_apply()`,
    );
    await q.query(
      `CREATE TRIGGER rectification_tally_update AFTER UPDATE ON rectification_task REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rectification_tally_apply()`,
    );
    await q.query(
      `CREATE TRIGGER rectification_tally_delete AFTER DELETE ON rectification_task REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rectification_tally_apply()`,
    );
    await q.query(`ALTER TABLE finding ADD CONSTRAINT finding_task FOREIGN KEY (task_id) REFERENCES rectification_task(id)`);
    await q.query(`CREATE INDEX finding_task_id ON finding (task_id) WHERE task_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE rectification_task_department (
        task_id uuid NOT NULL REFERENCES rectification_task(id) ON DELETE CASCADE,
        department_id uuid NOT NULL REFERENCES unit(id),
        role text NOT NULL CHECK (role IN ('LEAD','CO')),
        status text NOT NULL CHECK (status IN ('ISSUED','ACKNOWLEDGED','SUBMITTED')),
        acknowledged_at timestamptz,
        submitted_at timestamptz,
        PRIMARY KEY (task_id, department_id)
      )`);
    await q.query(`CREATE INDEX rectification_task_department_dept ON rectification_task_department (department_id)`);
    await q.query(`
      CREATE TABLE rectification_deadline (
        id bigserial PRIMARY KEY,
        task_id uuid NOT NULL REFERENCES rectification_task(id) ON DELETE CASCADE,
        deadline date NOT NULL,
        kind text NOT NULL CHECK (kind IN ('ISSUED','EXTENSION','REOPENED')),
        reason text,
        set_by uuid,
        set_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX rectification_deadline_task ON rectification_deadline (task_id, id)`);
    await q.query(`
      CREATE TABLE rectification_extension (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL REFERENCES rectification_task(id) ON DELETE CASCADE,
        requested_deadline date NOT NULL,
        previous_deadline date NOT NULL,
        reason text NOT NULL,
        status text NOT NULL CHECK (status IN ('PENDING','APPROVED','REJECTED')),
        requested_by uuid NOT NULL,
        requested_at timestamptz NOT NULL DEFAULT now(),
        decided_by uuid,
        decided_at timestamptz,
        decision_note text
      )`);
    await q.query(`CREATE UNIQUE INDEX rectification_extension_pending ON rectification_extension (task_id) WHERE status = 'PENDING'`);
    await q.query(`
      CREATE TABLE rectification_file (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL REFERENCES rectification_task(id) ON DELETE CASCADE,
        sha256 text NOT NULL,
        size integer NOT NULL,
        mime_type text NOT NULL,
        file_name text NOT NULL,
        report_id uuid,
        uploaded_by uuid NOT NULL,
        department_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX rectification_file_task ON rectification_file (task_id)`);
    await q.query(`
      CREATE TABLE rectification_report (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL REFERENCES rectification_task(id) ON DELETE CASCADE,
        department_id uuid NOT NULL,
        text text NOT NULL,
        measures_taken text NOT NULL,
        submitted_by uuid NOT NULL,
        submitted_at timestamptz NOT NULL DEFAULT now(),
        verdict text CHECK (verdict IN ('RETURNED','VERIFIED')),
        verdict_note text
      )`);
    await q.query(`CREATE INDEX rectification_report_task ON rectification_report (task_id, submitted_at)`);
    await q.query(`
      CREATE TABLE rectification_escalation (
        id bigserial PRIMARY KEY,
        task_id uuid NOT NULL REFERENCES rectification_task(id) ON DELETE CASCADE,
        step text NOT NULL,
        due_on date NOT NULL,
        deadline date NOT NULL,
        notice text NOT NULL,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (task_id, step)
      )`);
    await q.query(`
      CREATE TABLE notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        kind text NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        task_id uuid,
        read_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX notification_user ON notification (user_id, created_at DESC)`);
    await q.query(`CREATE INDEX notification_unread ON notification (user_id) WHERE read_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS notification`);
    await q.query(`DROP TABLE IF EXISTS rectification_escalation`);
    await q.query(`DROP TABLE IF EXISTS rectification_report`);
    await q.query(`DROP TABLE IF EXISTS rectification_file`);
    await q.query(`DROP TABLE IF EXISTS rectification_extension`);
    await q.query(`DROP TABLE IF EXISTS rectification_deadline`);
    await q.query(`DROP TABLE IF EXISTS rectification_task_department`);
    await q.query(`DROP INDEX IF EXISTS finding_task_id`);
    await q.query(`ALTER TABLE finding DROP CONSTRAINT IF EXISTS finding_task`);
    await q.query(`DROP TABLE IF EXISTS rectification_task`);
    await q.query(`DROP FUNCTION IF EXISTS rectification_tally_apply()`);
    await q.query(`DROP TABLE IF EXISTS rectification_tally`);
    await q.query(`DROP TABLE IF EXISTS rectification_counter`);
    await q.query(`DROP TABLE IF EXISTS rectification_ladder_step`);
    await q.query(`DROP TABLE IF EXISTS rectification_deadline_rule`);
    await q.query(`DROP TABLE IF EXISTS rectification_root_cause`);
  }
}
