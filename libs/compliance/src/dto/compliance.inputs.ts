import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageArgs } from '@ducha/common';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const dateMsg = (field: string) => ({ message: `${field} must be a date YYYY-MM-DD` });

@InputType()
export class CreateComplianceRoundInput {
  @Field() @IsString() @Length(1, 200) name: string;
  @Field(() => ID) @IsUUID() checklistId: string;
  @Field() @Matches(DATE, dateMsg('periodFrom')) periodFrom: string;
  @Field() @Matches(DATE, dateMsg('periodTo')) periodTo: string;
  @Field(() => [ID]) @ArrayMinSize(1) @ArrayMaxSize(2000) @IsUUID('all', { each: true }) departmentIds: string[];
  @Field(() => [ID]) @ArrayMinSize(1) @ArrayMaxSize(200) @IsUUID('all', { each: true }) inspectorIds: string[];
}

@InputType()
export class CheckItemAnswerInput {
  @Field() @IsString() @Length(1, 40) itemCode: string;
  @Field({ description: 'PASS, PARTIAL, FAIL or NOT_APPLICABLE (only where the item may not apply)' })
  @IsString()
  @Length(1, 20)
  result: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() note?: string | null;
  @Field(() => String, { nullable: true, description: "Required when the result differs from the screen's" })
  @IsOptional()
  @IsString()
  overrideReason?: string | null;
}

@InputType()
export class SaveComplianceCheckInput {
  @Field(() => ID) @IsUUID() checkId: string;
  @Field(() => Int) @IsInt() @Min(1) version: number;
  @Field(() => [CheckItemAnswerInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => CheckItemAnswerInput)
  items: CheckItemAnswerInput[];
}

@ArgsType()
export class ComplianceChecklistsArgs extends PageArgs {
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() code?: string;
}

@ArgsType()
export class ComplianceRatesArgs extends PageArgs {
  @Field(() => Int) @IsInt() @Min(2000) @Max(2100) year: number;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() departmentId?: string;
}
