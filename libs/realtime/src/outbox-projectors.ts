import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RelayedEvent } from './relayed-event.js';

/**
 * A read model kept in step with the outbox: the relay calls it inside the transaction that assigns
 * the events' seq, so the model's "as of" seq is exactly the last seq it applied.
 */
export interface OutboxProjector {
  readonly name: string;
  project(manager: EntityManager, events: readonly RelayedEvent[]): Promise<void>;
}

@Injectable()
export class OutboxProjectors {
  private readonly projectors: OutboxProjector[] = [];

  register(projector: OutboxProjector): void {
    if (this.projectors.some((p) => p.name === projector.name)) throw new Error(`Projector ${projector.name} is already registered`);
    this.projectors.push(projector);
  }

  async apply(manager: EntityManager, events: readonly RelayedEvent[]): Promise<void> {
    for (const projector of this.projectors) await projector.project(manager, events);
  }
}
