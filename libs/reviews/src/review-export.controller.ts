import { Controller, Get, Param, ParseUUIDPipe, Res, StreamableFile } from '@nestjs/common';
import { CurrentActor, type Actor } from '@ducha/common';
import { ReviewExportService } from './review-export.service.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Reply = { setHeader(name: string, value: string): unknown };

const disposition = (name: string) => `attachment; filename="download"; filename*=UTF-8''${encodeURIComponent(name)}`;

@Controller('exports/review-campaigns')
export class ReviewExportController {
  constructor(private readonly exports: ReviewExportService) {}

  @Get(':id/bulletin.docx')
  async bulletin(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) res: Reply,
  ): Promise<StreamableFile> {
    const { fileName, content } = await this.exports.bulletin(actor, id);
    res.setHeader('content-disposition', disposition(fileName));
    return new StreamableFile(content, { type: DOCX });
  }

  @Get(':id/results.xlsx')
  async results(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) res: Reply,
  ): Promise<StreamableFile> {
    const { fileName, content } = await this.exports.resultsSheet(actor, id);
    res.setHeader('content-disposition', disposition(fileName));
    return new StreamableFile(content, { type: XLSX });
  }
}
