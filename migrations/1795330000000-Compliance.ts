import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Three enforcement systems checks (libs/compliance): checklists, rounds, checks, screens, evidence, live rates. */
export class Compliance1795330000000 implements MigrationInterface {
  name = 'Compliance1795330000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE compliance_checklist (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL,
        version text NOT NULL,
        name text NOT NULL,
        template jsonb NOT NULL,
        region_path text NOT NULL,
        imported_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT compliance_checklist_code_version UNIQUE (code, version)
      )`);
    await q.query(`
      CREATE TABLE compliance_round (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        region_path text NOT NULL,
        office_unit_id uuid NOT NULL REFERENCES unit(id),
        checklist_id uuid NOT NULL REFERENCES compliance_checklist(id),
        period_from date NOT NULL,
        period_to date NOT NULL CHECK (period_to >= period_from),
        stage text NOT NULL CHECK (stage IN ('PLANNED','SCREENED','CHECKING','FINALIZED','PUBLISHED')),
        screening text NOT NULL DEFAULT 'NONE' CHECK (screening IN ('NONE','QUEUED','RUNNING','DONE','FAILED')),
        screening_error text,
        inspector_ids uuid[] NOT NULL,
        created_by uuid NOT NULL,
        screened_at timestamptz,
        finalized_at timestamptz,
        published_at timestamptz,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX compliance_round_region ON compliance_round (region_path, created_at)`);
    await q.query(`
      CREATE TABLE compliance_check (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        round_id uuid NOT NULL REFERENCES compliance_round(id) ON DELETE CASCADE,
        department_id uuid NOT NULL REFERENCES unit(id),
        inspector_id uuid NOT NULL REFERENCES app_user(id),
        status text NOT NULL CHECK (status IN ('OPEN','SUBMITTED')),
        score numeric(6,2),
        grade text,
        subtotals jsonb,
        submitted_by uuid,
        submitted_at timestamptz,
        version int NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT compliance_check_round_department UNIQUE (round_id, department_id)
      )`);
    await q.query(`CREATE INDEX compliance_check_inspector ON compliance_check (inspector_id)`);
    await q.query(`
      CREATE TABLE compliance_check_item (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        check_id uuid NOT NULL REFERENCES compliance_check(id) ON DELETE CASCADE,
        item_code text NOT NULL,
        system text NOT NULL,
        auto text,
        screen_result text CHECK (screen_result IN ('PASS','PARTIAL','FAIL','NOT_APPLICABLE')),
        screen_passed int,
        screen_total int,
        screen_failures jsonb,
        screen_failures_omitted int NOT NULL DEFAULT 0,
        result text CHECK (result IN ('PASS','PARTIAL','FAIL','NOT_APPLICABLE')),
        note text,
        override_reason text,
        updated_by uuid,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT compliance_check_item_code UNIQUE (check_id, item_code)
      )`);
    await q.query(`
      CREATE TABLE compliance_evidence_file (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        check_item_id uuid NOT NULL REFERENCES compliance_check_item(id) ON DELETE CASCADE,
        file_name text NOT NULL,
        content_type text NOT NULL,
        size_bytes int NOT NULL,
        sha256 text NOT NULL,
        storage_key text NOT NULL,
        uploaded_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX compliance_evidence_item ON compliance_evidence_file (check_item_id)`);
    await q.query(`
      CREATE TABLE compliance_rate (
        department_id uuid NOT NULL REFERENCES unit(id),
        year int NOT NULL,
        screens jsonb NOT NULL,
        screened_at timestamptz NOT NULL,
        PRIMARY KEY (department_id, year)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'compliance_rate',
      'compliance_evidence_file',
      'compliance_check_item',
      'compliance_check',
      'compliance_round',
      'compliance_checklist',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
