import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class ImportRowError {
  @Field(() => Int, { description: 'Row number as the spreadsheet shows it (the header is row 1)' })
  row: number;

  @Field()
  column: string;

  @Field()
  reason: string;
}

@ObjectType()
export class ImportReport {
  @Field({ description: 'True when every row was valid and written; false means nothing was written' })
  ok: boolean;

  @Field(() => Int)
  rows: number;

  @Field(() => Int)
  created: number;

  @Field(() => Int)
  updated: number;

  @Field(() => [ImportRowError])
  errors: ImportRowError[];
}
