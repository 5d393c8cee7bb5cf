import type { EntityManager } from 'typeorm';

export const NUMERIC_COUNTERS = [
  'files_reviewed',
  'score_sum',
  'files_passed',
  'checks',
  'check_score_sum',
  'disclosure_passed',
  'disclosure_total',
  'legal_review_passed',
  'legal_review_total',
  'av_passed',
  'av_total',
  'tasks_issued',
  'tasks_closed',
  'tasks_closed_on_time',
  'tasks_cancelled',
] as const;
export const MAP_COUNTERS = ['grades', 'task_states'] as const;

/** Region rows only: how many departments have figures, tasks, and none of them left open. */
export const STANDING_COUNTERS = ['departments', 'departments_with_tasks', 'departments_cleared'] as const;
type StandingCounter = (typeof STANDING_COUNTERS)[number];
/** A department-period row with none of these is all zeros, and is not kept. */
const ACTIVE_COUNTERS = ['files_reviewed', 'checks', 'tasks_issued', 'disclosure_total', 'legal_review_total', 'av_total'] as const;
export const ACTIVE_SQL = `(${ACTIVE_COUNTERS.map((c) => `${c} <> 0`).join(' OR ')})`;

function standing(n: Record<string, unknown>): { active: boolean; withTasks: boolean; cleared: boolean } {
  const v = (c: string) => Number(n[c] ?? 0);
  const withTasks = v('tasks_issued') > 0;
  return {
    active: ACTIVE_COUNTERS.some((c) => v(c) !== 0),
    withTasks,
    cleared: withTasks && v('tasks_issued') === v('tasks_closed') + v('tasks_cancelled'),
  };
}

export type NumericCounter = (typeof NUMERIC_COUNTERS)[number];
export type MapCounter = (typeof MAP_COUNTERS)[number];
export type Delta = Partial<Record<NumericCounter, number>> & Partial<Record<MapCounter, Record<string, number>>>;

interface Row {
  numbers: Record<NumericCounter, number>;
  maps: Record<MapCounter, Record<string, number>>;
}

/** Month and year of an instant, in Asia/Shanghai (where the offices count their periods). */
export function periodsOf(at: string | Date): string[] {
  const month = new Date(new Date(at).getTime() + 8 * 3600_000).toISOString().slice(0, 7);
  return [month.slice(0, 4), month];
}

/** `/a/b/c/` → `/a/`, `/a/b/`, `/a/b/c/`: every region level that rolls the department up. */
export function ancestorPaths(regionPath: string): string[] {
  const parts = regionPath.split('/').filter(Boolean);
  return parts.map((_, i) => `/${parts.slice(0, i + 1).join('/')}/`);
}

/**
 * Counter changes of one relay batch, summed in memory per department-period and region-period,
 * then written set-wise (one upsert per table, and a read of the department rows it changes to
 * keep the regions' department counts): a batch of 500 events costs a handful of statements.
 */
export class DeltaBatch {
  private readonly departments = new Map<string, Row & { departmentId: string; period: string; regionPath: string }>();
  private readonly regions = new Map<string, Row & { regionPath: string; period: string }>();
  /** Open tasks per region level and deadline: warning levels are then a sum over a few hundred rows. */
  private readonly deadlines = new Map<string, number>();

  moveOpenDeadline(regionPath: string, from: string | null, to: string | null): void {
    if (from === to) return;
    for (const path of ancestorPaths(regionPath)) {
      if (from) this.deadlines.set(`${path}|${from}`, (this.deadlines.get(`${path}|${from}`) ?? 0) - 1);
      if (to) this.deadlines.set(`${path}|${to}`, (this.deadlines.get(`${path}|${to}`) ?? 0) + 1);
    }
  }

  /** Adds to a department's periods; the regions above it are summed at flush, from where the department sits. */
  add(departmentId: string, periods: readonly string[], delta: Delta): void {
    for (const period of periods) {
      const d = this.departments.get(`${departmentId}|${period}`) ?? { departmentId, period, regionPath: '', ...empty() };
      this.departments.set(`${departmentId}|${period}`, merge(d, delta));
    }
  }

  async flush(m: EntityManager): Promise<void> {
    await this.flushDeadlines(m);
    if (this.departments.size === 0) return;
    await this.rollUp(m);
    const standings = await this.standings(m);
    const nonZero = (map: Record<string, number>) => Object.fromEntries(Object.entries(map).filter(([, v]) => v !== 0));
    const flat = (row: Row) => ({ ...row.numbers, grades: nonZero(row.maps.grades), task_states: nonZero(row.maps.task_states) });
    const departments = [...this.departments.values()].map((r) => ({
      department_id: r.departmentId,
      period: r.period,
      region_path: r.regionPath,
      ...flat(r),
    }));
    const regions = [...this.regions.values()].map((r) => ({
      region_path: r.regionPath,
      period: r.period,
      ...flat(r),
      ...(standings.get(`${r.regionPath}|${r.period}`) ?? { departments: 0, departments_with_tasks: 0, departments_cleared: 0 }),
    }));
    const keys = JSON.stringify(departments.map((d) => ({ department_id: d.department_id, period: d.period })));
    await m.query(
      upsert(
        'cockpit_department_period',
        'department_id uuid, period text, region_path text',
        'department_id, period',
        'department_id, period, region_path',
        [],
      ),
      [JSON.stringify(departments)],
    );
    // A department whose figures all went back to zero has no row (as after a rebuild).
    await m.query(
      `DELETE FROM cockpit_department_period WHERE (department_id, period) IN (SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(department_id uuid, period text))
         AND NOT ${ACTIVE_SQL}`,
      [keys],
    );
    await m.query(
      upsert('cockpit_region_period', 'region_path text, period text', 'region_path, period', 'region_path, period', STANDING_COUNTERS),
      [JSON.stringify(regions)],
    );
    await m.query(
      `DELETE FROM cockpit_region_period WHERE (region_path, period) IN (SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(region_path text, period text))
         AND departments = 0`,
      [JSON.stringify(regions.map((r) => ({ region_path: r.region_path, period: r.period })))],
    );
    this.departments.clear();
    this.regions.clear();
  }

  /**
   * Every department rolls up into the regions above its own unit (whatever region the event's
   * campaign or round was run from), looked up once per batch.
   */
  private async rollUp(m: EntityManager): Promise<void> {
    const ids = [...new Set([...this.departments.values()].map((d) => d.departmentId))];
    const paths = new Map<string, string>(
      (await m.query(`SELECT u.id, r.path FROM unit u JOIN region r ON r.id = u.region_id WHERE u.id = ANY ($1::uuid[])`, [ids])).map(
        (r: { id: string; path: string }) => [r.id, r.path],
      ),
    );
    for (const [key, d] of this.departments) {
      const path = paths.get(d.departmentId);
      if (!path) {
        this.departments.delete(key); // not a unit (a malformed event): not counted
        continue;
      }
      d.regionPath = path;
      for (const ancestor of ancestorPaths(path)) {
        const r = this.regions.get(`${ancestor}|${d.period}`) ?? { regionPath: ancestor, period: d.period, ...empty() };
        this.regions.set(`${ancestor}|${d.period}`, mergeRow(r, d));
      }
    }
  }

  private async flushDeadlines(m: EntityManager): Promise<void> {
    const deadlines = [...this.deadlines]
      .filter(([, n]) => n !== 0)
      .map(([key, n]) => ({ region_path: key.split('|')[0], deadline: key.split('|')[1], n }));
    this.deadlines.clear();
    if (deadlines.length === 0) return;
    await m.query(
      `INSERT INTO cockpit_region_deadline AS t (region_path, deadline, open_tasks)
       SELECT region_path, deadline, n FROM jsonb_to_recordset($1::jsonb) AS x(region_path text, deadline date, n integer)
       ON CONFLICT (region_path, deadline) DO UPDATE SET open_tasks = t.open_tasks + excluded.open_tasks`,
      [JSON.stringify(deadlines)],
    );
    await m.query('DELETE FROM cockpit_region_deadline WHERE open_tasks = 0');
  }

  /**
   * How the batch changes each region level's count of departments (with figures, with tasks,
   * cleared), from the department rows before and after it: a region's clear-down is then one row.
   */
  private async standings(m: EntityManager): Promise<Map<string, Record<StandingCounter, number>>> {
    const rows: (Record<string, number | string> & { department_id: string; period: string; region_path: string })[] = await m.query(
      `SELECT d.* FROM cockpit_department_period d
        WHERE (department_id, period) IN (SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(department_id uuid, period text))`,
      [JSON.stringify([...this.departments.values()].map((d) => ({ department_id: d.departmentId, period: d.period })))],
    );
    const before = new Map(rows.map((r) => [`${r.department_id}|${r.period}`, r]));
    const out = new Map<string, Record<StandingCounter, number>>();
    for (const [key, d] of this.departments) {
      const old = before.get(key);
      const was = standing(old ?? {});
      const now = standing(Object.fromEntries(NUMERIC_COUNTERS.map((c) => [c, Number(old?.[c] ?? 0) + d.numbers[c]])));
      const change = {
        departments: Number(now.active) - Number(was.active),
        departments_with_tasks: Number(now.withTasks) - Number(was.withTasks),
        departments_cleared: Number(now.cleared) - Number(was.cleared),
      };
      for (const path of ancestorPaths(d.regionPath)) {
        const region = out.get(`${path}|${d.period}`) ?? { departments: 0, departments_with_tasks: 0, departments_cleared: 0 };
        for (const c of STANDING_COUNTERS) region[c] += change[c];
        out.set(`${path}|${d.period}`, region);
        if (!this.regions.has(`${path}|${d.period}`))
          this.regions.set(`${path}|${d.period}`, { regionPath: path, period: d.period, ...empty() });
      }
    }
    return out;
  }
}

function empty(): Row {
  return {
    numbers: Object.fromEntries(NUMERIC_COUNTERS.map((c) => [c, 0])) as Record<NumericCounter, number>,
    maps: { grades: {}, task_states: {} },
  };
}

function merge<T extends Row>(row: T, delta: Delta): T {
  for (const c of NUMERIC_COUNTERS) if (delta[c]) row.numbers[c] += delta[c];
  for (const c of MAP_COUNTERS) for (const [k, v] of Object.entries(delta[c] ?? {})) row.maps[c][k] = (row.maps[c][k] ?? 0) + v;
  return row;
}

function mergeRow<T extends Row>(row: T, other: Row): T {
  for (const c of NUMERIC_COUNTERS) row.numbers[c] += other.numbers[c];
  for (const c of MAP_COUNTERS) for (const [k, v] of Object.entries(other.maps[c])) row.maps[c][k] = (row.maps[c][k] ?? 0) + v;
  return row;
}

function upsert(table: string, keyColumns: string, conflict: string, keys: string, extra: readonly string[]): string {
  const numbers = [
    ...NUMERIC_COUNTERS.map((c) => `${c} ${c.endsWith('_sum') ? 'numeric' : 'integer'}`),
    ...extra.map((c) => `${c} integer`),
  ].join(', ');
  const all = [...NUMERIC_COUNTERS, ...extra, ...MAP_COUNTERS].join(', ');
  const set = [
    ...[...NUMERIC_COUNTERS, ...extra].map((c) => `${c} = t.${c} + excluded.${c}`),
    ...MAP_COUNTERS.map((c) => `${c} = cockpit_jsonb_add(t.${c}, excluded.${c})`),
  ].join(', ');
  return `INSERT INTO ${table} AS t (${keys}, ${all})
    SELECT ${keys}, ${all} FROM jsonb_to_recordset($1::jsonb) AS x(${keyColumns}, ${numbers}, grades jsonb, task_states jsonb)
    ON CONFLICT (${conflict}) DO UPDATE SET ${set}`;
}
