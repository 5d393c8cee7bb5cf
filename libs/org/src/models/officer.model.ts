import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class Officer {
  @Field(() => ID)
  id: string;

  @Field({ description: '执法证号' })
  certificateNo: string;

  @Field()
  name: string;

  @Field(() => ID)
  unitId: string;

  @Field()
  kind: string;

  @Field({ description: 'Calendar date YYYY-MM-DD' })
  validFrom: string;

  @Field({ description: 'Calendar date YYYY-MM-DD' })
  validTo: string;

  @Field({ description: '法律职业资格' })
  legalQualification: boolean;

  @Field({ description: '法制审核人员' })
  legalReviewer: boolean;

  @Field(() => Int)
  version: number;
}

@ObjectType()
export class OfficerPage {
  @Field(() => [Officer])
  items: Officer[];

  @Field(() => Int)
  total: number;
}
