import { Injectable } from '@nestjs/common';
import { AuditService } from '@ducha/audit';
import { DomainException, type Actor } from '@ducha/common';
import { FindingSeverity, FindingSource, type FindingDraft } from '@ducha/contracts';
import { TransactionRunner } from '@ducha/database';
import { OutboxService } from '@ducha/realtime';
import { FindingService } from '@ducha/rectification';
import type { Evaluation, RubricTemplate } from '@ducha/scoring';
import { In, type EntityManager } from 'typeorm';
import { enforceRunsCampaign, loadCampaign, requireStage, unitPaths } from './campaign-access.js';
import { CampaignStage, ReviewCampaignEntity } from './entities/review-campaign.entity.js';
import { ReviewFileEntity, ReviewFileStatus } from './entities/review-file.entity.js';
import { RubricEntity } from './entities/rubric.entity.js';
import { ScoreSheetEntity, SheetKind, SheetStatus } from './entities/score-sheet.entity.js';
import { computeResults, type FindingSummary } from './results.js';

/** Finalizing (results, findings) and publishing the bulletin. */
@Injectable()
export class FinalizeService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly findings: FindingService,
  ) {}

  async finalize(actor: Actor, campaignId: string): Promise<ReviewCampaignEntity> {
    return this.tx.run(async (m) => {
      const c = await loadCampaign(m, campaignId, true);
      enforceRunsCampaign(actor, c);
      requireStage(c, [CampaignStage.REVIEWING, CampaignStage.RECHECK], 'finalize');
      await this.finalizeIn(m, actor, c);
      await this.outbox.emit(
        m,
        'review.finalized',
        { regionPath: c.regionPath, departmentId: null },
        { campaignId, campaignName: c.name, year: c.year },
      );
      return loadCampaign(m, campaignId);
    });
  }

  /** Computes results and records findings; used by finalize and by the demo seed. */
  async finalizeIn(m: EntityManager, actor: Pick<Actor, 'userId' | 'unitId'> | null, c: ReviewCampaignEntity): Promise<void> {
    const files = await m.findBy(ReviewFileEntity, { campaignId: c.id });
    const unscored = files.filter((f) => f.status !== ReviewFileStatus.FINAL).length;
    if (unscored) throw DomainException.conflict(`Cannot finalize: ${unscored} of ${files.length} files are not scored yet`);
    const rubrics = new Map((await m.findBy(RubricEntity, { id: In([...new Set(files.map((f) => f.rubricId))]) })).map((r) => [r.id, r]));
    const sheets = await m.findBy(ScoreSheetEntity, { campaignId: c.id, status: SheetStatus.SUBMITTED });
    const caseFiles: { id: string; file_no: string }[] = files.length
      ? await m.query(`SELECT id, file_no FROM case_file WHERE id = ANY($1::uuid[])`, [files.map((f) => f.caseFileId)])
      : [];
    const fileNo = new Map(caseFiles.map((f) => [f.id, f.file_no]));
    const drafts: FindingDraft[] = [];
    const summaries: FindingSummary[] = [];
    for (const file of files) {
      const own = sheets.filter((s) => s.reviewFileId === file.id);
      const rechecked = own.filter((s) => s.kind === SheetKind.RECHECK);
      const finalSheets = rechecked.length ? rechecked : own.filter((s) => s.kind === SheetKind.INITIAL);
      const rubric = rubrics.get(file.rubricId)!;
      const seen = new Set<string>();
      for (const sheet of finalSheets) {
        for (const f of (sheet.evaluation as Evaluation).findings) {
          if (seen.has(f.itemCode)) continue;
          seen.add(f.itemCode);
          summaries.push({ departmentId: file.departmentId, group: f.group, title: f.title });
          drafts.push({
            source: FindingSource.CASE_REVIEW,
            departmentId: file.departmentId,
            originType: 'ScoreSheetItem',
            originId: `${sheet.id}:${f.itemCode}`,
            batchId: c.id,
            category: f.group,
            severity: f.severity === 'MAJOR' ? FindingSeverity.MAJOR : FindingSeverity.GENERAL,
            description: `案卷${fileNo.get(file.caseFileId) ?? ''}：${f.parentTitle ? `${f.parentTitle}—` : ''}${f.title}${f.note ? `（${f.note}）` : ''}`,
            legalBasis: legalBasisOf(rubric.template, f.itemCode),
            evidence: {
              campaignId: c.id,
              reviewFileId: file.id,
              caseFileId: file.caseFileId,
              fileNo: fileNo.get(file.caseFileId),
              itemCode: f.itemCode,
              kind: f.kind,
              pointsLost: f.pointsLost,
              rubric: `${rubric.code}@${rubric.version}`,
              note: f.note ?? null,
            },
            dedupKey: `CASE_REVIEW:${c.id}:${file.caseFileId}:${f.itemCode}`,
          });
        }
      }
    }
    const names = new Map([...(await unitPaths(m, c.departmentIds))].map(([id, u]) => [id, u.name]));
    const results = computeResults(
      files.map((f) => ({
        departmentId: f.departmentId,
        score: f.finalScore!,
        grade: f.finalGrade!,
        bands: rubrics.get(f.rubricId)!.template.gradeBands,
      })),
      summaries,
      names,
    );
    const recorded = await this.findings.record(m, drafts, actor?.userId ?? null);
    await m.update(
      ReviewCampaignEntity,
      { id: c.id },
      { stage: CampaignStage.FINALIZED, results, finalizedAt: new Date(), version: c.version + 1, updatedAt: new Date() },
    );
    await this.audit.record(m, actor, {
      operation: 'finalizeReviewCampaign',
      targetType: 'ReviewCampaign',
      targetId: c.id,
      after: { files: files.length, findings: drafts.length, recorded, meanScore: results.meanScore },
    });
  }

  async publish(actor: Actor, campaignId: string): Promise<ReviewCampaignEntity> {
    return this.tx.run(async (m) => {
      const c = await loadCampaign(m, campaignId, true);
      enforceRunsCampaign(actor, c);
      requireStage(c, [CampaignStage.FINALIZED], 'publish the bulletin');
      await m.update(
        ReviewCampaignEntity,
        { id: campaignId },
        { stage: CampaignStage.PUBLISHED, publishedAt: new Date(), version: c.version + 1, updatedAt: new Date() },
      );
      await this.audit.record(m, actor, {
        operation: 'publishBulletin',
        targetType: 'ReviewCampaign',
        targetId: campaignId,
        before: { stage: c.stage },
        after: { stage: CampaignStage.PUBLISHED },
      });
      await this.outbox.emit(
        m,
        'bulletin.published',
        { regionPath: c.regionPath, departmentId: null },
        { campaignId, campaignName: c.name, year: c.year },
      );
      return loadCampaign(m, campaignId);
    });
  }
}

function legalBasisOf(template: RubricTemplate, code: string): string | null {
  const walk = (items: RubricTemplate['sections'][number]['items']): string | null => {
    for (const item of items) {
      if (item.code === code) return item.legalBasis ?? null;
      const found = item.children ? walk(item.children) : null;
      if (found) return found;
    }
    return null;
  };
  for (const s of template.sections) {
    const found = walk(s.items);
    if (found) return found;
  }
  return null;
}
