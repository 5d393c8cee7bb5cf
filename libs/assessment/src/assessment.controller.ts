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
import { periodLabel, resultsReport, resultsWorkbook } from './assessment-exports.js';
import { AssessmentScoringService } from './assessment-scoring.service.js';
import { FrameworkService } from './framework.service.js';
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
    private readonly scoring: AssessmentScoringService,
    private readonly frameworks: FrameworkService,
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
    const rows = await this.scoring.results(actor, { frameworkId, year, quarter });
    res
      .setHeader('Content-Type', XLSX)
      .setHeader('Content-Disposition', attachment(`法治政府建设考核结果-${periodLabel(year, quarter)}.xlsx`))
      .send(await resultsWorkbook(rows));
  }

  @Get('exports/assessment/:frameworkId/:year/:quarter/report.docx')
  async docx(
    @CurrentActor() actor: Actor,
    @Param('frameworkId', ParseUUIDPipe) frameworkId: string,
    @Param('year', ParseIntPipe) year: number,
    @Param('quarter', ParseIntPipe) quarter: number,
    @Res() res: Response,
  ): Promise<void> {
    const rows = await this.scoring.results(actor, { frameworkId, year, quarter });
    const framework = await this.frameworks.get(actor, frameworkId);
    res
      .setHeader('Content-Type', DOCX)
      .setHeader('Content-Disposition', attachment(`法治政府建设考核通报-${periodLabel(year, quarter)}.docx`))
      .send(await resultsReport(rows, framework.name, year, quarter));
  }
}
