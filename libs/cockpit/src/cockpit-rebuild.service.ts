import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { JobHandlers, JobName } from '@ducha/queue';
import { RELAY_XACT_LOCK } from '@ducha/realtime';
import { DataSource } from 'typeorm';
import { REBUILD_COUNTERS, REBUILD_FACTS } from './cockpit-rebuild.sql.js';

const TABLES = [
  'cockpit_department_period',
  'cockpit_region_period',
  'cockpit_task',
  'cockpit_compliance_score',
  'cockpit_rates',
  'cockpit_review_file',
  'cockpit_region_deadline',
];

/**
 * Recomputes the read model from scratch, set-wise, out of the relayed events in the outbox (the
 * record of every change the cockpit counts; the review, compliance and rectification tables are
 * other capabilities' and were still being built). It holds the relay's lock, so no seq is assigned
 * meanwhile and the rebuilt model ends exactly at the head, like the maintained one.
 */
@Injectable()
export class CockpitRebuildService implements OnModuleInit {
  private readonly logger = new Logger('CockpitRebuild');

  constructor(
    private readonly dataSource: DataSource,
    private readonly handlers: JobHandlers,
  ) {}

  onModuleInit(): void {
    this.handlers.register(JobName.COCKPIT_REBUILD, async () => this.rebuild());
  }

  async rebuild(): Promise<{ events: number; asOfSeq: number }> {
    const started = Date.now();
    const result = await this.dataSource.transaction('READ COMMITTED', async (m) => {
      await m.query('SELECT pg_advisory_xact_lock($1)', [RELAY_XACT_LOCK]);
      await m.query(`TRUNCATE ${TABLES.join(', ')}`);
      for (const sql of [...REBUILD_FACTS, ...REBUILD_COUNTERS]) await m.query(sql);
      const [{ events, as_of_seq }] = await m.query(
        `SELECT (SELECT count(*)::int FROM outbox_event WHERE seq IS NOT NULL) AS events, as_of_seq FROM cockpit_state`,
      );
      return { events, asOfSeq: Number(as_of_seq) };
    });
    this.logger.log(`cockpit rebuilt from ${result.events} events up to seq ${result.asOfSeq} in ${Date.now() - started} ms`);
    return result;
  }
}
