import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Role } from './enums.js';
import { Unit } from './unit.model.js';

@ObjectType()
export class User {
  @Field(() => ID)
  id: string;

  @Field()
  username: string;

  @Field()
  displayName: string;

  @Field(() => ID)
  unitId: string;

  @Field(() => [Role])
  roles: Role[];

  @Field()
  disabled: boolean;

  @Field({ nullable: true, description: 'Set while the account is locked after repeated failed sign-ins' })
  lockedUntil?: Date;

  @Field(() => Int)
  version: number;
}

@ObjectType()
export class UserPage {
  @Field(() => [User])
  items: User[];

  @Field(() => Int)
  total: number;
}

/** The signed-in user. */
@ObjectType()
export class Me {
  @Field(() => ID)
  id: string;

  @Field()
  username: string;

  @Field()
  displayName: string;

  @Field(() => [Role])
  roles: Role[];

  @Field(() => Unit)
  unit: Unit;
}
