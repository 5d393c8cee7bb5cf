import { Injectable, Logger } from '@nestjs/common';
import { CalendarService } from '@ducha/calendar';
import { pageWindow, type Actor } from '@ducha/common';
import { AccessPolicy, OrgService } from '@ducha/org';
import { DataSource, type EntityManager } from 'typeorm';
import { readAssessment } from './cockpit-assessment.read.js';
import type { CockpitArgs } from './dto/cockpit.args.js';
import type { Cockpit, CockpitKpis, CountByKey, DepartmentFigures, OverdueTask, TrendPoint } from './models/cockpit.model.js';
import { shanghaiToday, warningBands, type WarningBands } from './warning-bands.js';

type Counters = Record<string, any>;
const rate = (num: number, den: number): number | null => (den > 0 ? Math.round((num / den) * 10000) / 10000 : null);
const mean = (sum: number, n: number): number | null => (n > 0 ? Math.round((sum / n) * 100) / 100 : null);
const counts = (map: Record<string, number> | null): CountByKey[] =>
  Object.entries(map ?? {})
    .map(([key, count]) => ({ key, count: Number(count) }))
    .sort((a, b) => a.key.localeCompare(b.key));

/**
 * The cockpit snapshot: reads only the maintained counters (a handful of indexed rows whatever the
 * region's size: the region's own row holds its department counts), all in one repeatable-read
 * transaction with the seq they are as of.
 */
@Injectable()
export class CockpitService {
  private readonly logger = new Logger('Cockpit');

  constructor(
    private readonly dataSource: DataSource,
    private readonly org: OrgService,
    private readonly calendar: CalendarService,
  ) {}

  async snapshot(actor: Actor, args: CockpitArgs): Promise<Cockpit> {
    const region = await this.org.findRegion(actor, args.regionId);
    AccessPolicy.enforce(AccessPolicy.canReadRegion(actor, region.path));
    const { skip, take } = pageWindow(args);
    const bands = warningBands(shanghaiToday(), await this.calendar.calendar(), (message) => this.logger.warn(message));
    const read = await this.dataSource.transaction('REPEATABLE READ', async (m) => ({
      ...(await this.read(m, region.path, args.period, skip, take, bands)),
      assessment: await readAssessment(m, region.path, args.period, bands.today),
    }));
    const ids = [...read.departments.map((d) => d.department_id as string), ...read.assessment.ranking.map((d) => d.departmentId)];
    const names = new Map((await this.org.unitsByIds([...new Set(ids)])).map((u) => [u.id, u.name]));
    const r = read.region;
    const [withTasks, cleared] = [Number(r.departments_with_tasks ?? 0), Number(r.departments_cleared ?? 0)];
    return {
      regionId: region.id,
      period: args.period,
      asOfSeq: read.asOfSeq,
      kpis: {
        ...kpis(r),
        tasksOverdue: read.warnings.red,
        departmentsWithTasks: withTasks,
        departmentsCleared: cleared,
        clearDownRate: rate(cleared, withTasks),
      },
      departmentTotal: Number(r.departments ?? 0),
      ranking: read.departments.map((d, i) => departmentFigures(d, skip + i + 1, names.get(d.department_id) ?? '')),
      gradeDistribution: counts(r.grades),
      rectificationFunnel: counts(r.task_states),
      warningLevels: [
        { key: 'RED', count: read.warnings.red },
        { key: 'YELLOW', count: read.warnings.yellow },
        { key: 'GREEN', count: read.warnings.green },
      ],
      overdue: read.overdue,
      trend: read.trend,
      assessment: {
        ...read.assessment,
        ranking: read.assessment.ranking.map((d) => ({ ...d, departmentName: names.get(d.departmentId) ?? '' })),
      },
    };
  }

  private async read(m: EntityManager, path: string, period: string, skip: number, take: number, bands: WarningBands) {
    const like = `${path}%`;
    const { today, yellowUntil } = bands;
    const [{ as_of_seq }] = await m.query('SELECT as_of_seq FROM cockpit_state WHERE id = 1');
    const [region = {}] = await m.query('SELECT * FROM cockpit_region_period WHERE region_path = $1 AND period = $2', [path, period]);
    const departments: Counters[] = await m.query(
      `SELECT * FROM cockpit_department_period WHERE period = $1 AND region_path LIKE $2
        ORDER BY CASE WHEN files_reviewed > 0 THEN score_sum / files_reviewed END DESC NULLS LAST, department_id OFFSET $3 LIMIT $4`,
      [period, like, skip, take],
    );
    // Warning levels on the official calendar: red past the deadline, yellow with at most three working days left.
    const [warnings] = await m.query(
      `SELECT coalesce(sum(open_tasks) FILTER (WHERE deadline < $2), 0)::int AS red,
              coalesce(sum(open_tasks) FILTER (WHERE deadline >= $2 AND deadline <= $3), 0)::int AS yellow,
              coalesce(sum(open_tasks) FILTER (WHERE deadline > $3), 0)::int AS green
         FROM cockpit_region_deadline WHERE region_path = $1`,
      [path, today, yellowUntil],
    );
    // The 20th most overdue deadline in this region, from the per-deadline counts: the task scan
    // then reads only the (deadline, task_no) index up to it, whatever the region's size. (The
    // text of the deadline is named `due`: named `deadline` it would be what ORDER BY sorts on, and
    // a text sort cannot use the index: 75 ms against under 1 ms at 300,000 tasks.)
    const [{ cutoff }] = await m.query(
      `SELECT max(deadline)::text AS cutoff FROM (
         SELECT deadline, sum(open_tasks) OVER (ORDER BY deadline) - open_tasks AS before
           FROM cockpit_region_deadline WHERE region_path = $1 AND deadline < $2) d WHERE before < 20`,
      [path, today],
    );
    const overdue: OverdueTask[] = cutoff
      ? (
          await m.query(
            `SELECT task_id, task_no, department_id, department_name, state, deadline::text AS due, ($2::date - deadline) AS days
               FROM cockpit_task WHERE is_open AND deadline <= $3 AND region_path LIKE $1 ORDER BY deadline, task_no LIMIT 20`,
            [like, today, cutoff],
          )
        ).map((r: Counters) => ({
          taskId: r.task_id,
          taskNo: r.task_no,
          departmentId: r.department_id,
          departmentName: r.department_name,
          state: r.state,
          deadline: r.due,
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
      departments,
      warnings: warnings as { red: number; yellow: number; green: number },
      overdue,
      trend,
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
