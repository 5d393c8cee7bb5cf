// Rectification data at province scale, written set-based by PostgreSQL itself (generate_series),
// so 300,000 tasks take seconds. Called by the province generator (bench/generate.ts) and by the
// rectification benchmarks (bench/escalation-sweep.ts, bench/ledger.ts).

/** Anything with pg's `query(text, values)`: a pg.Client, a pg.Pool or a PoolClient. */
export interface Queryable {
  query(text: string, values?: unknown[]): Promise<{ rows: any[]; rowCount: number | null }>;
}

export interface RectificationGenerateOptions {
  /** Lead departments; tasks are spread over them evenly (by hash of the seed). */
  departmentIds: string[];
  /** The supervising office that issues the tasks, and the inspector recorded as issuer. */
  officeUnitId: string;
  issuedBy: string;
  seed: number | string;
  tasks: number;
  /** Share of tasks still open (0..1); the rest are closed, mostly on time. Default 0.6. */
  openShare?: number;
  /** "Today" (YYYY-MM-DD): open deadlines fall from 40 days before it to 80 days after. */
  today: string;
}

const SOURCES = ['CASE_REVIEW', 'THREE_SYSTEMS', 'INSPECTION', 'HOTLINE', 'ASSESSMENT', 'LEADER_INSTRUCTION'];
const OPEN_STATES = ['ISSUED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'IN_PROGRESS', 'IN_PROGRESS', 'SUBMITTED', 'RETURNED', 'VERIFIED'];

/**
 * Inserts `tasks` rectification tasks with one finding each, their lead-department row and their
 * first deadline. Deadlines are calendar-day approximations (data for load, not for rules).
 * Returns the number of tasks written.
 */
export async function generateRectification(client: Queryable, o: RectificationGenerateOptions): Promise<number> {
  if (!o.departmentIds.length) throw new Error('generateRectification: no departments');
  const year = Number(o.today.slice(0, 4));
  const { rows: existing } = await client.query(`SELECT coalesce(max(last), 0) AS last FROM rectification_counter WHERE year = $1`, [year]);
  const offset = Number(existing[0]?.last ?? 0);
  const result = await client.query(
    `WITH d AS (
       SELECT u.id, r.path, ord FROM unnest($1::uuid[]) WITH ORDINALITY AS x(id, ord) JOIN unit u ON u.id = x.id JOIN region r ON r.id = u.region_id
     ), g AS (
       SELECT g, abs(hashtext($2 || ':' || g)) AS h FROM generate_series(1, $3::int) AS g
     ), rows AS (
       SELECT g.g, g.h, d.id AS department_id, d.path,
              (g.h % 1000) < $4::float8 * 1000 AS open,
              ($5::text[])[1 + g.h % 6] AS source,
              ($6::text[])[1 + (g.h / 7) % 8] AS open_state,
              $7::date + (((g.h / 11) % 120)::int - 40) AS open_deadline,
              $7::date - (((g.h / 13) % 330)::int + 1) AS closed_deadline,
              ((g.h / 17) % 10)::int AS jitter
         FROM g JOIN d ON d.ord = 1 + (g.h / 3) % $8
     ), tasks AS (
       INSERT INTO rectification_task (task_no, source, department_id, region_path, issuing_unit_id, issued_by, issued_on, responsible_person, requirements,
                                       state, deadline, closed_on, closed_on_time, version)
       SELECT '清整〔' || $9 || '〕' || lpad((g + $10)::text, 6, '0') || '号', source, department_id, path, $11, $12,
              CASE WHEN open THEN open_deadline ELSE closed_deadline END - 28, '责任科长', '对照问题清单逐项整改',
              CASE WHEN open THEN open_state ELSE 'CLOSED' END,
              CASE WHEN open THEN open_deadline ELSE closed_deadline END,
              CASE WHEN open THEN NULL ELSE closed_deadline - jitter + CASE WHEN jitter = 0 THEN 12 ELSE 0 END END,
              CASE WHEN open THEN NULL ELSE jitter <> 0 END,
              1
         FROM rows
       RETURNING id, source, department_id, deadline, issued_on, state
     ), lead AS (
       INSERT INTO rectification_task_department (task_id, department_id, role, status)
       SELECT id, department_id, 'LEAD', CASE WHEN state IN ('SUBMITTED','VERIFIED','CLOSED') THEN 'SUBMITTED' WHEN state = 'ISSUED' THEN 'ISSUED' ELSE 'ACKNOWLEDGED' END FROM tasks
     ), history AS (
       INSERT INTO rectification_deadline (task_id, deadline, kind, set_by) SELECT id, deadline, 'ISSUED', $12 FROM tasks
     ), findings AS (
       INSERT INTO finding (source, department_id, origin_type, origin_id, category, severity, description, root_cause, dedup_key, task_id, created_at)
       SELECT source, department_id, 'Generated', id::text, 'GENERATED', CASE WHEN abs(hashtext(id::text)) % 5 = 0 THEN 'MAJOR' ELSE 'GENERAL' END,
              '生成的整改问题', (ARRAY['SYSTEM_GAP','CAPABILITY','EXECUTION','SUPERVISION'])[1 + abs(hashtext(id::text)) % 4], 'generated:' || id, id, issued_on
         FROM tasks
     )
     SELECT count(*)::int AS n FROM tasks`,
    [
      o.departmentIds,
      String(o.seed),
      o.tasks,
      o.openShare ?? 0.6,
      SOURCES,
      OPEN_STATES,
      o.today,
      o.departmentIds.length,
      String(year),
      offset,
      o.officeUnitId,
      o.issuedBy,
    ],
  );
  const n = result.rows[0].n as number;
  await client.query(
    `INSERT INTO rectification_counter (year, last) VALUES ($1, $2) ON CONFLICT (year) DO UPDATE SET last = GREATEST(rectification_counter.last, $2)`,
    [year, offset + n],
  );
  await client.query(`ANALYZE rectification_task; ANALYZE finding; ANALYZE rectification_task_department`);
  return n;
}

/**
 * For the rectification benchmarks: a fresh migrated database with one district, its office, an
 * inspector and `departments` departments each with one officer (so escalations notify someone).
 */
export async function prepareBenchDistrict(
  client: Queryable,
  departments: number,
): Promise<{ regionPath: string; officeUnitId: string; inspectorId: string; departmentIds: string[] }> {
  const {
    rows: [region],
  } = await client.query(
    `WITH r AS (SELECT gen_random_uuid() AS id)
     INSERT INTO region (id, parent_id, level, code, name, path) SELECT id, NULL, 'COUNTY', 'BENCH', '基准区', '/' || id || '/' FROM r RETURNING id, path`,
  );
  const {
    rows: [office],
  } = await client.query(
    `INSERT INTO unit (code, name, kind, region_id, is_enforcement_body, is_supervising_office) VALUES ('BENCH-SFJ', '基准区司法局', 'GOVERNMENT_DEPARTMENT', $1, true, true) RETURNING id`,
    [region.id],
  );
  const {
    rows: [inspector],
  } = await client.query(
    `INSERT INTO app_user (username, display_name, unit_id, roles, password_hash) VALUES ('bench-inspector', '基准督察', $1, '{INSPECTOR}', 'x') RETURNING id`,
    [office.id],
  );
  const { rows: units } = await client.query(
    `INSERT INTO unit (code, name, kind, region_id, is_enforcement_body, is_supervising_office)
     SELECT 'BENCH-' || lpad(g::text, 4, '0'), '基准部门' || g, 'GOVERNMENT_DEPARTMENT', $1, true, false FROM generate_series(1, $2::int) g RETURNING id`,
    [region.id, departments],
  );
  await client.query(
    `INSERT INTO app_user (username, display_name, unit_id, roles, password_hash)
     SELECT 'bench-officer-' || row_number() OVER (), '联络员', id, '{DEPARTMENT_OFFICER}', 'x' FROM unnest($1::uuid[]) AS id`,
    [units.map((u) => u.id)],
  );
  return { regionPath: region.path, officeUnitId: office.id, inspectorId: inspector.id, departmentIds: units.map((u) => u.id) };
}
