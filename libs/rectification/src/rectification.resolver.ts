import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, Roles, type Actor } from '@ducha/common';
import { Role } from '@ducha/contracts';
import { TransactionRunner } from '@ducha/database';
import type { RectificationTaskEntity } from './entities/rectification-task.entity.js';
import {
  BulkIssueRectificationInput,
  DecideExtensionInput,
  IssueRectificationInput,
  LedgerArgs,
  ReasonInput,
  RecordFollowUpInput,
  RequestExtensionInput,
  ScheduleFollowUpInput,
  SubmitRectificationInput,
  TaskRefInput,
} from './dto/task.inputs.js';
import { DepartmentRectificationRates, RectificationLedger } from './models/ledger.model.js';
import { RectificationTask, RectificationTaskDetail } from './models/rectification-task.model.js';
import { toEvidenceModel, toFindingModel, toTaskModel } from './rectification.mapper.js';
import { EscalationStep } from './rectification.enums.js';
import { LedgerService } from './services/ledger.service.js';
import { RectificationFlowService } from './services/rectification-flow.service.js';
import { RectificationIssueService } from './services/rectification-issue.service.js';
import { RectificationOversightService } from './services/rectification-oversight.service.js';
import { TaskQueryService } from './services/task-query.service.js';

const rate = (n: number, d: number): number | null => (d === 0 ? null : Math.round((n / d) * 10000) / 10000);

@Resolver()
export class RectificationResolver {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly issuing: RectificationIssueService,
    private readonly flow: RectificationFlowService,
    private readonly oversight: RectificationOversightService,
    private readonly query: TaskQueryService,
    private readonly ledger: LedgerService,
  ) {}

  @Query(() => RectificationTaskDetail)
  async rectificationTask(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<RectificationTaskDetail> {
    const d = await this.query.detail(actor, id);
    const clock = await this.query.clock();
    return {
      task: toTaskModel(d.task, d.departmentName, d.findings.length, clock),
      findings: d.findings.map((f) => toFindingModel(f, d.unitNames)),
      departments: d.departments,
      deadlines: d.deadlines,
      extensions: d.extensions,
      reports: d.reports,
      files: d.files.map(toEvidenceModel),
      escalations: d.escalations.map((e) => ({ ...e, step: e.step as EscalationStep })),
      noticePath: `/exports/rectification/${id}/notice.docx`,
    };
  }

  @Query(() => RectificationLedger, {
    description:
      '整改台账, newest first (with a warning level: earliest deadline first). Export: GET /exports/rectification-ledger.xlsx with the same filters',
  })
  async rectificationLedger(@CurrentActor() actor: Actor, @Args() args: LedgerArgs): Promise<RectificationLedger> {
    const { rows, total, counts, clock } = await this.ledger.page(actor, args);
    return { items: rows.map((r) => toTaskModel(r.task, r.departmentName, r.findingCount, clock)), total, counts };
  }

  @Query(() => [DepartmentRectificationRates])
  async rectificationRates(
    @CurrentActor() actor: Actor,
    @Args('from', { nullable: true }) from?: string,
    @Args('to', { nullable: true }) to?: string,
  ): Promise<DepartmentRectificationRates[]> {
    const rows = await this.ledger.rates(actor, { from, to });
    return rows.map((r) => ({
      ...r,
      completionRate: rate(r.closed, r.issued),
      onTimeRate: rate(r.closedOnTime, r.closed),
      overdueRate: rate(r.overdue, r.open),
      clearedDown: r.open === 0,
    }));
  }

  @Roles(Role.INSPECTOR)
  @Mutation(() => RectificationTask, { description: '下发整改: one or more findings of one department become a task' })
  async issueRectification(@CurrentActor() actor: Actor, @Args('input') input: IssueRectificationInput): Promise<RectificationTask> {
    return this.present(await this.issuing.issue(actor, input));
  }

  @Roles(Role.INSPECTOR)
  @Mutation(() => [RectificationTask], { description: 'One task per department from a finalized campaign or check round' })
  async bulkIssueRectification(
    @CurrentActor() actor: Actor,
    @Args('input') input: BulkIssueRectificationInput,
  ): Promise<RectificationTask[]> {
    return this.presentAll(await this.issuing.issueBatch(actor, input));
  }

  @Roles(Role.DEPARTMENT_OFFICER)
  @Mutation(() => RectificationTask)
  async acknowledgeRectification(@CurrentActor() actor: Actor, @Args('input') input: TaskRefInput): Promise<RectificationTask> {
    return this.present(await this.flow.acknowledge(actor, input));
  }

  @Roles(Role.DEPARTMENT_OFFICER)
  @Mutation(() => RectificationTask)
  async startRectification(@CurrentActor() actor: Actor, @Args('input') input: TaskRefInput): Promise<RectificationTask> {
    return this.present(await this.flow.start(actor, input));
  }

  @Roles(Role.DEPARTMENT_OFFICER)
  @Mutation(() => RectificationTask)
  async submitRectification(@CurrentActor() actor: Actor, @Args('input') input: SubmitRectificationInput): Promise<RectificationTask> {
    return this.present(await this.flow.submit(actor, input));
  }

  @Roles(Role.INSPECTOR)
  @Mutation(() => RectificationTask)
  async returnRectification(@CurrentActor() actor: Actor, @Args('input') input: ReasonInput): Promise<RectificationTask> {
    return this.present(await this.flow.returnTask(actor, input));
  }

  @Roles(Role.INSPECTOR)
  @Mutation(() => RectificationTask)
  async verifyRectification(@CurrentActor() actor: Actor, @Args('input') input: TaskRefInput): Promise<RectificationTask> {
    return this.present(await this.flow.verify(actor, input));
  }

  @Roles(Role.INSPECTOR)
  @Mutation(() => RectificationTask, { description: '销号' })
  async closeRectification(@CurrentActor() actor: Actor, @Args('input') input: TaskRefInput): Promise<RectificationTask> {
    return this.present(await this.flow.close(actor, input));
  }

  @Roles(Role.INSPECTOR)
  @Mutation(() => RectificationTask)
  async cancelRectification(@CurrentActor() actor: Actor, @Args('input') input: ReasonInput): Promise<RectificationTask> {
    return this.present(await this.oversight.cancel(actor, input));
  }

  @Roles(Role.DEPARTMENT_OFFICER)
  @Mutation(() => RectificationTask)
  async requestRectificationExtension(
    @CurrentActor() actor: Actor,
    @Args('input') input: RequestExtensionInput,
  ): Promise<RectificationTask> {
    return this.present(await this.oversight.requestExtension(actor, input));
  }

  @Roles(Role.INSPECTOR)
  @Mutation(() => RectificationTask)
  async decideRectificationExtension(@CurrentActor() actor: Actor, @Args('input') input: DecideExtensionInput): Promise<RectificationTask> {
    return this.present(await this.oversight.decideExtension(actor, input));
  }

  @Roles(Role.INSPECTOR)
  @Mutation(() => RectificationTask)
  async scheduleRectificationFollowUp(
    @CurrentActor() actor: Actor,
    @Args('input') input: ScheduleFollowUpInput,
  ): Promise<RectificationTask> {
    return this.present(await this.oversight.scheduleFollowUp(actor, input));
  }

  @Roles(Role.INSPECTOR)
  @Mutation(() => RectificationTask, { description: '回头看: passes, or reopens the task with a new deadline' })
  async recordRectificationFollowUp(@CurrentActor() actor: Actor, @Args('input') input: RecordFollowUpInput): Promise<RectificationTask> {
    return this.present(await this.oversight.recordFollowUp(actor, input));
  }

  private async present(task: RectificationTaskEntity): Promise<RectificationTask> {
    return (await this.presentAll([task]))[0];
  }

  /** Names and finding counts for any number of tasks in one statement. */
  private async presentAll(tasks: RectificationTaskEntity[]): Promise<RectificationTask[]> {
    const rows: { id: string; name: string; n: number }[] = tasks.length
      ? await this.tx.manager.query(
          `SELECT t.id, u.name, (SELECT count(*)::int FROM finding f WHERE f.task_id = t.id) AS n FROM rectification_task t JOIN unit u ON u.id = t.department_id WHERE t.id = ANY($1)`,
          [tasks.map((t) => t.id)],
        )
      : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    const clock = await this.query.clock();
    return tasks.map((t) => toTaskModel(t, byId.get(t.id)?.name ?? '', byId.get(t.id)?.n ?? 0, clock));
  }
}
