import { Injectable } from '@nestjs/common';
import { pageWindow, type Actor } from '@ducha/common';
import { AccessPolicy, OrgService } from '@ducha/org';
import { DataSource, type EntityManager } from 'typeorm';
import type { CockpitArgs } from './dto/cockpit.args.js';
import type { Cockpit, CockpitKpis, CountByKey, DepartmentFigures, OverdueTask, TrendPoint } from './models/cockpit.model.js';

type Counters = Record<string, any>;
const rate = (num: number, den: number): number | null => (den > 0 ? Math.round((num / den) * 10000) / 10000 : null);
const mean = (sum: number, n: number): number | null => (n > 0 ? Math.round((sum / n) * 100) / 100 : null);
const counts = (map: Record<string, number> | null): CountByKey[] =>
  Object.entries(map ?? {})
    .map(([key, count]) => ({ key, count: Number(count) }))
    .sort((a, b) => a.key.localeCompare(b.key));
const todayInShanghai = (): string => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * The cockpit snapshot: reads only the maintained counters (a handful of indexed rows whatever the
 * region's size), all in one repeatable-read transaction with the seq they are as of.
 */
@Injectable()
export class CockpitService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly org: OrgService,
  ) {}

  async snapshot(actor: Actor, args: CockpitArgs): Promise<Cockpit> {
    const region = await this.org.findRegion(actor, args.regionId);
    AccessPolicy.enforce(AccessPolicy.canReadRegion(actor, region.path));
    const { skip, take } = pageWindow(args);
    const read = await this.dataSource.transaction('REPEATABLE READ', (m) => this.read(m, region.path, args.period, skip, take));
    const names = new Map((await this.org.unitsByIds(read.departments.map((d) => d.department_id))).map((u) => [u.id, u.name]));
    return {
      regionId: region.id,
      period: args.period,
      asOfSeq: read.asOfSeq,
      kpis: { ...kpis(read.region), tasksOverdue: read.warnings.overdue, ...clearDown(read.clear) },
      departmentTotal: read.departmentTotal,
      ranking: read.departments.map((d, i) => departmentFigures(d, skip + i + 1, names.get(d.department_id) ?? '')),
      gradeDistribution: counts(read.region.grades),
      rectificationFunnel: counts(read.region.task_states),
      warningLevels: [
        { key: 'OVERDUE', count: read.warnings.overdue },
        { key: 'DUE_3_DAYS', count: read.warnings.due3 },
        { key: 'DUE_7_DAYS', count: read.warnings.due7 },
      ],
      overdue: read.overdue,
      trend: read.trend,
    };
  }

  private async read(m: EntityManager, path: string, period: string, skip: number, take: number) {
    const like = `${path}%`;
    const today = todayInShanghai();
    const [{ as_of_seq }] = await m.query('SELECT as_of_seq FROM cockpit_state WHERE id = 1');
    const [region = {}] = await m.query('SELECT * FROM cockpit_region_period WHERE region_path = $1 AND period = $2', [path, period]);
    const [{ total, with_tasks, cleared }] = await m.query(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE tasks_issued > 0)::int AS with_tasks,
              count(*) FILTER (WHERE tasks_issued > 0 AND tasks_issued = tasks_closed + tasks_cancelled)::int AS cleared
         FROM cockpit_department_period WHERE period = $1 AND region_path LIKE $2`,
      [period, like],
    );
    const departments: Counters[] = await m.query(
      `SELECT * FROM cockpit_department_period WHERE period = $1 AND region_path LIKE $2
        ORDER BY CASE WHEN files_reviewed > 0 THEN score_sum / files_reviewed END DESC NULLS LAST, department_id OFFSET $3 LIMIT $4`,
      [period, like, skip, take],
    );
    const [w] = await m.query(
      `SELECT coalesce(sum(open_tasks) FILTER (WHERE deadline < $2), 0)::int AS overdue,
              coalesce(sum(open_tasks) FILTER (WHERE deadline >= $2 AND deadline <= $2::date + 3), 0)::int AS due3,
              coalesce(sum(open_tasks) FILTER (WHERE deadline > $2::date + 3 AND deadline <= $2::date + 7), 0)::int AS due7
         FROM cockpit_region_deadline WHERE region_path = $1`,
      [path, today],
    );
    // The 20th most overdue deadline in this region, from the per-deadline counts: the task scan
    // then reads only the index range up to it, whatever the region's size.
    const [{ cutoff }] = await m.query(
      `SELECT max(deadline)::text AS cutoff FROM (
         SELECT deadline, sum(open_tasks) OVER (ORDER BY deadline) - open_tasks AS before
           FROM cockpit_region_deadline WHERE region_path = $1 AND deadline < $2) d WHERE before < 20`,
      [path, today],
    );
    const overdue: OverdueTask[] = cutoff
      ? (
          await m.query(
            `SELECT task_id, task_no, department_id, department_name, state, deadline::text AS deadline, ($2::date - deadline) AS days
               FROM cockpit_task WHERE is_open AND deadline <= $3 AND region_path LIKE $1 ORDER BY deadline, task_no LIMIT 20`,
            [like, today, cutoff],
          )
        ).map((r: Counters) => ({
          taskId: r.task_id,
          taskNo: r.task_no,
          departmentId: r.department_id,
          departmentName: r.department_name,
          state: r.state,
          deadline: r.deadline,
          daysOverdue: Number(r.days),
        }))
      : [];
    const year = period.slice(0, 4);
    const trend: TrendPoint[] = (
      await m.query(`SELECT * FROM cockpit_region_period WHERE region_path = $1 AND period LIKE $2 AND period <= $3 ORDER BY period`, [
        path,
        `${year}-%`,
        period.length === 4 ? `${year}-12` : period,
      ])
    ).map((r: Counters) => ({
      month: r.period,
      filesReviewed: r.files_reviewed,
      meanScore: mean(Number(r.score_sum), r.files_reviewed),
      tasksIssued: r.tasks_issued,
      tasksClosed: r.tasks_closed,
      complianceChecks: r.checks,
    }));
    return {
      asOfSeq: Number(as_of_seq),
      region: region as Counters,
      departmentTotal: total,
      departments,
      warnings: w,
      overdue,
      trend,
      clear: { with_tasks, cleared },
    };
  }
}

function kpis(r: Counters): Omit<CockpitKpis, 'tasksOverdue' | 'departmentsWithTasks' | 'departmentsCleared' | 'clearDownRate'> {
  const n = (k: string) => Number(r[k] ?? 0);
  return {
    filesReviewed: n('files_reviewed'),
    meanScore: mean(n('score_sum'), n('files_reviewed')),
    passRate: rate(n('files_passed'), n('files_reviewed')),
    complianceChecks: n('checks'),
    meanComplianceScore: mean(n('check_score_sum'), n('checks')),
    disclosureOnTimeRate: rate(n('disclosure_passed'), n('disclosure_total')),
    legalReviewCoverage: rate(n('legal_review_passed'), n('legal_review_total')),
    avFiledRate: rate(n('av_passed'), n('av_total')),
    tasksIssued: n('tasks_issued'),
    tasksOpen: n('tasks_issued') - n('tasks_closed') - n('tasks_cancelled'),
    tasksClosed: n('tasks_closed'),
    tasksCancelled: n('tasks_cancelled'),
    completionRate: rate(n('tasks_closed'), n('tasks_issued') - n('tasks_cancelled')),
    onTimeRate: rate(n('tasks_closed_on_time'), n('tasks_closed')),
  };
}

function clearDown(c: {
  with_tasks: number;
  cleared: number;
}): Pick<CockpitKpis, 'departmentsWithTasks' | 'departmentsCleared' | 'clearDownRate'> {
  return { departmentsWithTasks: c.with_tasks, departmentsCleared: c.cleared, clearDownRate: rate(c.cleared, c.with_tasks) };
}

function departmentFigures(d: Counters, rank: number, name: string): DepartmentFigures {
  const k = kpis(d);
  return {
    rank,
    departmentId: d.department_id,
    departmentName: name,
    filesReviewed: k.filesReviewed,
    meanScore: k.meanScore,
    passRate: k.passRate,
    grades: counts(d.grades),
    complianceScore: k.meanComplianceScore,
    disclosureOnTimeRate: k.disclosureOnTimeRate,
    legalReviewCoverage: k.legalReviewCoverage,
    avFiledRate: k.avFiledRate,
    tasksIssued: k.tasksIssued,
    tasksOpen: k.tasksOpen,
    completionRate: k.completionRate,
    onTimeRate: k.onTimeRate,
  };
}
