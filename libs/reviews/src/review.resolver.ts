import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, GraphQLJSON, type Actor } from '@ducha/common';
import type { Answers } from '@ducha/scoring';
import { CampaignService } from './campaign.service.js';
import { DrawService } from './draw.service.js';
import {
  CampaignPageArgs,
  CampaignsArgs,
  CreateReviewCampaignInput,
  RubricsArgs,
  ScoreSheetInput,
  SelfCheckReportInput,
} from './dto/review.inputs.js';
import { FinalizeService } from './finalize.service.js';
import {
  CampaignResultsModel,
  ReviewCampaign,
  ReviewCampaignPage,
  ReviewFilePage,
  Rubric,
  RubricPage,
  ScoreSheet,
  ScoreSheetPage,
  SelfCheckReport,
} from './models/review.models.js';
import { ReviewExportService } from './review-export.service.js';
import { ReviewQueryService } from './review-query.service.js';
import { toCampaignModel, toRubricModel, toSheetModel } from './review.mapper.js';
import { RubricService } from './rubric.service.js';
import { ScoreSheetService } from './score-sheet.service.js';

const Id = () => ID;

@Resolver()
export class ReviewResolver {
  constructor(
    private readonly rubricService: RubricService,
    private readonly campaigns: CampaignService,
    private readonly draws: DrawService,
    private readonly sheets: ScoreSheetService,
    private readonly finals: FinalizeService,
    private readonly queries: ReviewQueryService,
    private readonly exportsService: ReviewExportService,
  ) {}

  @Query(() => RubricPage)
  async rubrics(@Args() args: RubricsArgs): Promise<RubricPage> {
    const { items, total } = await this.rubricService.list(args);
    return { items: items.map(toRubricModel), total };
  }

  @Query(() => Rubric)
  async rubric(@Args('code') code: string, @Args('version') version: string): Promise<Rubric> {
    return toRubricModel(await this.rubricService.find(code, version));
  }

  @Mutation(() => Rubric, { description: 'Imports a rubric (JSON as in shared/domain/rubrics); a used version never changes' })
  async importRubric(@CurrentActor() actor: Actor, @Args('template', { type: () => GraphQLJSON }) template: unknown): Promise<Rubric> {
    return toRubricModel(await this.rubricService.import(actor, template));
  }

  @Query(() => ReviewCampaignPage)
  async reviewCampaigns(@CurrentActor() actor: Actor, @Args() args: CampaignsArgs): Promise<ReviewCampaignPage> {
    const { items, total } = await this.campaigns.list(actor, args);
    return { items: items.map(toCampaignModel), total };
  }

  @Query(() => ReviewCampaign)
  async reviewCampaign(@CurrentActor() actor: Actor, @Args('id', { type: Id }) id: string): Promise<ReviewCampaign> {
    return toCampaignModel(await this.campaigns.get(actor, id));
  }

  @Mutation(() => ReviewCampaign)
  async createReviewCampaign(@CurrentActor() actor: Actor, @Args('input') input: CreateReviewCampaignInput): Promise<ReviewCampaign> {
    return toCampaignModel(
      await this.campaigns.create(actor, {
        ...input,
        recheckRule: { ...input.recheckRule, maxSpread: input.recheckRule.maxSpread ?? null },
      }),
    );
  }

  @Mutation(() => ReviewCampaign)
  async startSelfCheck(@CurrentActor() actor: Actor, @Args('campaignId', { type: Id }) campaignId: string): Promise<ReviewCampaign> {
    return toCampaignModel(await this.campaigns.startSelfCheck(actor, campaignId));
  }

  @Mutation(() => SelfCheckReport)
  async submitSelfCheckReport(@CurrentActor() actor: Actor, @Args('input') input: SelfCheckReportInput): Promise<SelfCheckReport> {
    const { campaignId, ...data } = input;
    return this.campaigns.submitSelfCheck(actor, campaignId, data);
  }

  @Query(() => [SelfCheckReport])
  async selfCheckReports(@CurrentActor() actor: Actor, @Args('campaignId', { type: Id }) campaignId: string): Promise<SelfCheckReport[]> {
    return this.campaigns.selfCheckReports(actor, campaignId);
  }

  @Mutation(() => ReviewCampaign, { description: 'Draws the sample; the same seed draws the same files' })
  async drawSample(
    @CurrentActor() actor: Actor,
    @Args('campaignId', { type: Id }) campaignId: string,
    @Args('seed', { nullable: true }) seed?: string,
  ): Promise<ReviewCampaign> {
    return toCampaignModel(await this.draws.draw(actor, campaignId, seed ?? undefined));
  }

  @Mutation(() => ReviewCampaign)
  async assignReviewers(@CurrentActor() actor: Actor, @Args('campaignId', { type: Id }) campaignId: string): Promise<ReviewCampaign> {
    return toCampaignModel(await this.draws.assign(actor, campaignId));
  }

  @Mutation(() => ScoreSheet, { description: 'Gives an unsubmitted sheet to another reviewer; refused with the blocking rule' })
  async reassignScoreSheet(
    @CurrentActor() actor: Actor,
    @Args('sheetId', { type: Id }) sheetId: string,
    @Args('reviewerId', { type: Id }) reviewerId: string,
  ): Promise<ScoreSheet> {
    return toSheetModel(await this.sheets.reassign(actor, sheetId, reviewerId));
  }

  @Query(() => ReviewFilePage, { description: 'Drawn files: a reviewer sees only those assigned to them' })
  async reviewFiles(@CurrentActor() actor: Actor, @Args() args: CampaignPageArgs): Promise<ReviewFilePage> {
    return this.queries.files(actor, args.campaignId, args);
  }

  @Query(() => ScoreSheetPage, { description: 'Your score sheets in a campaign' })
  async myScoreSheets(@CurrentActor() actor: Actor, @Args() args: CampaignPageArgs): Promise<ScoreSheetPage> {
    const { items, total } = await this.queries.mySheets(actor, args.campaignId, args);
    return { items: items.map(toSheetModel), total };
  }

  @Query(() => [ScoreSheet], { description: "A file's sheets: yours, and the others' once all are submitted (blind review)" })
  async scoreSheets(@CurrentActor() actor: Actor, @Args('reviewFileId', { type: Id }) reviewFileId: string): Promise<ScoreSheet[]> {
    return (await this.sheets.sheetsOfFile(actor, reviewFileId)).map(toSheetModel);
  }

  @Mutation(() => ScoreSheet, { description: 'Saves a draft (any number of times)' })
  async saveScoreSheet(@CurrentActor() actor: Actor, @Args('input') input: ScoreSheetInput): Promise<ScoreSheet> {
    return toSheetModel(await this.sheets.save(actor, input.sheetId, input.version, (input.answers ?? {}) as Answers));
  }

  @Mutation(() => ScoreSheet, { description: 'Submits the sheet: validated and scored by the engine, then final' })
  async submitScoreSheet(@CurrentActor() actor: Actor, @Args('input') input: ScoreSheetInput): Promise<ScoreSheet> {
    return toSheetModel(await this.sheets.submit(actor, input.sheetId, input.version, input.answers as Answers | undefined));
  }

  @Mutation(() => ScoreSheet, { description: 'Opens the re-check of a disputed file by a reviewer who did not score it' })
  async assignRecheck(
    @CurrentActor() actor: Actor,
    @Args('reviewFileId', { type: Id }) reviewFileId: string,
    @Args('reviewerId', { type: Id }) reviewerId: string,
  ): Promise<ScoreSheet> {
    return toSheetModel(await this.sheets.assignRecheck(actor, reviewFileId, reviewerId));
  }

  @Mutation(() => ReviewCampaign, { description: 'Refused while any file is unscored' })
  async finalizeCampaign(@CurrentActor() actor: Actor, @Args('campaignId', { type: Id }) campaignId: string): Promise<ReviewCampaign> {
    return toCampaignModel(await this.finals.finalize(actor, campaignId));
  }

  @Mutation(() => ReviewCampaign)
  async publishBulletin(@CurrentActor() actor: Actor, @Args('campaignId', { type: Id }) campaignId: string): Promise<ReviewCampaign> {
    return toCampaignModel(await this.finals.publish(actor, campaignId));
  }

  @Query(() => CampaignResultsModel, {
    description: 'Results per department with ranking (after finalizing; departments and leaders once published)',
  })
  async campaignResults(@CurrentActor() actor: Actor, @Args('campaignId', { type: Id }) campaignId: string): Promise<CampaignResultsModel> {
    return (await this.exportsService.results(actor, campaignId)).results!;
  }
}
