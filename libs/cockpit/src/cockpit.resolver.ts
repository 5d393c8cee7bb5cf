import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, Roles, type Actor } from '@ducha/common';
import { Role } from '@ducha/contracts';
import { JobName, JobProducer } from '@ducha/queue';
import { CockpitService } from './cockpit.service.js';
import { CockpitArgs } from './dto/cockpit.args.js';
import { Cockpit } from './models/cockpit.model.js';

@Resolver(() => Cockpit)
export class CockpitResolver {
  constructor(
    private readonly cockpits: CockpitService,
    private readonly jobs: JobProducer,
  ) {}

  @Query(() => Cockpit, { description: 'The leaders’ cockpit for a region and period, with the seq it is as of' })
  cockpit(@CurrentActor() actor: Actor, @Args() args: CockpitArgs): Promise<Cockpit> {
    return this.cockpits.snapshot(actor, args);
  }

  @Mutation(() => String, { description: 'Queues a rebuild of the cockpit from the event record; returns the job id' })
  @Roles(Role.ADMIN)
  rebuildCockpit(): Promise<string> {
    return this.jobs.enqueue(JobName.COCKPIT_REBUILD, {});
  }
}
