import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class CountByKey {
  @Field() key: string;
  @Field(() => Int) count: number;
}
