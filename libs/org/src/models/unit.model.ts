import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { UnitKind } from './enums.js';

@ObjectType()
export class Unit {
  @Field(() => ID)
  id: string;

  @Field()
  code: string;

  @Field()
  name: string;

  @Field(() => UnitKind)
  kind: UnitKind;

  @Field(() => ID)
  regionId: string;

  @Field({ description: '执法主体' })
  isEnforcementBody: boolean;

  @Field({ description: 'A rule-of-law office that supervises the units below it' })
  isSupervisingOffice: boolean;

  @Field(() => Int)
  version: number;
}

@ObjectType()
export class UnitPage {
  @Field(() => [Unit])
  items: Unit[];

  @Field(() => Int)
  total: number;
}
