import { BadRequestException, Controller, Get, Param, ParseUUIDPipe, Post, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { CurrentActor, type Actor } from '@ducha/common';
import type { Response } from 'express';
import { EvidenceService } from './evidence/evidence.service.js';
import { MAX_EVIDENCE_BYTES } from './evidence/file-sniff.js';
import { RoundExportService } from './results/round-export.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const attachment = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;

/** REST for what GraphQL does not carry well: evidence uploads/downloads and the round's exports. */
@Controller()
export class ComplianceController {
  constructor(
    private readonly evidence: EvidenceService,
    private readonly exports: RoundExportService,
  ) {}

  @Post('files/compliance/checks/:checkId/items/:itemCode')
  // The interceptor lets slightly larger files through so the service answers with a clear size error.
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_EVIDENCE_BYTES + 1, files: 1 } }))
  async upload(
    @CurrentActor() actor: Actor,
    @Param('checkId', ParseUUIDPipe) checkId: string,
    @Param('itemCode') itemCode: string,
    @UploadedFile() file: { buffer: Buffer; originalname: string } | undefined,
  ) {
    if (!file) throw new BadRequestException('Attach the evidence as the multipart field "file"');
    const saved = await this.evidence.attach(
      actor,
      checkId,
      itemCode,
      Buffer.from(file.originalname, 'latin1').toString('utf8'),
      file.buffer,
    );
    return { id: saved.id, fileName: saved.fileName, contentType: saved.contentType, sizeBytes: saved.sizeBytes };
  }

  @Get('files/compliance/evidence/:id')
  async download(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Res() res: Response): Promise<void> {
    const { file, content } = await this.evidence.download(actor, id);
    res.setHeader('Content-Type', file.contentType).setHeader('Content-Disposition', attachment(file.fileName)).send(content);
  }

  @Get('exports/compliance/rounds/:id/results.xlsx')
  async xlsx(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Res() res: Response): Promise<void> {
    const { fileName, content } = await this.exports.resultsSheet(actor, id);
    res.setHeader('Content-Type', XLSX).setHeader('Content-Disposition', attachment(fileName)).send(content);
  }

  @Get('exports/compliance/rounds/:id/bulletin.docx')
  async docx(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Res() res: Response): Promise<void> {
    const { fileName, content } = await this.exports.bulletin(actor, id);
    res.setHeader('Content-Type', DOCX).setHeader('Content-Disposition', attachment(fileName)).send(content);
  }
}
