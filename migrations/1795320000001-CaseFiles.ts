import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Closed enforcement case files reported by departments (libs/cases). */
export class CaseFiles1795320000001 implements MigrationInterface {
  name = 'CaseFiles1795320000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_file (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        department_id uuid NOT NULL REFERENCES unit(id),
        file_no text NOT NULL,
        case_type text NOT NULL,
        sector text NOT NULL DEFAULT '',
        cause text NOT NULL,
        party_name text NOT NULL,
        party_kind text NOT NULL CHECK (party_kind IN ('PERSON','ORGANISATION')),
        party_id_no text NOT NULL DEFAULT '',
        officer_certificate_nos text[] NOT NULL DEFAULT '{}',
        filed_date date NOT NULL,
        decision_date date,
        disclosed_date date,
        closed_date date NOT NULL,
        legal_review_submitted_date date,
        legal_review_finished_date date,
        legal_review_passed boolean,
        penalty_kinds text[] NOT NULL DEFAULT '{}',
        fine_fen bigint NOT NULL DEFAULT 0 CHECK (fine_fen >= 0),
        major boolean NOT NULL DEFAULT false,
        hearing_held boolean NOT NULL DEFAULT false,
        on_site_coercion text,
        av_recorded boolean NOT NULL DEFAULT false,
        av_filed boolean NOT NULL DEFAULT false,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT case_file_department_file_no UNIQUE (department_id, file_no)
      )`);
    // The draw: eligible files of a department by closing date, stratified by case type.
    await q.query(`CREATE INDEX case_file_draw ON case_file (department_id, closed_date, case_type, id)`);
    // Screening by department and decision date.
    await q.query(`CREATE INDEX case_file_decision ON case_file (department_id, decision_date)`);
    // Large sheet imports run as a job; the upload waits here and the report stays fetchable.
    await q.query(`
      CREATE TABLE case_file_import (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        status text NOT NULL CHECK (status IN ('QUEUED','RUNNING','DONE','FAILED')),
        content bytea,
        actor jsonb NOT NULL,
        created_by uuid NOT NULL,
        total int NOT NULL DEFAULT 0,
        done int NOT NULL DEFAULT 0,
        report jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS case_file_import`);
    await q.query(`DROP TABLE IF EXISTS case_file`);
  }
}
