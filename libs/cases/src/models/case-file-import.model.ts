import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ImportReport } from '@ducha/org';

@ObjectType({ description: 'A large case-file import running as a job' })
export class CaseFileImport {
  @Field(() => ID) id: string;
  @Field({ description: 'QUEUED, RUNNING, DONE or FAILED' }) status: string;
  @Field(() => Int) total: number;
  @Field(() => Int) done: number;
  @Field(() => ImportReport, { nullable: true }) report: ImportReport | null;
}
