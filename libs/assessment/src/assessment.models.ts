import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLJSON, PageArgs } from '@ducha/common';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';

@ObjectType()
export class AssessmentFramework {
  @Field(() => ID) id: string;
  @Field() code: string;
  @Field() version: string;
  @Field() name: string;
  @Field(() => GraphQLJSON, { description: 'The framework as imported (three levels with points and methods)' }) template: unknown;
  @Field(() => Int) indicatorCount: number;
}

@ObjectType()
export class AssessmentFrameworkPage {
  @Field(() => [AssessmentFramework]) items: AssessmentFramework[];
  @Field(() => Int) total: number;
}

@ObjectType()
export class AssessmentEvidenceFile {
  @Field(() => ID) id: string;
  @Field() fileName: string;
  @Field(() => Int) size: number;
  @Field() mimeType: string;
  @Field() sha256: string;
  @Field() uploadedAt: Date;
  @Field({ description: 'GET this path (with the bearer token) to download; every download is audited' }) downloadPath: string;
}

@ObjectType()
export class MeasureProgress {
  @Field(() => ID, { description: 'Upload evidence to POST /files/assessment/progress/:id' }) id: string;
  @Field(() => ID) departmentId: string;
  @Field(() => Int) year: number;
  @Field(() => Int) quarter: number;
  @Field() status: string;
  @Field() text: string;
  @Field() reportedAt: Date;
  @Field(() => [AssessmentEvidenceFile]) files: AssessmentEvidenceFile[];
}

@ObjectType()
export class AssessmentMeasure {
  @Field(() => ID) id: string;
  @Field() taskCode: string;
  @Field() taskTitle: string;
  @Field() code: string;
  @Field() title: string;
  @Field(() => ID) leadUnitId: string;
  @Field() leadUnitName: string;
  @Field(() => [ID]) departmentIds: string[];
  @Field(() => [String], { description: 'Names of the responsible departments, in the order of departmentIds' }) departmentNames: string[];
  @Field() deadline: string;
  @Field() indicatorCode: string;
  @Field() status: string;
  @Field() overdue: boolean;
  @Field(() => [MeasureProgress]) progress: MeasureProgress[];
}

@ObjectType()
export class AssessmentMeasurePage {
  @Field(() => [AssessmentMeasure]) items: AssessmentMeasure[];
  @Field(() => Int) total: number;
}

@ObjectType()
export class AssessmentStatistic {
  @Field(() => ID) departmentId: string;
  @Field(() => Int) year: number;
  @Field(() => Int) quarter: number;
  @Field() key: string;
  @Field(() => Int) numerator: number;
  @Field(() => Int) denominator: number;
  @Field(() => Int) revision: number;
  @Field() current: boolean;
  @Field(() => String, { nullable: true }) reason: string | null;
  @Field() submittedAt: Date;
}

@ObjectType()
export class AssessmentSelfScore {
  @Field(() => ID) departmentId: string;
  @Field() indicatorCode: string;
  @Field(() => Int, { description: '0 for the annual score' }) quarter: number;
  @Field(() => Float) score: number;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field() scoredAt: Date;
}

@ObjectType()
export class AssessmentResult {
  @Field(() => ID) departmentId: string;
  @Field() departmentName: string;
  @Field(() => Int) year: number;
  @Field(() => Int, { nullable: true, description: 'null for the annual score' }) quarter: number | null;
  @Field(() => Float) score: number;
  @Field() grade: string;
  @Field(() => Int) rank: number;
  @Field(() => GraphQLJSON, { description: 'Level-1 subtotals and every level-3 indicator with its rate, points and note' })
  detail: unknown;
  @Field(() => Date, { nullable: true }) publishedAt: Date | null;
}

@ArgsType()
export class AssessmentPeriodArgs {
  @Field(() => ID) @IsUUID() frameworkId: string;
  @Field(() => Int) @IsInt() year: number;
  @Field(() => Int, { nullable: true, description: '1 to 4; omit for the annual score' }) @IsOptional() @IsInt() quarter?: number;
}

@ArgsType()
export class AssessmentSelfScoresArgs extends AssessmentPeriodArgs {
  @Field(() => ID) @IsUUID() departmentId: string;
}

@ArgsType()
export class AssessmentMeasuresArgs extends PageArgs {
  @Field(() => Int) @IsInt() year: number;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() departmentId?: string;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() overdueOnly?: boolean;
}

@ArgsType()
export class AssessmentStatisticsArgs {
  @Field(() => ID) @IsUUID() frameworkId: string;
  @Field(() => Int) @IsInt() year: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() quarter?: number;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() departmentId?: string;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() withHistory?: boolean;
}

@InputType()
export class NotApplicableInput {
  @Field(() => ID) @IsUUID() frameworkId: string;
  @Field(() => ID) @IsUUID() departmentId: string;
  @Field() @IsString() @MaxLength(40) indicatorCode: string;
  @Field() @IsBoolean() notApplicable: boolean;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(500) reason?: string;
}

@InputType()
export class MeasureProgressInput {
  @Field(() => ID) @IsUUID() measureId: string;
  @Field(() => Int) @IsInt() year: number;
  @Field(() => Int) @IsInt() quarter: number;
  @Field() @IsIn(['NOT_STARTED', 'IN_PROGRESS', 'DONE']) status: string;
  @Field() @IsString() @MaxLength(4000) text: string;
}

@InputType()
export class StatisticItemInput {
  @Field() @IsString() @MaxLength(60) key: string;
  @Field(() => Int, { description: 'Validated by the service: a non-negative whole number' }) @IsInt() numerator: number;
  @Field(() => Int) @IsInt() denominator: number;
}

@InputType()
export class StatisticsInput {
  @Field(() => ID) @IsUUID() frameworkId: string;
  @Field(() => Int) @IsInt() year: number;
  @Field(() => Int) @IsInt() quarter: number;
  @Field(() => [StatisticItemInput]) @ValidateNested({ each: true }) @Type(() => StatisticItemInput) items: StatisticItemInput[];
  @Field({ nullable: true, description: 'Required to correct a submitted quarter' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

@InputType()
export class SelfReportScoreInput {
  @Field(() => ID) @IsUUID() frameworkId: string;
  @Field(() => ID) @IsUUID() departmentId: string;
  @Field(() => Int) @IsInt() year: number;
  @Field(() => Int, { nullable: true, description: '1 to 4; omit for the annual score' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(4)
  quarter?: number;
  @Field() @IsString() @MaxLength(40) indicatorCode: string;
  @Field(() => Float) @IsNumber() score: number;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(2000) note?: string;
}
