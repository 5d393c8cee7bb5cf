import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { GraphQLJSON, PageArgs } from '@ducha/common';
import { FindingSeverity, FindingSource } from '@ducha/contracts';

@InputType({ description: 'A finding entered by hand: an inspection, a hotline complaint, a leader instruction…' })
export class CreateFindingInput {
  @Field(() => FindingSource) @IsEnum(FindingSource) source: FindingSource;
  @Field(() => ID) @IsUUID() departmentId: string;
  @Field({ nullable: true, description: 'Reference of the origin (complaint number, instruction number…)' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  originRef?: string;
  @Field() @IsString() @Length(1, 100) category: string;
  @Field(() => FindingSeverity) @IsEnum(FindingSeverity) severity: FindingSeverity;
  @Field() @IsString() @Length(1, 4000) description: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 1000) legalBasis?: string;
  @Field(() => GraphQLJSON, { nullable: true }) @IsOptional() evidence?: unknown;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 40) rootCause?: string;
}

@ArgsType()
export class FindingsArgs extends PageArgs {
  @Field({ defaultValue: true, description: 'Only findings not yet issued as a task (the inbox)' }) @IsBoolean() unissuedOnly: boolean =
    true;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() departmentId?: string;
  @Field(() => FindingSource, { nullable: true }) @IsOptional() @IsEnum(FindingSource) source?: FindingSource;
  @Field(() => FindingSeverity, { nullable: true }) @IsOptional() @IsEnum(FindingSeverity) severity?: FindingSeverity;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 200) batchId?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 40) rootCause?: string;
}

@InputType()
export class SetFindingRootCauseInput {
  @Field(() => ID) @IsUUID() findingId: string;
  @Field() @IsString() @Length(1, 40) rootCause: string;
}

@InputType()
export class UpsertRootCauseInput {
  @Field() @Matches(/^[A-Z][A-Z0-9_]{1,39}$/, { message: 'code must be 2-40 capitals, digits or _' }) code: string;
  @Field() @IsString() @Length(1, 40) label: string;
  @Field(() => Int, { defaultValue: 0 }) @IsInt() ordinal: number;
  @Field({ defaultValue: true }) @IsBoolean() active: boolean;
}

@InputType()
export class SetDeadlineRuleInput {
  @Field(() => FindingSource) @IsEnum(FindingSource) source: FindingSource;
  @Field({ defaultValue: 'ANY', description: 'ANY, MAJOR or GENERAL' })
  @Matches(/^(ANY|MAJOR|GENERAL)$/, { message: 'severity must be ANY, MAJOR or GENERAL' })
  severity: string;
  @Field(() => Int) @IsInt() @Min(1) @Max(250) workingDays: number;
}

@InputType()
export class SetLadderStepInput {
  @Field()
  @Matches(/^(REMINDER|URGE|INQUIRY|LISTED|CRITICIZED)$/, { message: 'step must be REMINDER, URGE, INQUIRY, LISTED or CRITICIZED' })
  step: string;
  @Field(() => Int) @IsInt() @Min(-30) @Max(250) offsetWorkingDays: number;
  @Field() @IsString() @Length(1, 500) notice: string;
}
