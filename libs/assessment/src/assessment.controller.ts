import { BadRequestException, Controller, Get, Param, ParseIntPipe, ParseUUIDPipe, Post, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { CurrentActor, writeSheet, type Actor } from '@ducha/common';
import type { Response } from 'express';
import { AssessmentScoringService } from './assessment-scoring.service.js';
import { PlanService, type PlanImportReport } from './plan.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_SHEET_BYTES = 10 * 1024 * 1024;
const attachment = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;

/** The plan sheet upload and the results export (REST: files). */
@Controller()
export class AssessmentController {
  constructor(
    private readonly plan: PlanService,
    private readonly scoring: AssessmentScoringService,
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
    const level1 = ((rows[0]?.detail as { level1?: { code: string; title: string }[] })?.level1 ?? []);
    const sheet = await writeSheet('考核结果', ['排名', '单位编码', '单位名称', '得分', '等次', ...level1.map((l) => `${l.code} ${l.title}`), '是否已发布'],
      rows.map((r) => [r.rank, r.department_code, r.department_name, Number(r.score), r.grade,
        ...((r.detail as { level1: { scaled: number }[] }).level1.map((l) => Math.round(l.scaled * 100) / 100)), r.published_at ? '是' : '否']));
    const period = quarter ? `${year}年第${quarter}季度` : `${year}年度`;
    res.setHeader('Content-Type', XLSX).setHeader('Content-Disposition', attachment(`法治政府建设考核结果-${period}.xlsx`)).send(sheet);
  }
}
