import { Controller, Get, Param, Res } from '@nestjs/common';
import { CurrentActor, type Actor } from '@ducha/common';
import type { Response } from 'express';
import { ExportFileService } from './export-file.service.js';

/** `GET /exports/files/:id`: a finished export, to the user who asked for it (anyone else: 404). */
@Controller('exports/files')
export class ExportFileController {
  constructor(private readonly exports: ExportFileService) {}

  @Get(':id')
  async download(@CurrentActor() actor: Actor, @Param('id') id: string, @Res() res: Response): Promise<void> {
    const { fileName, contentType, content } = await this.exports.file(actor, id);
    res
      .setHeader('Content-Type', contentType)
      .setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
      .setHeader('X-Content-Type-Options', 'nosniff')
      .send(content);
  }
}
