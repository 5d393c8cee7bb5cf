import { Injectable } from '@nestjs/common';
import { DomainException, pageWindow, type Actor } from '@ducha/common';
import { Role } from '@ducha/contracts';
import { TransactionRunner } from '@ducha/database';
import { canReadCampaign, unitPaths, requireId } from './campaign-access.js';
import { ReviewCampaignEntity } from './entities/review-campaign.entity.js';
import { ReviewFileEntity } from './entities/review-file.entity.js';
import { ScoreSheetEntity } from './entities/score-sheet.entity.js';

export type ReviewFileView = ReviewFileEntity & { fileNo: string; departmentName: string };

/** Reading drawn files and sheets: a reviewer sees only the files assigned to them. */
@Injectable()
export class ReviewQueryService {
  constructor(private readonly tx: TransactionRunner) {}

  async files(
    actor: Actor,
    campaignId: string,
    page: { page?: number; pageSize?: number },
  ): Promise<{ items: ReviewFileView[]; total: number }> {
    const m = this.tx.manager;
    requireId(campaignId, 'ReviewCampaign');
    const c = await m.findOneBy(ReviewCampaignEntity, { id: campaignId });
    if (!c || !canReadCampaign(actor, c)) throw DomainException.notFound('ReviewCampaign', campaignId);
    const { skip, take } = pageWindow(page);
    const q = m.createQueryBuilder(ReviewFileEntity, 'f').where('f.campaign_id = :campaignId', { campaignId });
    const seesAll = actor.roles.includes(Role.ADMIN) || actor.roles.includes(Role.LEADER) || c.createdBy === actor.userId;
    if (!seesAll && actor.roles.includes(Role.INSPECTOR)) {
      q.andWhere('EXISTS (SELECT 1 FROM score_sheet s WHERE s.review_file_id = f.id AND s.reviewer_id = :me)', { me: actor.userId });
    } else if (!seesAll) {
      // Departments see their own drawn files (and their results once final).
      q.andWhere('f.department_id = :unit', { unit: actor.unitId });
    }
    const [items, total] = await q.orderBy('f.department_id').addOrderBy('f.id').skip(skip).take(take).getManyAndCount();
    return { items: await this.decorate(items), total };
  }

  async mySheets(
    actor: Actor,
    campaignId: string,
    page: { page?: number; pageSize?: number },
  ): Promise<{ items: ScoreSheetEntity[]; total: number }> {
    const { skip, take } = pageWindow(page);
    const [items, total] = await this.tx.manager.findAndCount(ScoreSheetEntity, {
      where: { campaignId, reviewerId: actor.userId },
      order: { createdAt: 'ASC', id: 'ASC' },
      skip,
      take,
    });
    return { items, total };
  }

  private async decorate(files: ReviewFileEntity[]): Promise<ReviewFileView[]> {
    if (!files.length) return [];
    const m = this.tx.manager;
    const nos: { id: string; file_no: string }[] = await m.query(`SELECT id, file_no FROM case_file WHERE id = ANY($1::uuid[])`, [
      files.map((f) => f.caseFileId),
    ]);
    const fileNo = new Map(nos.map((n) => [n.id, n.file_no]));
    const units = await unitPaths(
      m,
      files.map((f) => f.departmentId),
    );
    return files.map((f) =>
      Object.assign(f, { fileNo: fileNo.get(f.caseFileId) ?? '', departmentName: units.get(f.departmentId)?.name ?? '' }),
    );
  }
}
