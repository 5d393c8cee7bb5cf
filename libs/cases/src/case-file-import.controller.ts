import { BadRequestException, Controller, HttpCode, Post, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { CurrentActor, type Actor } from '@ducha/common';
import type { ImportReport } from '@ducha/org';
import { CaseFileImportJobs, LARGE_IMPORT_ROWS, type CaseFileImportStatus } from './case-file-import.job.js';
import { CaseFileImportService, readCaseSheet } from './case-file-import.service.js';

const MAX_SHEET_BYTES = 50 * 1024 * 1024;

/**
 * `POST /imports/case-files` (multipart field `file`, .xlsx or CSV with Chinese headers). Up to
 * 2,000 rows the answer is the ImportReport; larger sheets answer 202 with the import's id, run as a
 * job with `import.progressed` events, and their report is fetched with the `caseFileImport` query.
 */
@Controller('imports/case-files')
export class CaseFileImportController {
  constructor(
    private readonly imports: CaseFileImportService,
    private readonly jobs: CaseFileImportJobs,
  ) {}

  @Post()
  @HttpCode(200)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_SHEET_BYTES, files: 1 } }))
  async import(
    @CurrentActor() actor: Actor,
    @UploadedFile() file: { buffer: Buffer } | undefined,
    @Res({ passthrough: true }) res: { status(code: number): unknown },
  ): Promise<ImportReport | CaseFileImportStatus> {
    if (!file) throw new BadRequestException('Attach the sheet as the multipart field "file"');
    const rows = (await readCaseSheet(file.buffer)).rows.length;
    if (rows > LARGE_IMPORT_ROWS) {
      res.status(202);
      return this.jobs.enqueue(actor, file.buffer, rows);
    }
    const parsed = await this.imports.parseSheet(file.buffer);
    return 'report' in parsed ? parsed.report : this.imports.importDrafts(actor, parsed.drafts, 'upload', parsed.errors);
  }
}
