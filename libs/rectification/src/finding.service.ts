import { Injectable } from '@nestjs/common';
import type { FindingDraft } from '@ducha/contracts';
import type { EntityManager } from 'typeorm';
import { FindingEntity } from './finding.entity.js';

/**
 * The entry point other feature libs use to hand over findings, inside their own transaction.
 * Recording is idempotent by `dedupKey`: finalizing a campaign twice never doubles its findings.
 */
@Injectable()
export class FindingService {
  async record(manager: EntityManager, drafts: readonly FindingDraft[], createdBy: string | null = null): Promise<number> {
    if (drafts.length === 0) return 0;
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(FindingEntity)
      .values(drafts.map((d) => ({ ...d, evidence: d.evidence as object, createdBy })))
      .orIgnore()
      .execute();
    return result.identifiers.filter(Boolean).length;
  }

  /** Findings of one batch (a campaign or a check round), for bulk issue and for tests. */
  byBatch(manager: EntityManager, batchId: string): Promise<FindingEntity[]> {
    return manager.find(FindingEntity, { where: { batchId }, order: { createdAt: 'ASC' } });
  }
}
