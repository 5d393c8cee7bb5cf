import {
  BadRequestException,
  Controller,
  Get,
  Param,
  ParseIntPipe,
  ParseUUIDPipe,
  Post,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { CurrentActor, type Actor } from '@ducha/common';
import type { Response } from 'express';
import { AssessmentExportService } from './assessment-export.service.js';
import { PlanService, type PlanImportReport } from './plan.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const MAX_SHEET_BYTES = 10 * 1024 * 1024;
const attachment = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;

/** The plan sheet upload and the results export (REST: files). */
@Controller()
export class AssessmentController {
  constructor(
    private readonly plan: PlanService,
    private readonly exports: AssessmentExportService,
  ) {}

  @Post('imports/assessment/:frameworkId/plan/:year')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_SHEET_BYTES, files: 1 } }))
  async importPlan(
    @CurrentActor() actor: Actor,
    @Param('frameworkId', ParseUUIDPipe) frameworkId: string,
    @Param('year', ParseIntPipe) year: number,
    @UploadedFile() file: { buffer: Buffer } | undefined,
  ): Promise<PlanImportReport> {
    if (!file) throw new BadRequestException('Attach the sheet as the multipart field "file"');
    return this.plan.importPlan(actor, frameworkId, year, file.buffer);
  }

  /** Quarter 0 is the annual score. */
  @Get('exports/assessment/:frameworkId/:year/:quarter/results.xlsx')
  async xlsx(
    @CurrentActor() actor: Actor,
    @Param('frameworkId', ParseUUIDPipe) frameworkId: string,
    @Param('year', ParseIntPipe) year: number,
    @Param('quarter', ParseIntPipe) quarter: number,
    @Res() res: Response,
  ): Promise<void> {
    const { fileName, content } = await this.exports.resultsSheet(actor, { frameworkId, year, quarter });
    res.setHeader('Content-Type', XLSX).setHeader('Content-Disposition', attachment(fileName)).send(content);
  }

  @Get('exports/assessment/:frameworkId/:year/:quarter/report.docx')
  async docx(
    @CurrentActor() actor: Actor,
    @Param('frameworkId', ParseUUIDPipe) frameworkId: string,
    @Param('year', ParseIntPipe) year: number,
    @Param('quarter', ParseIntPipe) quarter: number,
    @Res() res: Response,
  ): Promise<void> {
    const { fileName, content } = await this.exports.report(actor, { frameworkId, year, quarter });
    res.setHeader('Content-Type', DOCX).setHeader('Content-Disposition', attachment(fileName)).send(content);
  }
}
