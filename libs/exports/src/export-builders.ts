import { Injectable } from '@nestjs/common';
import { AssessmentExportService, type AssessmentPeriod } from '@ducha/assessment';
import { DomainException, type Actor } from '@ducha/common';
import { RoundExportService } from '@ducha/compliance';
import { RectificationExportService, parseLedgerQuery, type LedgerFilter } from '@ducha/rectification';
import { ReviewExportService } from '@ducha/reviews';
import { ExportKind } from './exports.enums.js';
import { DOCX, XLSX, type BuildProgress, type BuiltFile, type ExportParams } from './export-params.js';

type Named = { fileName: string; content: Buffer };

/** How one kind is checked and built. */
export interface ExportBuilder {
  /**
   * Validates the parameters and refuses what the GET endpoint would refuse (unknown object, no
   * access), building nothing: run when the export is requested, and again by the job.
   */
  authorize(actor: Actor, params: ExportParams): Promise<void>;
  build(actor: Actor, params: ExportParams, progress: BuildProgress): Promise<BuiltFile>;
}

function targetOf(params: ExportParams): string {
  if (!params.targetId) throw DomainException.field('targetId', 'this export needs the id of what it is of');
  return params.targetId;
}

function periodOf(params: ExportParams): AssessmentPeriod {
  const frameworkId = targetOf(params);
  if (params.year == null) throw DomainException.field('year', 'this export needs the year');
  if (params.quarter == null) throw DomainException.field('quarter', 'this export needs the quarter (0 for the year)');
  return { frameworkId, year: params.year, quarter: params.quarter };
}

/** The ledger's filters as the GET export reads its query string: text values only. */
function ledgerFilterOf(params: ExportParams): LedgerFilter {
  const raw = params.filter ?? {};
  for (const [key, value] of Object.entries(raw)) {
    const text = typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string'));
    if (!text) throw DomainException.field(`filter.${key}`, 'must be text, as in the ledger export’s query string');
  }
  return parseLedgerQuery(raw as Record<string, string | string[]>);
}

/** A document made in one go reports two steps: started, then written (the job's end is the last). */
function document(contentType: string, authorize: ExportBuilder['authorize'], make: (actor: Actor, p: ExportParams) => Promise<Named>) {
  return {
    authorize,
    build: async (actor: Actor, p: ExportParams, progress: BuildProgress): Promise<BuiltFile> => {
      await progress(0, 2);
      const { fileName, content } = await make(actor, p);
      await progress(1, 2);
      return { fileName, contentType, content };
    },
  } satisfies ExportBuilder;
}

/**
 * Every export kind, built by the same service methods the GET endpoints call: the file, its name
 * and its access rules are the owning lib's, whichever way it is downloaded.
 */
@Injectable()
export class ExportBuilders {
  constructor(
    private readonly reviews: ReviewExportService,
    private readonly rounds: RoundExportService,
    private readonly assessment: AssessmentExportService,
    private readonly rectification: RectificationExportService,
  ) {}

  for(kind: ExportKind): ExportBuilder {
    const campaign = async (actor: Actor, p: ExportParams) => void (await this.reviews.results(actor, targetOf(p)));
    const round = (actor: Actor, p: ExportParams) => this.rounds.authorize(actor, targetOf(p));
    const period = (actor: Actor, p: ExportParams) => this.assessment.authorize(actor, periodOf(p));
    switch (kind) {
      case ExportKind.REVIEW_BULLETIN:
        return document(DOCX, campaign, (actor, p) => this.reviews.bulletin(actor, targetOf(p)));
      case ExportKind.REVIEW_RESULTS:
        return document(XLSX, campaign, (actor, p) => this.reviews.resultsSheet(actor, targetOf(p)));
      case ExportKind.COMPLIANCE_RESULTS:
        return document(XLSX, round, (actor, p) => this.rounds.resultsSheet(actor, targetOf(p)));
      case ExportKind.COMPLIANCE_BULLETIN:
        return document(DOCX, round, (actor, p) => this.rounds.bulletin(actor, targetOf(p)));
      case ExportKind.ASSESSMENT_RESULTS:
        return document(XLSX, period, (actor, p) => this.assessment.resultsSheet(actor, periodOf(p)));
      case ExportKind.ASSESSMENT_REPORT:
        return document(DOCX, period, (actor, p) => this.assessment.report(actor, periodOf(p)));
      case ExportKind.RECTIFICATION_NOTICE:
        return document(
          DOCX,
          (actor, p) => this.rectification.authorizeNotice(actor, targetOf(p)),
          (actor, p) => this.rectification.notice(actor, targetOf(p)),
        );
      case ExportKind.RECTIFICATION_LEDGER:
        return {
          authorize: async (actor, p) => this.rectification.authorizeLedger(actor, ledgerFilterOf(p)),
          build: async (actor, p, progress) => ({
            contentType: XLSX,
            ...(await this.rectification.ledgerWorkbook(actor, ledgerFilterOf(p), progress)),
          }),
        };
    }
  }
}
