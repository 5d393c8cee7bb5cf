import { Controller, Get, Param, ParseUUIDPipe, Post, Req, Res, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { CurrentActor, DomainException, Roles, type Actor } from '@ducha/common';
import { Role } from '@ducha/contracts';
import type { Request, Response } from 'express';
import type { AssessmentEvidenceFile } from './assessment.models.js';
import { EvidenceService } from './evidence.service.js';
import { toEvidenceFile } from './assessment.mapper.js';

/** Evidence files of measure progress reports (REST: multipart upload, download). */
@Controller('files/assessment/progress/:progressId')
export class AssessmentFilesController {
  constructor(private readonly evidence: EvidenceService) {}

  /** The size cap is the module's multer limit (AppConfig.maxUploadBytes). */
  @Roles(Role.DEPARTMENT_OFFICER)
  @Post()
  @UseInterceptors(FileInterceptor('file'))
  async upload(
    @CurrentActor() actor: Actor,
    @Param('progressId', ParseUUIDPipe) progressId: string,
    @Req() req: Request & { file?: { buffer: Buffer; originalname: string } },
  ): Promise<AssessmentEvidenceFile> {
    if (!req.file) throw DomainException.field('file', 'attach the file as the multipart field "file"');
    const name = Buffer.from(req.file.originalname, 'latin1').toString('utf8');
    return toEvidenceFile(await this.evidence.upload(actor, progressId, name, req.file.buffer));
  }

  @Get(':fileId')
  async download(
    @CurrentActor() actor: Actor,
    @Param('progressId', ParseUUIDPipe) progressId: string,
    @Param('fileId', ParseUUIDPipe) fileId: string,
    @Res() res: Response,
  ): Promise<void> {
    const { file, content } = await this.evidence.download(actor, progressId, fileId);
    res
      .setHeader('Content-Type', file.mime_type)
      .setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.file_name)}`)
      .setHeader('X-Content-Type-Options', 'nosniff')
      .end(content);
  }
}
