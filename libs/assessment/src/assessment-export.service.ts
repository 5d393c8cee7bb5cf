import { Injectable } from '@nestjs/common';
import type { Actor } from '@ducha/common';
import { periodLabel, resultsReport, resultsWorkbook } from './assessment-exports.js';
import { AssessmentScoringService } from './assessment-scoring.service.js';
import { FrameworkService } from './framework.service.js';

/** A framework's period: quarter 1–4, or 0 for the annual score. */
export interface AssessmentPeriod {
  frameworkId: string;
  year: number;
  quarter: number;
}

/** A built file: its name as the user sees it, and its bytes. */
export interface AssessmentExportFile {
  fileName: string;
  content: Buffer;
}

/**
 * A period's results (.xlsx) and report (.docx), built once for both ways of getting them: the GET
 * endpoints and the export job. The rows are read as the actor may see them (a department: its own,
 * once published); the framework must be one the actor's region shares.
 */
@Injectable()
export class AssessmentExportService {
  constructor(
    private readonly scoring: AssessmentScoringService,
    private readonly frameworks: FrameworkService,
  ) {}

  /** Refuses exactly as the files would (bad period, unknown or foreign framework), building nothing. */
  async authorize(actor: Actor, period: AssessmentPeriod): Promise<void> {
    await this.read(actor, period);
  }

  async resultsSheet(actor: Actor, period: AssessmentPeriod): Promise<AssessmentExportFile> {
    const { rows } = await this.read(actor, period);
    return {
      fileName: `法治政府建设考核结果-${periodLabel(period.year, period.quarter)}.xlsx`,
      content: await resultsWorkbook(rows),
    };
  }

  async report(actor: Actor, period: AssessmentPeriod): Promise<AssessmentExportFile> {
    const { rows, frameworkName } = await this.read(actor, period);
    return {
      fileName: `法治政府建设考核通报-${periodLabel(period.year, period.quarter)}.docx`,
      content: await resultsReport(rows, frameworkName, period.year, period.quarter),
    };
  }

  private async read(actor: Actor, period: AssessmentPeriod) {
    const rows = await this.scoring.results(actor, period);
    const framework = await this.frameworks.get(actor, period.frameworkId);
    return { rows, frameworkName: framework.name };
  }
}
