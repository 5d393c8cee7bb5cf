import { Field, ID, ObjectType } from '@nestjs/graphql';

/** An active inspector, as the reviewer and inspector pickers show one. */
@ObjectType()
export class Inspector {
  @Field(() => ID) id: string;
  @Field() username: string;
  @Field() displayName: string;
  @Field(() => ID) unitId: string;
  @Field() unitName: string;
}
