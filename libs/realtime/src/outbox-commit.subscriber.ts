import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntitySubscriberInterface, type TransactionCommitEvent } from 'typeorm';
import { OUTBOX_WRITTEN } from './outbox.service.js';
import { RelayService } from './relay.service.js';

/** Wakes this process's relay right after a transaction that emitted events commits. */
@Injectable()
export class OutboxCommitSubscriber implements EntitySubscriberInterface, OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly relay: RelayService,
  ) {}

  onModuleInit(): void {
    this.dataSource.subscribers.push(this);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    if (event.queryRunner.data?.[OUTBOX_WRITTEN]) {
      // After the connection goes back to the pool (embedded mode has only one).
      setImmediate(() => this.relay.nudge());
    }
  }
}
