import { Injectable, Logger } from '@nestjs/common';
import { CalendarService } from '@ducha/calendar';
import { pageWindow, type Actor } from '@ducha/common';
import { AccessPolicy, OrgService } from '@ducha/org';
import { DataSource } from 'typeorm';
import { assessmentFigures, type AssessmentRead, type RegionAssessmentRow } from './cockpit-assessment.shape.js';
import { COCKPIT_SNAPSHOT_SQL } from './cockpit-snapshot.sql.js';
import type { CockpitArgs } from './dto/cockpit.args.js';
import type { Cockpit, CockpitKpis, CountByKey, DepartmentFigures, OverdueTask, TrendPoint } from './models/cockpit.model.js';
import { shanghaiToday, warningBands } from './warning-bands.js';

type Counters = Record<string, any>;
const rate = (num: number, den: number): number | null => (den > 0 ? Math.round((num / den) * 10000) / 10000 : null);
const mean = (sum: number, n: number): number | null => (n > 0 ? Math.round((sum / n) * 100) / 100 : null);
const counts = (map: Record<string, number> | null): CountByKey[] =>
  Object.entries(map ?? {})
    .map(([key, count]) => ({ key, count: Number(count) }))
    .sort((a, b) => a.key.localeCompare(b.key));

/** The row the snapshot statement returns (cockpit-snapshot.sql.ts). */
interface SnapshotRow {
  as_of_seq: string;
  region: Counters | null;
  departments: Counters[];
  warnings: { red: number; yellow: number; green: number };
  overdue: Counters[];
  trend: Counters[];
  assessment_quarter: number | null;
  assessment_rows: RegionAssessmentRow[];
  assessment_ranking: AssessmentRead['ranking'];
  measures_late: string;
  late_measures: AssessmentRead['lateMeasures'];
}

/**
 * The cockpit snapshot: reads only the maintained counters (a handful of indexed rows whatever the
 * region's size: the region's own row holds its department counts), in one statement, hence one
 * snapshot with the seq it is as of.
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
    const { today, yellowUntil } = warningBands(shanghaiToday(), await this.calendar.calendar(), (message) => this.logger.warn(message));
    const { period } = args;
    const year = Number(period.slice(0, 4));
    const yearly = period.length === 4;
    const [row]: SnapshotRow[] = await this.dataSource.query(COCKPIT_SNAPSHOT_SQL, [
      region.path,
      period,
      skip,
      take,
      today,
      yellowUntil,
      year,
      yearly ? 4 : Math.ceil(Number(period.slice(5, 7)) / 3),
      `${region.path}%`,
      `${year}-%`,
      yearly ? `${year}-12` : period,
    ]);
    const r = row.region ?? {};
    const [withTasks, cleared] = [Number(r.departments_with_tasks ?? 0), Number(r.departments_cleared ?? 0)];
    const warnings = row.warnings;
    return {
      regionId: region.id,
      period,
      asOfSeq: Number(row.as_of_seq),
      kpis: {
        ...kpis(r),
        tasksOverdue: warnings.red,
        departmentsWithTasks: withTasks,
        departmentsCleared: cleared,
        clearDownRate: rate(cleared, withTasks),
      },
      departmentTotal: Number(r.departments ?? 0),
      ranking: row.departments.map((d, i) => departmentFigures(d, skip + i + 1)),
      gradeDistribution: counts(r.grades),
      rectificationFunnel: counts(r.task_states),
      warningLevels: [
        { key: 'RED', count: warnings.red },
        { key: 'YELLOW', count: warnings.yellow },
        { key: 'GREEN', count: warnings.green },
      ],
      overdue: row.overdue.map(overdueTask),
      trend: row.trend.map(trendPoint),
      assessment: assessmentFigures({
        year,
        quarter: row.assessment_quarter,
        rows: row.assessment_rows,
        ranking: row.assessment_ranking,
        measuresLate: Number(row.measures_late),
        lateMeasures: row.late_measures,
      }),
    };
  }
}

function overdueTask(t: Counters): OverdueTask {
  return {
    taskId: t.task_id,
    taskNo: t.task_no,
    departmentId: t.department_id,
    departmentName: t.department_name,
    state: t.state,
    deadline: t.due,
    daysOverdue: Number(t.days),
  };
}

function trendPoint(p: Counters): TrendPoint {
  return {
    month: p.period,
    filesReviewed: p.files_reviewed,
    meanScore: mean(Number(p.score_sum), p.files_reviewed),
    tasksIssued: p.tasks_issued,
    tasksClosed: p.tasks_closed,
    complianceChecks: p.checks,
  };
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

function departmentFigures(d: Counters, rank: number): DepartmentFigures {
  const k = kpis(d);
  return {
    rank,
    departmentId: d.department_id,
    departmentName: d.department_name ?? '',
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
