import { Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res, UseInterceptors } from '@nestjs/common';
import { CurrentActor, DomainException, Roles, type Actor } from '@ducha/common';
import { Role } from '@ducha/contracts';
import type { Request, Response } from 'express';
import { toEvidenceModel } from '../rectification.mapper.js';
import type { EvidenceFile } from '../models/rectification-task.model.js';
import { EvidenceService } from '../services/evidence.service.js';
import { RectificationExportService } from '../services/rectification-export.service.js';
import { parseLedgerQuery } from './ledger-query.js';
import { SingleUploadInterceptor } from './upload.interceptor.js';

function attachment(res: Response, fileName: string, mimeType: string, content: Buffer): void {
  res.setHeader('Content-Type', mimeType);
  res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.end(content);
}

/** Files are REST: evidence upload (multipart) and download, the notice (.docx) and the ledger (.xlsx). */
@Controller()
export class RectificationFilesController {
  constructor(
    private readonly evidence: EvidenceService,
    private readonly exports: RectificationExportService,
  ) {}

  @Roles(Role.DEPARTMENT_OFFICER)
  @Post('files/rectification/:taskId')
  @UseInterceptors(SingleUploadInterceptor)
  async upload(
    @CurrentActor() actor: Actor,
    @Param('taskId', ParseUUIDPipe) taskId: string,
    @Req() req: Request & { file?: { buffer: Buffer; originalname: string } },
  ): Promise<EvidenceFile> {
    if (!req.file) throw DomainException.field('file', 'attach the file as the multipart field "file"');
    const name = Buffer.from(req.file.originalname, 'latin1').toString('utf8');
    return toEvidenceModel(await this.evidence.upload(actor, taskId, name, req.file.buffer));
  }

  @Get('files/rectification/:taskId/:fileId')
  async download(
    @CurrentActor() actor: Actor,
    @Param('taskId', ParseUUIDPipe) taskId: string,
    @Param('fileId', ParseUUIDPipe) fileId: string,
    @Res() res: Response,
  ): Promise<void> {
    const { file, content } = await this.evidence.download(actor, taskId, fileId);
    attachment(res, file.fileName, file.mimeType, content);
  }

  @Get('exports/rectification/:taskId/notice.docx')
  async notice(@CurrentActor() actor: Actor, @Param('taskId', ParseUUIDPipe) taskId: string, @Res() res: Response): Promise<void> {
    const { fileName, content } = await this.exports.notice(actor, taskId);
    attachment(res, fileName, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', content);
  }

  @Get('exports/rectification-ledger.xlsx')
  async ledger(
    @CurrentActor() actor: Actor,
    @Query() query: Record<string, string | string[] | undefined>,
    @Res() res: Response,
  ): Promise<void> {
    const { fileName, content } = await this.exports.ledgerWorkbook(actor, parseLedgerQuery(query));
    attachment(res, fileName, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', content);
  }
}
