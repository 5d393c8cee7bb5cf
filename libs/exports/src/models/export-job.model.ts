import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ExportKind, ExportStatus } from '../exports.enums.js';

@ObjectType({ description: 'An export you asked for, built by a job; its progress arrives as import.progressed events (kind EXPORT)' })
export class ExportJob {
  @Field(() => ID) id: string;
  @Field(() => ExportKind) kind: ExportKind;
  @Field(() => ExportStatus) status: ExportStatus;
  @Field(() => Int, { description: 'Rows (the ledger) or steps (a document) done so far' }) done: number;
  @Field(() => Int) total: number;
  @Field(() => String, { nullable: true, description: 'Once DONE: download it from /exports/files/{id}' }) fileName: string | null;
  @Field(() => String, { nullable: true, description: 'Why it FAILED' }) error: string | null;
}
