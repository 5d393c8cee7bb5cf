import { Args, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, type Actor } from '@ducha/common';
import { InspectorDirectory } from './inspector-directory.service.js';
import { Inspector } from './models/inspector.model.js';

@Resolver()
export class InspectorResolver {
  constructor(private readonly directory: InspectorDirectory) {}

  @Query(() => [Inspector], {
    description: 'Active inspectors of your region, for reviewer and inspector pickers (office staff; at most 200, narrow with search)',
  })
  async inspectors(@CurrentActor() actor: Actor, @Args('search', { nullable: true }) search?: string): Promise<Inspector[]> {
    return this.directory.list(actor, search);
  }
}
