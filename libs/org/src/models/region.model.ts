import { Field, ID, ObjectType } from '@nestjs/graphql';
import { RegionLevel } from './enums.js';

@ObjectType()
export class Region {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { nullable: true })
  parentId: string | null;

  @Field(() => RegionLevel)
  level: RegionLevel;

  @Field()
  code: string;

  @Field()
  name: string;

  @Field({ description: 'Ids from the root down; a subtree is a prefix' })
  path: string;
}
