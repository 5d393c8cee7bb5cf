import { Injectable } from '@nestjs/common';
import type { DomainEventPayloads, DomainEventType, EventScope } from '@ducha/contracts';
import type { EntityManager } from 'typeorm';
import { OutboxEventEntity } from './outbox-event.entity.js';

/**
 * Records a domain event in the outbox inside the caller's transaction: it exists exactly when the
 * change committed, and the relay publishes it afterwards with its `seq`. The only way to emit.
 */
@Injectable()
export class OutboxService {
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
  }
}
