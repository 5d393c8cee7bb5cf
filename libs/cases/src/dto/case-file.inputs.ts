import { ArgsType, Field, Float, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageArgs } from '@ducha/common';
import { CaseType, OnSiteCoercion, PartyKind, PenaltyKind } from '../case-file.types.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const dateMsg = (f: string) => ({ message: `${f} must be a date like 2026-01-31` });

@InputType({ description: 'One case file row, as the sheet import reads it' })
export class CaseFileRowInput {
  @Field() @IsString() @Length(1, 40) departmentCode: string;
  @Field() @IsString() @Length(1, 100) fileNo: string;
  @Field(() => CaseType) @IsEnum(CaseType) caseType: CaseType;
  @Field({ defaultValue: '' }) @IsString() @Length(0, 100) sector: string;
  @Field() @IsString() @Length(1, 500) cause: string;
  @Field() @IsString() @Length(1, 200) partyName: string;
  @Field(() => PartyKind) @IsEnum(PartyKind) partyKind: PartyKind;
  @Field({ defaultValue: '' }) @IsString() @Length(0, 40) partyIdNo: string;
  @Field(() => [String]) @IsArray() @ArrayMinSize(1) @IsString({ each: true }) officerCertificateNos: string[];
  @Field() @Matches(DATE, dateMsg('filedDate')) filedDate: string;
  @Field({ nullable: true }) @IsOptional() @Matches(DATE, dateMsg('decisionDate')) decisionDate?: string;
  @Field({ nullable: true }) @IsOptional() @Matches(DATE, dateMsg('disclosedDate')) disclosedDate?: string;
  @Field() @Matches(DATE, dateMsg('closedDate')) closedDate: string;
  @Field({ nullable: true }) @IsOptional() @Matches(DATE, dateMsg('legalReviewSubmittedDate')) legalReviewSubmittedDate?: string;
  @Field({ nullable: true }) @IsOptional() @Matches(DATE, dateMsg('legalReviewFinishedDate')) legalReviewFinishedDate?: string;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() legalReviewPassed?: boolean;
  @Field({ defaultValue: false, description: 'An approved extension of the review time limit (+3 working days)' })
  @IsBoolean()
  legalReviewExtended: boolean;
  @Field(() => [PenaltyKind], { defaultValue: [] }) @IsEnum(PenaltyKind, { each: true }) penaltyKinds: PenaltyKind[];
  @Field(() => Float, { defaultValue: 0, description: 'Fine in fen (integer)' }) @IsInt() @Min(0) fineFen: number;
  @Field({ defaultValue: false }) @IsBoolean() major: boolean;
  @Field({ defaultValue: false }) @IsBoolean() hearingHeld: boolean;
  @Field(() => OnSiteCoercion, { nullable: true }) @IsOptional() @IsEnum(OnSiteCoercion) onSiteCoercion?: OnSiteCoercion;
  @Field({ defaultValue: false }) @IsBoolean() avRecorded: boolean;
  @Field({ defaultValue: false }) @IsBoolean() avFiled: boolean;
}

@InputType()
export class ImportCaseFilesInput {
  @Field(() => [CaseFileRowInput])
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => CaseFileRowInput)
  rows: CaseFileRowInput[];
}

@ArgsType()
export class CaseFilesArgs extends PageArgs {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() departmentId?: string;
  @Field(() => CaseType, { nullable: true }) @IsOptional() @IsEnum(CaseType) caseType?: CaseType;
  @Field({ nullable: true }) @IsOptional() @Matches(DATE, dateMsg('closedFrom')) closedFrom?: string;
  @Field({ nullable: true }) @IsOptional() @Matches(DATE, dateMsg('closedTo')) closedTo?: string;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() major?: boolean;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() hearingHeld?: boolean;
  @Field({ nullable: true, description: 'Files with (true) or without (false) a listed on-site action' })
  @IsOptional()
  @IsBoolean()
  onSiteCoercion?: boolean;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() avFiled?: boolean;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 100) search?: string;
}
