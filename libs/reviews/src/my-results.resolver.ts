import { Args, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, PageArgs, type Actor } from '@ducha/common';
import { MyReviewResultPage } from './models/my-results.models.js';
import { MyResultsService } from './my-results.service.js';

@Resolver()
export class MyResultsResolver {
  constructor(private readonly results: MyResultsService) {}

  @Query(() => MyReviewResultPage, { description: "Your department's results in published campaigns (department officers)" })
  async myReviewResults(@CurrentActor() actor: Actor, @Args() args: PageArgs): Promise<MyReviewResultPage> {
    return this.results.list(actor, args);
  }
}
