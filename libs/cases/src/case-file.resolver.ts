import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, type Actor } from '@ducha/common';
import { ImportReport } from '@ducha/org';
import { CaseFileImportJobs } from './case-file-import.job.js';
import { CaseFileImportService } from './case-file-import.service.js';
import { draftFromInput, toCaseFileModel } from './case-file.mapper.js';
import { CaseFileService } from './case-file.service.js';
import { CaseFilesArgs, ImportCaseFilesInput } from './dto/case-file.inputs.js';
import { CaseFileImport } from './models/case-file-import.model.js';
import { CaseFile, CaseFilePage } from './models/case-file.model.js';

@Resolver()
export class CaseFileResolver {
  constructor(
    private readonly files: CaseFileService,
    private readonly imports: CaseFileImportService,
    private readonly jobs: CaseFileImportJobs,
  ) {}

  @Query(() => CaseFileImport, { description: 'A large import you started: progress and, once done, its report' })
  async caseFileImport(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<CaseFileImport> {
    return this.jobs.status(actor, id);
  }

  @Query(() => CaseFilePage, { description: 'Case files you may see, newest closed first' })
  async caseFiles(@CurrentActor() actor: Actor, @Args() args: CaseFilesArgs): Promise<CaseFilePage> {
    const { items, total } = await this.files.list(actor, args);
    return { items: items.map(toCaseFileModel), total };
  }

  @Query(() => CaseFile)
  async caseFile(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<CaseFile> {
    return toCaseFileModel(await this.files.findOne(actor, id));
  }

  @Mutation(() => ImportReport, {
    description: 'Imports case files from JSON rows: all or nothing; a known (department, file number) is updated',
  })
  async importCaseFiles(@CurrentActor() actor: Actor, @Args('input') input: ImportCaseFilesInput): Promise<ImportReport> {
    return this.imports.importDrafts(actor, input.rows.map(draftFromInput), 'graphql');
  }
}
