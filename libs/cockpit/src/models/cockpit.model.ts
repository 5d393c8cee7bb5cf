import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { CockpitAssessment } from './cockpit-assessment.model.js';
import { CountByKey } from './count-by-key.model.js';

export { CountByKey };

@ObjectType()
export class CockpitKpis {
  @Field(() => Int) filesReviewed: number;
  @Field(() => Float, { nullable: true }) meanScore: number | null;
  @Field(() => Float, { nullable: true }) passRate: number | null;
  @Field(() => Int) complianceChecks: number;
  @Field(() => Float, { nullable: true }) meanComplianceScore: number | null;
  @Field(() => Float, { nullable: true }) disclosureOnTimeRate: number | null;
  @Field(() => Float, { nullable: true }) legalReviewCoverage: number | null;
  @Field(() => Float, { nullable: true }) avFiledRate: number | null;
  @Field(() => Int) tasksIssued: number;
  @Field(() => Int) tasksOpen: number;
  @Field(() => Int) tasksClosed: number;
  @Field(() => Int) tasksCancelled: number;
  @Field(() => Int, { description: 'Open tasks past their deadline now (any period)' }) tasksOverdue: number;
  @Field(() => Float, { nullable: true, description: 'closed / (issued − cancelled)' }) completionRate: number | null;
  @Field(() => Float, { nullable: true, description: 'closed on time / closed' }) onTimeRate: number | null;
  @Field(() => Int, { description: 'Departments with tasks issued in the period' }) departmentsWithTasks: number;
  @Field(() => Int, { description: 'Of those, departments with none left open (清零)' }) departmentsCleared: number;
  @Field(() => Float, { nullable: true }) clearDownRate: number | null;
}

@ObjectType()
export class DepartmentFigures {
  @Field(() => Int) rank: number;
  @Field(() => ID) departmentId: string;
  @Field() departmentName: string;
  @Field(() => Int) filesReviewed: number;
  @Field(() => Float, { nullable: true }) meanScore: number | null;
  @Field(() => Float, { nullable: true }) passRate: number | null;
  @Field(() => [CountByKey]) grades: CountByKey[];
  @Field(() => Float, { nullable: true, description: 'Three-systems check score (mean of the rounds in the period)' }) complianceScore:
    number | null;
  @Field(() => Float, { nullable: true }) disclosureOnTimeRate: number | null;
  @Field(() => Float, { nullable: true }) legalReviewCoverage: number | null;
  @Field(() => Float, { nullable: true }) avFiledRate: number | null;
  @Field(() => Int) tasksIssued: number;
  @Field(() => Int) tasksOpen: number;
  @Field(() => Float, { nullable: true }) completionRate: number | null;
  @Field(() => Float, { nullable: true }) onTimeRate: number | null;
}

@ObjectType()
export class OverdueTask {
  @Field(() => ID) taskId: string;
  @Field() taskNo: string;
  @Field(() => ID) departmentId: string;
  @Field() departmentName: string;
  @Field() state: string;
  @Field() deadline: string;
  @Field(() => Int) daysOverdue: number;
}

@ObjectType()
export class TrendPoint {
  @Field() month: string;
  @Field(() => Int) filesReviewed: number;
  @Field(() => Float, { nullable: true }) meanScore: number | null;
  @Field(() => Int) tasksIssued: number;
  @Field(() => Int) tasksClosed: number;
  @Field(() => Int) complianceChecks: number;
}

@ObjectType({ description: 'Everything the cockpit shows, as of one seq: apply socket events with a greater seq' })
export class Cockpit {
  @Field(() => ID) regionId: string;
  @Field() period: string;
  @Field(() => Float, { description: 'The last event seq these figures include' }) asOfSeq: number;
  @Field(() => CockpitKpis) kpis: CockpitKpis;
  @Field(() => Int) departmentTotal: number;
  @Field(() => [DepartmentFigures], { description: 'Departments ranked by mean review score (paged)' }) ranking: DepartmentFigures[];
  @Field(() => [CountByKey]) gradeDistribution: CountByKey[];
  @Field(() => [CountByKey], { description: 'Tasks issued in the period, by current state' }) rectificationFunnel: CountByKey[];
  @Field(() => [CountByKey], {
    description: 'Open tasks by warning level on the official calendar: RED (overdue), YELLOW (≤ 3 working days left), GREEN',
  })
  warningLevels: CountByKey[];
  @Field(() => [OverdueTask], { description: 'The 20 most overdue open tasks' }) overdue: OverdueTask[];
  @Field(() => [TrendPoint], { description: 'The months of the period’s year up to the period' }) trend: TrendPoint[];
  @Field(() => CockpitAssessment) assessment: CockpitAssessment;
}
