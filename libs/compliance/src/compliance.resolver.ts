import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, GraphQLJSON, type Actor } from '@ducha/common';
import { CheckService } from './check.service.js';
import { ChecklistService } from './checklist.service.js';
import { ComplianceViews, toChecklistModel, toRoundModel } from './compliance-views.service.js';
import {
  ComplianceChecklistsArgs,
  ComplianceRatesArgs,
  CreateComplianceRoundInput,
  SaveComplianceCheckInput,
} from './dto/compliance.inputs.js';
import {
  ComplianceCheck,
  ComplianceChecklist,
  ComplianceChecklistPage,
  ComplianceRound,
  ComplianceRoundPage,
  ComplianceRoundResults,
  DepartmentComplianceRatePage,
} from './models/compliance.models.js';
import { ResultsService } from './results/results.service.js';
import { RoundService } from './round.service.js';
import { ScreeningService } from './screening.service.js';
import { liveRates, StandingScreenService } from './standing-screen.service.js';
import { PageArgs } from '@ducha/common';

/** Three-systems checks over GraphQL; every rule lives in the services. */
@Resolver()
export class ComplianceResolver {
  constructor(
    private readonly checklists: ChecklistService,
    private readonly rounds: RoundService,
    private readonly screening: ScreeningService,
    private readonly checks: CheckService,
    private readonly views: ComplianceViews,
    private readonly resultsService: ResultsService,
    private readonly standing: StandingScreenService,
  ) {}

  @Mutation(() => ComplianceChecklist, {
    description: 'Imports one checklist version (JSON as in checklists/three-systems-checklist.json)',
  })
  async importComplianceChecklist(
    @CurrentActor() actor: Actor,
    @Args('checklist', { type: () => GraphQLJSON }) checklist: unknown,
  ): Promise<ComplianceChecklist> {
    return toChecklistModel(await this.checklists.importChecklist(actor, checklist));
  }

  @Query(() => ComplianceChecklistPage)
  async complianceChecklists(@CurrentActor() actor: Actor, @Args() args: ComplianceChecklistsArgs): Promise<ComplianceChecklistPage> {
    const { items, total } = await this.checklists.list(actor, args);
    return { items: items.map(toChecklistModel), total };
  }

  @Mutation(() => ComplianceRound, { description: 'Plans a round: one check per department, assigned with recusal' })
  async createComplianceRound(@CurrentActor() actor: Actor, @Args('input') input: CreateComplianceRoundInput): Promise<ComplianceRound> {
    return toRoundModel(await this.rounds.createRound(actor, input));
  }

  @Query(() => ComplianceRoundPage)
  async complianceRounds(@CurrentActor() actor: Actor, @Args() args: PageArgs): Promise<ComplianceRoundPage> {
    const { items, total } = await this.rounds.listRounds(actor, args);
    return { items: items.map(toRoundModel), total };
  }

  @Query(() => ComplianceRound)
  complianceRound(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<ComplianceRound> {
    return this.views.round(actor, id);
  }

  @Query(() => ComplianceCheck)
  complianceCheck(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<ComplianceCheck> {
    return this.views.check(actor, id);
  }

  @Mutation(() => ComplianceRound, {
    description: 'Queues the automatic screens; progress arrives as import.progressed events (kind COMPLIANCE_SCREENING)',
  })
  async runComplianceScreening(
    @CurrentActor() actor: Actor,
    @Args('roundId', { type: () => ID }) roundId: string,
  ): Promise<ComplianceRound> {
    return toRoundModel(await this.screening.runScreening(actor, roundId));
  }

  @Mutation(() => ComplianceCheck, { description: 'Saves item results; overriding a screen needs overrideReason' })
  async saveComplianceCheck(@CurrentActor() actor: Actor, @Args('input') input: SaveComplianceCheckInput): Promise<ComplianceCheck> {
    const saved = await this.checks.saveCheck(actor, input.checkId, input.version, input.items);
    return this.views.check(actor, saved.id);
  }

  @Mutation(() => ComplianceCheck)
  async submitComplianceCheck(
    @CurrentActor() actor: Actor,
    @Args('checkId', { type: () => ID }) checkId: string,
    @Args('version', { type: () => Int }) version: number,
  ): Promise<ComplianceCheck> {
    const saved = await this.checks.submitCheck(actor, checkId, version);
    return this.views.check(actor, saved.id);
  }

  @Mutation(() => ComplianceRound, { description: 'Every check submitted → FINALIZED; failed and partial items become findings' })
  async finalizeComplianceRound(
    @CurrentActor() actor: Actor,
    @Args('roundId', { type: () => ID }) roundId: string,
    @Args('version', { type: () => Int }) version: number,
  ): Promise<ComplianceRound> {
    return toRoundModel(await this.rounds.finalizeRound(actor, roundId, version));
  }

  @Mutation(() => ComplianceRound)
  async publishComplianceRound(
    @CurrentActor() actor: Actor,
    @Args('roundId', { type: () => ID }) roundId: string,
    @Args('version', { type: () => Int }) version: number,
  ): Promise<ComplianceRound> {
    return toRoundModel(await this.rounds.publishRound(actor, roundId, version));
  }

  @Query(() => ComplianceRoundResults)
  async complianceRoundResults(
    @CurrentActor() actor: Actor,
    @Args('roundId', { type: () => ID }) roundId: string,
  ): Promise<ComplianceRoundResults> {
    const r = await this.resultsService.results(actor, roundId);
    return {
      roundId,
      departments: r.departments,
      rates: r.rates,
      typicalProblems: r.typicalProblems,
      xlsxPath: `/exports/compliance/rounds/${roundId}/results.xlsx`,
      bulletinPath: `/exports/compliance/rounds/${roundId}/bulletin.docx`,
    };
  }

  @Mutation(() => ID, { description: 'Queues the standing screen over all departments (current year unless given); returns the job id' })
  runStandingComplianceScreen(
    @CurrentActor() actor: Actor,
    @Args('year', { type: () => Int, nullable: true }) year?: number,
  ): Promise<string> {
    return this.standing.requestStandingScreen(actor, year ?? undefined);
  }

  @Query(() => DepartmentComplianceRatePage, { description: 'Live compliance rates per department from the standing screen' })
  async complianceRates(@CurrentActor() actor: Actor, @Args() args: ComplianceRatesArgs): Promise<DepartmentComplianceRatePage> {
    const { items, total } = await this.standing.rates(actor, args);
    return { items: items.map((r) => ({ ...r, ...liveRates(r.screens) })), total };
  }
}
