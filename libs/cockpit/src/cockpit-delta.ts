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
 * then written with one upsert per table: a batch of 500 events costs two statements.
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

  add(departmentId: string, regionPath: string, periods: readonly string[], delta: Delta): void {
    for (const period of periods) {
      const d = this.departments.get(`${departmentId}|${period}`) ?? { departmentId, period, regionPath, ...empty() };
      this.departments.set(`${departmentId}|${period}`, merge(d, delta));
      for (const path of ancestorPaths(regionPath)) {
        const r = this.regions.get(`${path}|${period}`) ?? { regionPath: path, period, ...empty() };
        this.regions.set(`${path}|${period}`, merge(r, delta));
      }
    }
  }

  async flush(m: EntityManager): Promise<void> {
    const deadlines = [...this.deadlines]
      .filter(([, n]) => n !== 0)
      .map(([key, n]) => ({ region_path: key.split('|')[0], deadline: key.split('|')[1], n }));
    this.deadlines.clear();
    if (deadlines.length > 0) {
      await m.query(
        `INSERT INTO cockpit_region_deadline AS t (region_path, deadline, open_tasks)
         SELECT region_path, deadline, n FROM jsonb_to_recordset($1::jsonb) AS x(region_path text, deadline date, n integer)
         ON CONFLICT (region_path, deadline) DO UPDATE SET open_tasks = t.open_tasks + excluded.open_tasks`,
        [JSON.stringify(deadlines)],
      );
      await m.query('DELETE FROM cockpit_region_deadline WHERE open_tasks = 0');
    }
    if (this.departments.size === 0) return;
    const nonZero = (map: Record<string, number>) => Object.fromEntries(Object.entries(map).filter(([, v]) => v !== 0));
    const flat = (row: Row) => ({ ...row.numbers, grades: nonZero(row.maps.grades), task_states: nonZero(row.maps.task_states) });
    const departments = [...this.departments.values()].map((r) => ({
      department_id: r.departmentId,
      period: r.period,
      region_path: r.regionPath,
      ...flat(r),
    }));
    const regions = [...this.regions.values()].map((r) => ({ region_path: r.regionPath, period: r.period, ...flat(r) }));
    await m.query(
      upsert(
        'cockpit_department_period',
        'department_id uuid, period text, region_path text',
        'department_id, period',
        'department_id, period, region_path',
      ),
      [JSON.stringify(departments)],
    );
    await m.query(upsert('cockpit_region_period', 'region_path text, period text', 'region_path, period', 'region_path, period'), [
      JSON.stringify(regions),
    ]);
    this.departments.clear();
    this.regions.clear();
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

function upsert(table: string, keyColumns: string, conflict: string, keys: string): string {
  const numbers = NUMERIC_COUNTERS.map((c) => `${c} ${c.endsWith('_sum') ? 'numeric' : 'integer'}`).join(', ');
  const all = [...NUMERIC_COUNTERS, ...MAP_COUNTERS].join(', ');
  const set = [
    ...NUMERIC_COUNTERS.map((c) => `${c} = t.${c} + excluded.${c}`),
    ...MAP_COUNTERS.map((c) => `${c} = cockpit_jsonb_add(t.${c}, excluded.${c})`),
  ].join(', ');
  return `INSERT INTO ${table} AS t (${keys}, ${all})
    SELECT ${keys}, ${all} FROM jsonb_to_recordset($1::jsonb) AS x(${keyColumns}, ${numbers}, grades jsonb, task_states jsonb)
    ON CONFLICT (${conflict}) DO UPDATE SET ${set}`;
}
