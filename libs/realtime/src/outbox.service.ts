import { Injectable } from '@nestjs/common';
import type { DomainEventPayloads, DomainEventType, EventScope } from '@ducha/contracts';
import type { EntityManager } from 'typeorm';
import { OutboxEventEntity } from './outbox-event.entity.js';

/** Marks a transaction that wrote outbox rows, so its commit wakes the relay at once. */
export const OUTBOX_WRITTEN = 'ducha.outboxWritten';
/** PostgreSQL channel notified at commit (server mode), where the relay may run in another process. */
export const OUTBOX_CHANNEL = 'ducha_outbox';

/**
 * Records a domain event in the outbox inside the caller's transaction: it exists exactly when the
 * change committed, and the relay publishes it afterwards with its `seq`. The only way to emit.
 */
@Injectable()
export class OutboxService {
  /** Set by the realtime module: whether to NOTIFY the relay through PostgreSQL (server mode). */
  notifyThroughDatabase = false;

  async emit<T extends DomainEventType>(
    manager: EntityManager,
    type: T,
    scope: EventScope,
    payload: DomainEventPayloads[T],
  ): Promise<void> {
    await manager.insert(OutboxEventEntity, {
      type,
      regionPath: scope.regionPath,
      departmentId: scope.departmentId,
      payload: payload as object,
      createdAt: new Date(),
    });
    const runner = manager.queryRunner;
    if (runner && !runner.data?.[OUTBOX_WRITTEN]) {
      runner.data = { ...(runner.data ?? {}), [OUTBOX_WRITTEN]: true };
      // Delivered at commit, dropped on rollback: exactly when the relay has something to do.
      if (this.notifyThroughDatabase) await manager.query(`SELECT pg_notify('${OUTBOX_CHANNEL}', '')`);
    }
  }
}
