import { Injectable } from '@nestjs/common';
import { AuditService } from '@ducha/audit';
import { DomainException, writeSheet, type Actor } from '@ducha/common';
import { CASE_TYPE_NAMES, type CaseType } from '@ducha/cases';
import { TransactionRunner } from '@ducha/database';
import { bulletinDocx } from './bulletin-docx.js';
import { canReadResults, unitPaths, requireId } from './campaign-access.js';
import { ReviewCampaignEntity } from './entities/review-campaign.entity.js';

const GRADE_NAMES: Record<string, string> = { EXCELLENT: '优秀', GOOD: '良好', PASS: '合格', FAIL: '不合格' };

/** The bulletin (.docx) and the results (.xlsx); every download is permission-checked and audited. */
@Injectable()
export class ReviewExportService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async results(actor: Actor, campaignId: string): Promise<ReviewCampaignEntity> {
    requireId(campaignId, 'ReviewCampaign');
    const c = await this.tx.manager.findOneBy(ReviewCampaignEntity, { id: campaignId });
    if (!c || !canReadResults(actor, c)) throw DomainException.notFound('Campaign results', campaignId);
    return c;
  }

  async bulletin(actor: Actor, campaignId: string): Promise<{ fileName: string; content: Buffer }> {
    const c = await this.results(actor, campaignId);
    const office = (await unitPaths(this.tx.manager, [c.officeUnitId])).get(c.officeUnitId)?.name ?? '';
    const types = c.caseTypes.map((t) => CASE_TYPE_NAMES[t as CaseType] ?? t).join('、');
    const content = await bulletinDocx(c, c.results!, office, types);
    await this.recordDownload(actor, c, 'bulletin.docx');
    return { fileName: `${c.name}通报.docx`, content };
  }

  async resultsSheet(actor: Actor, campaignId: string): Promise<{ fileName: string; content: Buffer }> {
    const c = await this.results(actor, campaignId);
    const rows = c.results!.departments.map((d) => [
      d.rank,
      d.departmentName,
      d.filesReviewed,
      d.meanScore,
      d.totalScore,
      GRADE_NAMES[d.grade] ?? d.grade,
      d.gradeCounts.EXCELLENT,
      d.gradeCounts.GOOD,
      d.gradeCounts.PASS,
      d.gradeCounts.FAIL,
      d.topFindingGroups.map((g) => `${g.group}(${g.count})`).join('、'),
    ]);
    const content = await writeSheet(
      '评查结果',
      ['排名', '单位', '评查案卷数', '平均分', '总分', '等次', '优秀', '良好', '合格', '不合格', '主要问题类别'],
      rows,
    );
    await this.recordDownload(actor, c, 'results.xlsx');
    return { fileName: `${c.name}结果.xlsx`, content };
  }

  private recordDownload(actor: Actor, c: ReviewCampaignEntity, what: string): Promise<void> {
    return this.tx.run((m) =>
      this.audit.record(m, actor, {
        operation: 'exportReviewResults',
        targetType: 'ReviewCampaign',
        targetId: c.id,
        after: { file: what },
      }),
    );
  }
}
