import { Injectable } from '@nestjs/common';
import { pageWindow, type Actor } from '@ducha/common';
import { TransactionRunner } from '@ducha/database';
import { AccessPolicy } from '@ducha/org';
import { CampaignStage, ReviewCampaignEntity } from './entities/review-campaign.entity.js';
import type { MyReviewResult } from './models/my-results.models.js';

/** A department officer's own results: only published campaigns that had the department in scope, paged by the database. */
@Injectable()
export class MyResultsService {
  constructor(private readonly tx: TransactionRunner) {}

  async list(actor: Actor, page: { page?: number; pageSize?: number }): Promise<{ items: MyReviewResult[]; total: number }> {
    AccessPolicy.enforce(AccessPolicy.canActForDepartment(actor, actor.unitId));
    const { skip, take } = pageWindow(page);
    const [campaigns, total] = await this.tx.manager
      .createQueryBuilder(ReviewCampaignEntity, 'c')
      .where('c.stage = :published', { published: CampaignStage.PUBLISHED })
      .andWhere(':unit = ANY(c.department_ids)', { unit: actor.unitId })
      .orderBy('c.published_at', 'DESC')
      .addOrderBy('c.id')
      .skip(skip)
      .take(take)
      .getManyAndCount();
    const items = campaigns.map((c) => ({
      campaignId: c.id,
      campaignName: c.name,
      year: c.year,
      // A campaign is finalized, so has results, before it is published.
      publishedAt: c.publishedAt!,
      departmentsRanked: c.results!.departments.length,
      result: c.results!.departments.find((d) => d.departmentId === actor.unitId) ?? null,
    }));
    return { items, total };
  }
}
