import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, PageArgs, type Actor } from '@ducha/common';
import { AssignmentQueryService } from './assignment-query.service.js';
import { CampaignPageArgs } from './dto/review.inputs.js';
import { RecheckQueuePage, ReviewAssignmentPage, ReviewerOption } from './models/assignment.models.js';

/** Read-only views for running a campaign: the assignment table, reviewer candidates, the re-check queue. */
@Resolver()
export class AssignmentResolver {
  constructor(private readonly queries: AssignmentQueryService) {}

  @Query(() => ReviewAssignmentPage, { description: 'Who scores which file (inspectors running the campaign)' })
  async reviewAssignments(@CurrentActor() actor: Actor, @Args() args: CampaignPageArgs): Promise<ReviewAssignmentPage> {
    return this.queries.assignments(actor, args.campaignId, args);
  }

  @Query(() => [ReviewerOption], { description: 'Each inspector as a reviewer of one file: allowed, or the recusal rule that blocks them' })
  async reviewerOptions(
    @CurrentActor() actor: Actor,
    @Args('reviewFileId', { type: () => ID }) reviewFileId: string,
  ): Promise<ReviewerOption[]> {
    return this.queries.options(actor, reviewFileId);
  }

  @Query(() => RecheckQueuePage, { description: 'Files waiting for a re-check: of campaigns you run, or given to you' })
  async recheckQueue(@CurrentActor() actor: Actor, @Args() args: PageArgs): Promise<RecheckQueuePage> {
    return this.queries.recheckQueue(actor, args);
  }
}
