import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * Runs one unit of work in one transaction. The callback gets the transaction's manager and must
 * use only it: on the embedded database another connection waits for this transaction forever,
 * and on a server it silently escapes it.
 */
@Injectable()
export class TransactionRunner {
  constructor(private readonly dataSource: DataSource) {}

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction('READ COMMITTED', work);
  }

  get manager(): EntityManager {
    return this.dataSource.manager;
  }
}
