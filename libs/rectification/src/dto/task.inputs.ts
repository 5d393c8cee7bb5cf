import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { PageArgs } from '@ducha/common';
import { FindingSource } from '@ducha/contracts';
import { TaskState, WarningLevel } from '../rectification.enums.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MSG = { message: 'must be a date YYYY-MM-DD' };

@InputType({ description: 'Deadline: a number of working days from today or a date (neither: the configured default)' })
export class DeadlineInput {
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(250) workingDays?: number;
  @Field({ nullable: true }) @IsOptional() @Matches(DATE, DATE_MSG) date?: string;
}

@InputType()
export class IssueRectificationInput {
  @Field(() => [ID]) @ArrayMinSize(1) @ArrayMaxSize(200) @IsUUID('all', { each: true }) findingIds: string[];
  @Field(() => [ID], { defaultValue: [], description: 'Co-departments (配合单位)' })
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  coDepartmentIds: string[];
  @Field() @IsString() @Length(1, 60) responsiblePerson: string;
  @Field() @IsString() @Length(1, 4000) requirements: string;
  @Field(() => DeadlineInput, { nullable: true }) @IsOptional() deadline?: DeadlineInput;
}

@InputType({ description: 'One task per department with all its unissued findings of a finalized campaign or check round' })
export class BulkIssueRectificationInput {
  @Field() @IsString() @Length(1, 200) batchId: string;
  @Field() @IsString() @Length(1, 60) responsiblePerson: string;
  @Field() @IsString() @Length(1, 4000) requirements: string;
  @Field(() => DeadlineInput, { nullable: true }) @IsOptional() deadline?: DeadlineInput;
}

@InputType()
export class TaskRefInput {
  @Field(() => ID) @IsUUID() taskId: string;
  @Field(() => Int) @IsInt() @Min(1) version: number;
}

@InputType()
export class SubmitRectificationInput extends TaskRefInput {
  @Field() @IsString() @Length(1, 8000) text: string;
  @Field({ description: 'Measures taken (required)' }) @IsString() @Length(1, 8000) measuresTaken: string;
  @Field(() => [ID], { defaultValue: [], description: 'Evidence files uploaded to /files/rectification/:taskId' })
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  evidenceFileIds: string[];
}

@InputType()
export class ReasonInput extends TaskRefInput {
  @Field() @IsString() @Length(1, 2000) reason: string;
}

@InputType()
export class RequestExtensionInput extends ReasonInput {
  @Field() @Matches(DATE, DATE_MSG) newDeadline: string;
}

@InputType()
export class DecideExtensionInput extends TaskRefInput {
  @Field() @IsBoolean() approve: boolean;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 2000) note?: string;
}

@InputType()
export class ScheduleFollowUpInput extends TaskRefInput {
  @Field() @Matches(DATE, DATE_MSG) date: string;
}

@InputType({ description: '回头看: the follow-up check; reopen sends the task back to the department' })
export class RecordFollowUpInput extends TaskRefInput {
  @Field() @IsBoolean() reopen: boolean;
  @Field() @IsString() @Length(1, 2000) note: string;
  @Field(() => DeadlineInput, { nullable: true }) @IsOptional() deadline?: DeadlineInput;
}

@ArgsType()
export class LedgerArgs extends PageArgs {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() departmentId?: string;
  @Field(() => FindingSource, { nullable: true }) @IsOptional() @IsEnum(FindingSource) source?: FindingSource;
  @Field(() => [TaskState], { nullable: true }) @IsOptional() @IsEnum(TaskState, { each: true }) states?: TaskState[];
  @Field(() => WarningLevel, { nullable: true }) @IsOptional() @IsEnum(WarningLevel) warningLevel?: WarningLevel;
  @Field({ nullable: true, description: 'Issued on or after' }) @IsOptional() @Matches(DATE, DATE_MSG) from?: string;
  @Field({ nullable: true, description: 'Issued on or before' }) @IsOptional() @Matches(DATE, DATE_MSG) to?: string;
}

@ArgsType()
export class NotificationsArgs extends PageArgs {
  @Field({ defaultValue: false }) @IsBoolean() unreadOnly: boolean = false;
}

@InputType()
export class MarkNotificationsReadInput {
  @Field(() => [ID], { nullable: true, description: 'Omit to mark all yours read' })
  @IsOptional()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  ids?: string[];
}
