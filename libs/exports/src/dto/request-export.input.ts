import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { GraphQLJSON } from '@ducha/common';
import { IsEnum, IsInt, IsObject, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { ExportKind } from '../exports.enums.js';

@InputType({ description: 'A file to build: its kind, and what it is of (each kind says which fields it needs)' })
export class RequestExportInput {
  @Field(() => ExportKind) @IsEnum(ExportKind) kind: ExportKind;

  @Field(() => ID, { nullable: true, description: 'The campaign, round, task or assessment framework' })
  @IsOptional()
  @IsUUID()
  targetId?: string;

  @Field(() => Int, { nullable: true, description: 'Assessment exports: the year' })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @Field(() => Int, { nullable: true, description: 'Assessment exports: 1–4, or 0 for the annual score' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(4)
  quarter?: number;

  @Field(() => GraphQLJSON, {
    nullable: true,
    description: 'The ledger export: its filters, named and written as in GET /exports/rectification-ledger.xlsx',
  })
  @IsOptional()
  @IsObject()
  filter?: Record<string, unknown>;
}
