import { ArgsType, Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { GraphQLJSON, PageArgs } from '@ducha/common';
import { CaseType } from '@ducha/cases';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

@InputType()
export class RubricChoiceInput {
  @Field(() => CaseType) @IsEnum(CaseType) caseType: CaseType;
  @Field() @IsString() @Length(1, 100) code: string;
  @Field() @IsString() @Length(1, 40) version: string;
}

@InputType()
export class RecheckRuleInput {
  @Field({ defaultValue: true }) @IsBoolean() belowFailLine: boolean;
  @Field({ defaultValue: true }) @IsBoolean() differentGrades: boolean;
  @Field(() => Float, { nullable: true }) @IsOptional() @Min(0) @Max(100) maxSpread?: number;
}

@InputType()
export class CreateReviewCampaignInput {
  @Field() @IsString() @Length(1, 200) name: string;
  @Field(() => Int) @IsInt() @Min(2000) @Max(2100) year: number;
  @Field() @Matches(DATE, { message: 'periodFrom must be a date like 2026-01-31' }) periodFrom: string;
  @Field() @Matches(DATE, { message: 'periodTo must be a date like 2026-01-31' }) periodTo: string;
  @Field(() => [CaseType]) @IsArray() @ArrayMinSize(1) @IsEnum(CaseType, { each: true }) caseTypes: CaseType[];
  @Field(() => [ID]) @IsArray() @ArrayMinSize(1) @IsUUID('all', { each: true }) departmentIds: string[];
  @Field(() => [RubricChoiceInput]) @IsArray() @ValidateNested({ each: true }) @Type(() => RubricChoiceInput) rubrics: RubricChoiceInput[];
  @Field(() => Int) @IsInt() @Min(1) @Max(10000) filesPerDepartment: number;
  @Field(() => Int) @IsInt() @Min(1) @Max(3) reviewersPerFile: number;
  @Field(() => [ID], { description: 'The review team (inspectors)' })
  @IsArray()
  @ArrayMinSize(1)
  @IsUUID('all', { each: true })
  reviewerIds: string[];
  @Field(() => RecheckRuleInput) @ValidateNested() @Type(() => RecheckRuleInput) recheckRule: RecheckRuleInput;
}

@InputType()
export class SelfCheckReportInput {
  @Field(() => ID) @IsUUID() campaignId: string;
  @Field(() => Int) @IsInt() @Min(0) totalFiles: number;
  @Field(() => Int) @IsInt() @Min(0) filesChecked: number;
  @Field(() => Int) @IsInt() @Min(0) failedFiles: number;
  @Field() @IsString() @Length(0, 5000) problems: string;
}

@InputType()
export class ScoreSheetInput {
  @Field(() => ID) @IsUUID() sheetId: string;
  @Field(() => Int, { description: 'The version you edited (optimistic locking)' }) @IsInt() @Min(1) version: number;
  @Field(() => GraphQLJSON, { nullable: true, description: 'Answers keyed by item code: { hit, points, notApplicable, note }' })
  @IsOptional()
  @IsObject()
  answers?: Record<string, unknown>;
}

@ArgsType()
export class RubricsArgs extends PageArgs {
  @Field({ nullable: true }) @IsOptional() @IsString() code?: string;
  @Field(() => CaseType, { nullable: true }) @IsOptional() @IsEnum(CaseType) caseType?: CaseType;
}

@ArgsType()
export class CampaignsArgs extends PageArgs {
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() year?: number;
}

@ArgsType()
export class CampaignPageArgs extends PageArgs {
  @Field(() => ID) @IsUUID() campaignId: string;
}
