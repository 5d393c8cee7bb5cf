import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLJSON } from '@ducha/common';
import { FindingSeverity, FindingSource } from '@ducha/contracts';

@ObjectType({ description: '问题: one problem of one department, from a review, a check or an inspection' })
export class Finding {
  @Field(() => ID) id: string;
  @Field(() => FindingSource) source: FindingSource;
  @Field(() => ID) departmentId: string;
  @Field() departmentName: string;
  @Field({ description: 'What it came from, e.g. ScoreSheetItem, CheckItem, Manual' }) originType: string;
  @Field() originId: string;
  @Field(() => String, { nullable: true }) batchId: string | null;
  @Field() category: string;
  @Field(() => FindingSeverity) severity: FindingSeverity;
  @Field() description: string;
  @Field(() => String, { nullable: true }) legalBasis: string | null;
  @Field(() => GraphQLJSON, { nullable: true }) evidence: unknown;
  @Field(() => String, { nullable: true, description: 'Root cause code (see rectificationRootCauses)' }) rootCause: string | null;
  @Field(() => ID, { nullable: true, description: 'The task that took it, once issued' }) taskId: string | null;
  @Field() createdAt: Date;
}

@ObjectType()
export class FindingPage {
  @Field(() => [Finding]) items: Finding[];
  @Field(() => Int) total: number;
}

@ObjectType({ description: '问题成因: a configurable root-cause category' })
export class RootCause {
  @Field() code: string;
  @Field() label: string;
  @Field(() => Int) ordinal: number;
  @Field() active: boolean;
}

@ObjectType({ description: 'Default deadline for a source and severity (severity ANY applies to both)' })
export class DeadlineRule {
  @Field(() => FindingSource) source: string;
  @Field() severity: string;
  @Field(() => Int) workingDays: number;
}

@ObjectType({ description: 'One rung of the escalation ladder: due this many working days after the deadline (negative: before)' })
export class LadderStep {
  @Field() step: string;
  @Field(() => Int) ordinal: number;
  @Field(() => Int) offsetWorkingDays: number;
  @Field() notice: string;
}
