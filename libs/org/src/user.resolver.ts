import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, Roles, type Actor } from '@ducha/common';
import { Role } from '@ducha/contracts';
import { CreateOfficerInput, CreateUserInput, OfficersArgs, UpdateUserInput, UsersArgs } from './dto/org.inputs.js';
import { Officer, OfficerPage } from './models/officer.model.js';
import { User, UserPage } from './models/user.model.js';
import { OfficerService } from './officer.service.js';
import { toOfficerModel, toUserModel } from './org.mapper.js';
import { UserService } from './user.service.js';

@Resolver()
export class UserResolver {
  constructor(
    private readonly userService: UserService,
    private readonly officerService: OfficerService,
  ) {}

  @Roles(Role.ADMIN)
  @Query(() => UserPage)
  async users(@CurrentActor() actor: Actor, @Args() args: UsersArgs): Promise<UserPage> {
    const { items, total } = await this.userService.list(actor, args);
    return { items: items.map(toUserModel), total };
  }

  @Roles(Role.ADMIN)
  @Mutation(() => User)
  async createUser(@CurrentActor() actor: Actor, @Args('input') input: CreateUserInput): Promise<User> {
    return toUserModel(await this.userService.create(actor, input));
  }

  @Roles(Role.ADMIN)
  @Mutation(() => User, { description: 'Change roles, unit or disable an account; a disabled user is signed out at once' })
  async updateUser(@CurrentActor() actor: Actor, @Args('input') input: UpdateUserInput): Promise<User> {
    const { id, version, ...changes } = input;
    return toUserModel(await this.userService.update(actor, id, version, changes));
  }

  @Query(() => OfficerPage, { description: 'The officer registry: office staff see their region, officers their department' })
  async officers(@CurrentActor() actor: Actor, @Args() args: OfficersArgs): Promise<OfficerPage> {
    const { items, total } = await this.officerService.list(actor, args);
    return { items: items.map(toOfficerModel), total };
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Officer)
  async createOfficer(@CurrentActor() actor: Actor, @Args('input') input: CreateOfficerInput): Promise<Officer> {
    return toOfficerModel(await this.officerService.create(actor, input));
  }
}
