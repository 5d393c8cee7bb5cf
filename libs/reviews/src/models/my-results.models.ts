import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DepartmentResult } from './review.models.js';

@ObjectType({ description: "A published campaign with your department's place in its results" })
export class MyReviewResult {
  @Field(() => ID) campaignId: string;
  @Field() campaignName: string;
  @Field(() => Int) year: number;
  @Field(() => Date) publishedAt: Date;
  @Field(() => Int, { description: 'How many departments the campaign ranked' }) departmentsRanked: number;
  @Field(() => DepartmentResult, { nullable: true, description: 'Null when none of your files were drawn' })
  result: DepartmentResult | null;
}

@ObjectType()
export class MyReviewResultPage {
  @Field(() => [MyReviewResult]) items: MyReviewResult[];
  @Field(() => Int) total: number;
}
