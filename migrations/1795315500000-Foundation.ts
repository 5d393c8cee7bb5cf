import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Organisation, sign-in, audit trail, outbox and the working-day calendar. */
export class Foundation1795315500000 implements MigrationInterface {
  name = 'Foundation1795315500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE region (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        parent_id uuid REFERENCES region(id),
        level text NOT NULL CHECK (level IN ('PROVINCE','CITY','COUNTY','TOWN')),
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        path text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX region_path_prefix ON region (path text_pattern_ops)`);
    await q.query(`
      CREATE TABLE unit (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('GOVERNMENT_DEPARTMENT','TOWN','VERTICAL')),
        region_id uuid NOT NULL REFERENCES region(id),
        is_enforcement_body boolean NOT NULL DEFAULT false,
        is_supervising_office boolean NOT NULL DEFAULT false,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX unit_region ON unit (region_id)`);
    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL,
        display_name text NOT NULL,
        unit_id uuid NOT NULL REFERENCES unit(id),
        roles text[] NOT NULL CHECK (cardinality(roles) > 0),
        password_hash text NOT NULL,
        disabled boolean NOT NULL DEFAULT false,
        failed_login_count integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        password_changed_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX app_user_username ON app_user (lower(username))`);
    await q.query(`CREATE INDEX app_user_unit ON app_user (unit_id)`);
    await q.query(`
      CREATE TABLE officer (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        certificate_no text NOT NULL UNIQUE,
        name text NOT NULL,
        unit_id uuid NOT NULL REFERENCES unit(id),
        kind text NOT NULL,
        valid_from date NOT NULL,
        valid_to date NOT NULL,
        legal_qualification boolean NOT NULL DEFAULT false,
        legal_reviewer boolean NOT NULL DEFAULT false,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (valid_to >= valid_from)
      )`);
    await q.query(`CREATE INDEX officer_unit ON officer (unit_id)`);
    await q.query(`
      CREATE TABLE refresh_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        family_id uuid NOT NULL,
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX refresh_token_family ON refresh_token (family_id)`);
    await q.query(`
      CREATE TABLE audit_entry (
        id bigserial PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        actor_user_id uuid,
        actor_unit_id uuid,
        operation text NOT NULL,
        target_type text NOT NULL,
        target_id text NOT NULL,
        before jsonb,
        after jsonb,
        request_id text NOT NULL,
        chain_seq bigint UNIQUE,
        prev_hash text,
        hash text
      )`);
    await q.query(`CREATE INDEX audit_entry_target ON audit_entry (target_id, id)`);
    await q.query(`CREATE INDEX audit_entry_unsealed ON audit_entry (id) WHERE chain_seq IS NULL`);
    await q.query(`
      CREATE TABLE outbox_event (
        id bigserial PRIMARY KEY,
        seq bigint UNIQUE,
        type text NOT NULL,
        region_path text NOT NULL,
        department_id uuid,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        published_at timestamptz
      )`);
    await q.query(`CREATE INDEX outbox_event_unpublished ON outbox_event (id) WHERE seq IS NULL`);
    await q.query(`
      CREATE TABLE calendar_year (
        year integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
        holidays date[] NOT NULL,
        make_up_workdays date[] NOT NULL,
        names jsonb NOT NULL DEFAULT '{}',
        source text NOT NULL,
        version integer NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['calendar_year', 'outbox_event', 'audit_entry', 'refresh_token', 'officer', 'app_user', 'unit', 'region']) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
