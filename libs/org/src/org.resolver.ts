import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, Roles, type Actor } from '@ducha/common';
import { Role } from '@ducha/contracts';
import { CreateRegionInput, CreateUnitInput, UnitsArgs, UpdateUnitInput } from './dto/org.inputs.js';
import { Region } from './models/region.model.js';
import { Unit, UnitPage } from './models/unit.model.js';
import { toRegionModel, toUnitModel } from './org.mapper.js';
import { OrgService } from './org.service.js';

@Resolver()
export class OrgResolver {
  constructor(private readonly org: OrgService) {}

  @Query(() => [Region], { description: 'Your region and every region below it, as a tree walk' })
  async regions(@CurrentActor() actor: Actor): Promise<Region[]> {
    return (await this.org.regionTree(actor)).map(toRegionModel);
  }

  @Query(() => UnitPage)
  async units(@CurrentActor() actor: Actor, @Args() args: UnitsArgs): Promise<UnitPage> {
    const { items, total } = await this.org.listUnits(actor, args);
    return { items: items.map(toUnitModel), total };
  }

  @Query(() => Unit)
  async unit(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<Unit> {
    return toUnitModel(await this.org.findUnit(actor, id));
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Region)
  async createRegion(@CurrentActor() actor: Actor, @Args('input') input: CreateRegionInput): Promise<Region> {
    return toRegionModel(await this.org.createRegion(actor, input));
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Unit)
  async createUnit(@CurrentActor() actor: Actor, @Args('input') input: CreateUnitInput): Promise<Unit> {
    return toUnitModel(await this.org.createUnit(actor, input));
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Unit)
  async updateUnit(@CurrentActor() actor: Actor, @Args('input') input: UpdateUnitInput): Promise<Unit> {
    const { id, version, ...changes } = input;
    return toUnitModel(await this.org.updateUnit(actor, id, version, changes));
  }
}
