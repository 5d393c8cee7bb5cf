import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMinSize, IsBoolean, IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Min } from 'class-validator';
import { PageArgs } from '@ducha/common';
import { Role, UnitKind } from '../models/enums.js';

const CODE = /^[A-Za-z0-9_-]{1,40}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

@InputType()
export class CreateRegionInput {
  @Field(() => ID) @IsUUID() parentId: string;
  @Field() @Matches(CODE, { message: 'code must be 1-40 letters, digits, - or _' }) code: string;
  @Field() @IsString() @Length(1, 100) name: string;
}

@InputType()
export class CreateUnitInput {
  @Field() @Matches(CODE, { message: 'code must be 1-40 letters, digits, - or _' }) code: string;
  @Field() @IsString() @Length(1, 100) name: string;
  @Field(() => UnitKind) @IsEnum(UnitKind) kind: UnitKind;
  @Field(() => ID) @IsUUID() regionId: string;
  @Field({ defaultValue: true }) @IsBoolean() isEnforcementBody: boolean;
  @Field({ defaultValue: false }) @IsBoolean() isSupervisingOffice: boolean;
}

@InputType()
export class UpdateUnitInput {
  @Field(() => ID) @IsUUID() id: string;
  @Field(() => Int, { description: 'The version you edited (optimistic locking)' }) @IsInt() @Min(1) version: number;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 100) name?: string;
  @Field(() => UnitKind, { nullable: true }) @IsOptional() @IsEnum(UnitKind) kind?: UnitKind;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() isEnforcementBody?: boolean;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() isSupervisingOffice?: boolean;
}

@ArgsType()
export class UnitsArgs extends PageArgs {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() regionId?: string;
  @Field(() => UnitKind, { nullable: true }) @IsOptional() @IsEnum(UnitKind) kind?: UnitKind;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 100) search?: string;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() enforcementOnly?: boolean;
}

@InputType()
export class CreateUserInput {
  @Field() @Matches(/^[A-Za-z0-9_.-]{3,40}$/, { message: 'username must be 3-40 letters, digits, _ . or -' }) username: string;
  @Field() @IsString() @Length(1, 60) displayName: string;
  @Field(() => ID) @IsUUID() unitId: string;
  @Field(() => [Role]) @ArrayMinSize(1) @IsEnum(Role, { each: true }) roles: Role[];
  @Field() @IsString() @Length(8, 128) password: string;
}

@InputType()
export class UpdateUserInput {
  @Field(() => ID) @IsUUID() id: string;
  @Field(() => Int) @IsInt() @Min(1) version: number;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 60) displayName?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() unitId?: string;
  @Field(() => [Role], { nullable: true }) @IsOptional() @ArrayMinSize(1) @IsEnum(Role, { each: true }) roles?: Role[];
  @Field({ nullable: true }) @IsOptional() @IsBoolean() disabled?: boolean;
}

@ArgsType()
export class UsersArgs extends PageArgs {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() unitId?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 100) search?: string;
}

@InputType()
export class CreateOfficerInput {
  @Field() @Matches(/^[A-Za-z0-9-]{4,40}$/, { message: 'certificateNo must be 4-40 letters, digits or -' }) certificateNo: string;
  @Field() @IsString() @Length(1, 60) name: string;
  @Field(() => ID) @IsUUID() unitId: string;
  @Field({ defaultValue: 'ADMINISTRATIVE_ENFORCEMENT' }) @IsString() @Length(1, 40) kind: string;
  @Field() @Matches(DATE, { message: 'validFrom must be a date YYYY-MM-DD' }) validFrom: string;
  @Field() @Matches(DATE, { message: 'validTo must be a date YYYY-MM-DD' }) validTo: string;
  @Field({ defaultValue: false }) @IsBoolean() legalQualification: boolean;
  @Field({ defaultValue: false }) @IsBoolean() legalReviewer: boolean;
}

@ArgsType()
export class OfficersArgs extends PageArgs {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() unitId?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 100) search?: string;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() legalReviewer?: boolean;
}
