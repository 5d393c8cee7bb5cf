import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, GraphQLJSON, PageArgs, type Actor } from '@ducha/common';
import {
  AssessmentFramework,
  AssessmentFrameworkPage,
  AssessmentMeasurePage,
  AssessmentMeasuresArgs,
  AssessmentPeriodArgs,
  AssessmentResult,
  AssessmentSelfScore,
  AssessmentSelfScoresArgs,
  AssessmentStatistic,
  AssessmentStatisticsArgs,
  MeasureProgress,
  MeasureProgressInput,
  NotApplicableInput,
  SelfReportScoreInput,
  StatisticsInput,
} from './assessment.models.js';
import { toFramework, toProgress, toResult, toSelfScore, toStatistic } from './assessment.mapper.js';
import { AssessmentScoringService } from './assessment-scoring.service.js';
import { EvidenceService } from './evidence.service.js';
import { FrameworkService } from './framework.service.js';
import { PlanService } from './plan.service.js';
import { StatisticsService } from './statistics.service.js';

/** Target management and assessment over GraphQL; every rule lives in the services. */
@Resolver()
export class AssessmentResolver {
  constructor(
    private readonly frameworksService: FrameworkService,
    private readonly plan: PlanService,
    private readonly statistics: StatisticsService,
    private readonly scoring: AssessmentScoringService,
    private readonly evidence: EvidenceService,
  ) {}

  @Mutation(() => AssessmentFramework, {
    description: 'Imports one framework version (JSON as in indicators/demo-county-framework-2026.json)',
  })
  async importAssessmentFramework(
    @CurrentActor() actor: Actor,
    @Args('framework', { type: () => GraphQLJSON }) framework: unknown,
  ): Promise<AssessmentFramework> {
    return toFramework(await this.frameworksService.importFramework(actor, framework));
  }

  @Query(() => AssessmentFrameworkPage)
  async assessmentFrameworks(@CurrentActor() actor: Actor, @Args() args: PageArgs): Promise<AssessmentFrameworkPage> {
    const { items, total } = await this.frameworksService.list(actor, args);
    return { items: items.map(toFramework), total };
  }

  @Query(() => AssessmentFramework)
  async assessmentFramework(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<AssessmentFramework> {
    return toFramework(await this.frameworksService.get(actor, id));
  }

  @Mutation(() => [String], {
    description: 'Marks an indicator not applicable to a department (or clears it); returns the department’s not-applicable codes',
  })
  async setIndicatorNotApplicable(@CurrentActor() actor: Actor, @Args('input') input: NotApplicableInput): Promise<string[]> {
    return this.frameworksService.setNotApplicable(actor, input);
  }

  @Query(() => AssessmentMeasurePage)
  async assessmentMeasures(@CurrentActor() actor: Actor, @Args() args: AssessmentMeasuresArgs): Promise<AssessmentMeasurePage> {
    const { items, total } = await this.plan.measures(actor, args);
    const progress = await this.plan.progressOf(items.map((i: any) => i.id));
    const files = await this.evidence.filesOf(progress.map((p: any) => p.id));
    return {
      total,
      items: items.map((i: any) => ({
        id: i.id,
        taskCode: i.task_code,
        taskTitle: i.task_title,
        code: i.code,
        title: i.title,
        leadUnitId: i.lead_unit_id,
        leadUnitName: i.lead_unit_name,
        departmentIds: i.department_ids,
        departmentNames: i.department_names,
        deadline: typeof i.deadline === 'string' ? i.deadline : i.deadline.toISOString().slice(0, 10),
        indicatorCode: i.indicator_code,
        status: i.status,
        overdue: i.overdue_at !== null,
        progress: progress.filter((p: any) => p.measure_id === i.id).map((p: any) => toProgress(p, files)),
      })),
    };
  }

  @Mutation(() => MeasureProgress)
  async reportMeasureProgress(@CurrentActor() actor: Actor, @Args('input') input: MeasureProgressInput): Promise<MeasureProgress> {
    const row = await this.plan.reportProgress(actor, input);
    return toProgress(row, await this.evidence.filesOf([row.id]));
  }

  @Mutation(() => [AssessmentStatistic], {
    description: 'A department’s figures for one quarter; once per quarter, then correct with a reason',
  })
  async submitAssessmentStatistics(@CurrentActor() actor: Actor, @Args('input') input: StatisticsInput): Promise<AssessmentStatistic[]> {
    const rows =
      input.reason === undefined
        ? await this.statistics.submit(actor, input)
        : await this.statistics.correct(actor, { ...input, reason: input.reason });
    return rows.map(toStatistic);
  }

  @Query(() => [AssessmentStatistic])
  async assessmentStatistics(@CurrentActor() actor: Actor, @Args() args: AssessmentStatisticsArgs): Promise<AssessmentStatistic[]> {
    return (await this.statistics.list(actor, args)).map(toStatistic);
  }

  @Mutation(() => Boolean)
  async scoreSelfReportIndicator(@CurrentActor() actor: Actor, @Args('input') input: SelfReportScoreInput): Promise<boolean> {
    await this.scoring.scoreSelfReport(actor, { ...input, quarter: input.quarter ?? 0 });
    return true;
  }

  @Query(() => [AssessmentSelfScore], { description: 'The SELF_REPORT scores given to one department for the period (office staff)' })
  async assessmentSelfScores(@CurrentActor() actor: Actor, @Args() args: AssessmentSelfScoresArgs): Promise<AssessmentSelfScore[]> {
    return (await this.scoring.selfScores(actor, { ...args, quarter: args.quarter ?? 0 })).map(toSelfScore);
  }

  @Mutation(() => [AssessmentResult], {
    description: 'Computes and ranks every department’s score for the quarter (year so far) or the year',
  })
  async computeAssessmentScores(@CurrentActor() actor: Actor, @Args() args: AssessmentPeriodArgs): Promise<AssessmentResult[]> {
    return (await this.scoring.computeScores(actor, { ...args, quarter: args.quarter ?? 0 })).map(toResult);
  }

  @Mutation(() => [AssessmentResult])
  async publishAssessmentScores(@CurrentActor() actor: Actor, @Args() args: AssessmentPeriodArgs): Promise<AssessmentResult[]> {
    return (await this.scoring.publish(actor, { ...args, quarter: args.quarter ?? 0 })).map(toResult);
  }

  @Query(() => [AssessmentResult], { description: 'Ranked results; departments see their own once published' })
  async assessmentResults(@CurrentActor() actor: Actor, @Args() args: AssessmentPeriodArgs): Promise<AssessmentResult[]> {
    return (await this.scoring.results(actor, { ...args, quarter: args.quarter ?? 0 })).map(toResult);
  }
}
