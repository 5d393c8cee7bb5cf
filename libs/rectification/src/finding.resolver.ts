import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, Roles, type Actor } from '@ducha/common';
import { Role } from '@ducha/contracts';
import {
  CreateFindingInput,
  FindingsArgs,
  SetDeadlineRuleInput,
  SetFindingRootCauseInput,
  SetLadderStepInput,
  UpsertRootCauseInput,
} from './dto/finding.inputs.js';
import { DeadlineRule, Finding, FindingPage, LadderStep, RootCause } from './models/finding.model.js';
import { toFindingModel } from './rectification.mapper.js';
import { FindingInboxService } from './services/finding-inbox.service.js';
import { RectificationSettingsService } from './services/rectification-settings.service.js';

@Resolver()
export class FindingResolver {
  constructor(
    private readonly inbox: FindingInboxService,
    private readonly settings: RectificationSettingsService,
  ) {}

  @Query(() => FindingPage, { description: 'Findings (by default the inbox: not yet issued as a task)' })
  async findings(@CurrentActor() actor: Actor, @Args() args: FindingsArgs): Promise<FindingPage> {
    const { items, total } = await this.inbox.list(actor, args);
    const names = await this.inbox.unitNames(items.map((f) => f.departmentId));
    return { items: items.map((f) => toFindingModel(f, names)), total };
  }

  @Roles(Role.INSPECTOR)
  @Mutation(() => Finding, { description: 'A finding entered by hand (inspection, hotline, leader instruction…)' })
  async createFinding(@CurrentActor() actor: Actor, @Args('input') input: CreateFindingInput): Promise<Finding> {
    const finding = await this.inbox.create(actor, input);
    return toFindingModel(finding, await this.inbox.unitNames([finding.departmentId]));
  }

  @Roles(Role.INSPECTOR)
  @Mutation(() => Finding)
  async setFindingRootCause(@CurrentActor() actor: Actor, @Args('input') input: SetFindingRootCauseInput): Promise<Finding> {
    const finding = await this.inbox.setRootCause(actor, input.findingId, input.rootCause);
    return toFindingModel(finding, await this.inbox.unitNames([finding.departmentId]));
  }

  @Query(() => [RootCause], { description: '问题成因 list' })
  rectificationRootCauses(): Promise<RootCause[]> {
    return this.settings.rootCauses();
  }

  @Query(() => [DeadlineRule], { description: 'Default deadlines per source and severity (15 working days when none applies)' })
  rectificationDeadlineRules(): Promise<DeadlineRule[]> {
    return this.settings.deadlineRules();
  }

  @Query(() => [LadderStep], { description: 'The escalation ladder' })
  escalationLadder(): Promise<LadderStep[]> {
    return this.settings.ladder();
  }

  @Roles(Role.ADMIN)
  @Mutation(() => RootCause)
  upsertRootCause(@CurrentActor() actor: Actor, @Args('input') input: UpsertRootCauseInput): Promise<RootCause> {
    return this.settings.upsertRootCause(actor, input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => DeadlineRule)
  setRectificationDeadlineRule(@CurrentActor() actor: Actor, @Args('input') input: SetDeadlineRuleInput): Promise<DeadlineRule> {
    return this.settings.setDeadlineRule(actor, input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => [LadderStep])
  setEscalationLadderStep(@CurrentActor() actor: Actor, @Args('input') input: SetLadderStepInput): Promise<LadderStep[]> {
    return this.settings.setLadderStep(actor, input);
  }
}
