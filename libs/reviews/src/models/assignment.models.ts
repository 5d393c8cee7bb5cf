import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { SheetKind, SheetStatus } from '../entities/score-sheet.entity.js';

@ObjectType({ description: 'Who scores which drawn file (no scores: the review stays blind)' })
export class ReviewAssignment {
  @Field(() => ID) sheetId: string;
  @Field(() => ID) reviewFileId: string;
  @Field() fileNo: string;
  @Field() departmentName: string;
  @Field() caseType: string;
  @Field(() => ID) reviewerId: string;
  @Field() reviewerName: string;
  @Field(() => SheetKind) kind: SheetKind;
  @Field(() => SheetStatus) status: SheetStatus;
}

@ObjectType()
export class ReviewAssignmentPage {
  @Field(() => [ReviewAssignment]) items: ReviewAssignment[];
  @Field(() => Int) total: number;
}

@ObjectType({ description: 'An inspector as a candidate reviewer of one file, with the rule that blocks them if any' })
export class ReviewerOption {
  @Field(() => ID) reviewerId: string;
  @Field() displayName: string;
  @Field() unitName: string;
  @Field() allowed: boolean;
  @Field({ description: 'The deciding rule: a PolicyRule, or ALREADY_REVIEWING when they hold an initial sheet of the file' })
  rule: string;
  @Field() reason: string;
}

@ObjectType({ description: 'A file whose initial scores disagree, waiting for (or under) its re-check' })
export class RecheckItem {
  @Field(() => ID) reviewFileId: string;
  @Field(() => ID) campaignId: string;
  @Field() campaignName: string;
  @Field() fileNo: string;
  @Field() departmentName: string;
  @Field() caseType: string;
  @Field(() => [Float], { description: 'The submitted initial scores' }) initialScores: number[];
  @Field(() => [String]) initialGrades: string[];
  @Field(() => ID, { nullable: true }) recheckSheetId: string | null;
  @Field(() => ID, { nullable: true }) recheckReviewerId: string | null;
  @Field(() => String, { nullable: true }) recheckReviewerName: string | null;
  @Field({ description: 'The caller runs the campaign and may (re)assign the re-check' }) canAssign: boolean;
}

@ObjectType()
export class RecheckQueuePage {
  @Field(() => [RecheckItem]) items: RecheckItem[];
  @Field(() => Int) total: number;
}
