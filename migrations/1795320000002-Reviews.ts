import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Rubrics, review campaigns, drawn files, score sheets, self-check reports (libs/reviews). */
export class Reviews1795320000002 implements MigrationInterface {
  name = 'Reviews1795320000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rubric (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL,
        version text NOT NULL,
        name text NOT NULL,
        formula text NOT NULL,
        case_types text[] NOT NULL,
        template jsonb NOT NULL,
        imported_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT rubric_code_version UNIQUE (code, version)
      )`);
    await q.query(`
      CREATE TABLE review_campaign (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        year int NOT NULL,
        period_from date NOT NULL,
        period_to date NOT NULL,
        case_types text[] NOT NULL,
        department_ids uuid[] NOT NULL,
        rubric_ids jsonb NOT NULL,
        files_per_department int NOT NULL CHECK (files_per_department > 0),
        reviewers_per_file int NOT NULL CHECK (reviewers_per_file BETWEEN 1 AND 3),
        reviewer_ids uuid[] NOT NULL,
        recheck_rule jsonb NOT NULL,
        stage text NOT NULL,
        seed text,
        drawn_at timestamptz,
        results jsonb,
        finalized_at timestamptz,
        published_at timestamptz,
        office_unit_id uuid NOT NULL REFERENCES unit(id),
        region_path text NOT NULL,
        created_by uuid NOT NULL,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX review_campaign_region ON review_campaign (region_path, year)`);
    await q.query(`
      CREATE TABLE self_check_report (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        campaign_id uuid NOT NULL REFERENCES review_campaign(id) ON DELETE CASCADE,
        department_id uuid NOT NULL REFERENCES unit(id),
        total_files int NOT NULL,
        files_checked int NOT NULL,
        failed_files int NOT NULL,
        problems text NOT NULL,
        submitted_by uuid NOT NULL,
        version int NOT NULL DEFAULT 1,
        submitted_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT self_check_once UNIQUE (campaign_id, department_id)
      )`);
    await q.query(`
      CREATE TABLE review_file (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        campaign_id uuid NOT NULL REFERENCES review_campaign(id) ON DELETE CASCADE,
        case_file_id uuid NOT NULL REFERENCES case_file(id),
        department_id uuid NOT NULL REFERENCES unit(id),
        case_type text NOT NULL,
        rubric_id uuid NOT NULL REFERENCES rubric(id),
        status text NOT NULL,
        final_score numeric(5,2),
        final_grade text,
        finalized_at timestamptz,
        CONSTRAINT review_file_once UNIQUE (campaign_id, case_file_id)
      )`);
    await q.query(`CREATE INDEX review_file_campaign ON review_file (campaign_id, department_id)`);
    await q.query(`
      CREATE TABLE score_sheet (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        review_file_id uuid NOT NULL REFERENCES review_file(id) ON DELETE CASCADE,
        campaign_id uuid NOT NULL REFERENCES review_campaign(id) ON DELETE CASCADE,
        reviewer_id uuid NOT NULL REFERENCES app_user(id),
        kind text NOT NULL CHECK (kind IN ('INITIAL','RECHECK')),
        status text NOT NULL CHECK (status IN ('DRAFT','SUBMITTED')),
        rubric_id uuid NOT NULL REFERENCES rubric(id),
        answers jsonb NOT NULL DEFAULT '{}',
        score numeric(5,2),
        grade text,
        evaluation jsonb,
        submitted_at timestamptz,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT score_sheet_once UNIQUE (review_file_id, reviewer_id, kind)
      )`);
    await q.query(`CREATE INDEX score_sheet_reviewer ON score_sheet (reviewer_id, campaign_id)`);
    await q.query(`CREATE INDEX score_sheet_rubric ON score_sheet (rubric_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['score_sheet', 'review_file', 'self_check_report', 'review_campaign', 'rubric'])
      await q.query(`DROP TABLE IF EXISTS ${t}`);
  }
}
