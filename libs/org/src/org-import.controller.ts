import { BadRequestException, Controller, Param, ParseEnumPipe, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { CurrentActor, Roles, type Actor } from '@ducha/common';
import { Role } from '@ducha/contracts';
import type { ImportReport } from './models/import-report.model.js';
import { OrgImportKind, OrgImportService } from './org-import.service.js';

const MAX_SHEET_BYTES = 10 * 1024 * 1024;

/** File upload is REST (multipart); the report has the same shape as GraphQL's ImportReport. */
@Controller('imports/org')
export class OrgImportController {
  constructor(private readonly imports: OrgImportService) {}

  @Roles(Role.ADMIN)
  @Post(':kind')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_SHEET_BYTES, files: 1 } }))
  async import(
    @CurrentActor() actor: Actor,
    @Param('kind', new ParseEnumPipe(OrgImportKind)) kind: OrgImportKind,
    @UploadedFile() file: { buffer: Buffer } | undefined,
  ): Promise<ImportReport> {
    if (!file) throw new BadRequestException('Attach the sheet as the multipart field "file"');
    return this.imports.import(actor, kind, file.buffer);
  }
}
