import { Controller, Get, Header, HttpCode, Res } from '@nestjs/common';
import { Public } from '@ducha/common';
import { JobProducer } from '@ducha/queue';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { jobCounts, outboxHeadSeq, outboxOldestWaiting, outboxWaiting, registry, relayRecentLag } from './metrics.js';

const withTimeout = <T>(p: Promise<T>, ms: number): Promise<T> =>
  Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms))]);

/** Cheap: the waiting rows through their partial index, the rest through the seq index. */
const RELAY_SQL = `
SELECT w.waiting, w.oldest,
       (SELECT max(seq) FROM outbox_event) AS head,
       (SELECT max(extract(epoch FROM published_at - created_at)) FROM outbox_event
         WHERE seq > (SELECT coalesce(max(seq), 0) FROM outbox_event) - 1000) AS recent_lag
  FROM (SELECT count(*) AS waiting, extract(epoch FROM clock_timestamp() - min(created_at)) AS oldest
          FROM outbox_event WHERE seq IS NULL) w`;

@Controller()
export class OpsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobProducer,
  ) {}

  /** 200 when the database and the job store answer, 503 naming what does not. */
  @Public()
  @Get('health')
  @HttpCode(200)
  async health(@Res() res: Response): Promise<void> {
    const checks = await Promise.all([
      withTimeout(this.dataSource.query('SELECT 1'), 3000).then(
        () => ['database', 'up'] as const,
        (e: Error) => ['database', `down: ${e.message}`] as const,
      ),
      withTimeout(this.jobs.ping(), 3000).then(
        () => ['queue', 'up'] as const,
        (e: Error) => ['queue', `down: ${e.message}`] as const,
      ),
    ]);
    const ok = checks.every(([, state]) => state === 'up');
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'unavailable', checks: Object.fromEntries(checks) });
  }

  @Public()
  @Get('metrics')
  @Header('Content-Type', registry.contentType)
  async metrics(): Promise<string> {
    try {
      const counts = await withTimeout(this.jobs.counts(), 2000);
      for (const [queue, states] of Object.entries(counts)) {
        for (const [state, n] of Object.entries(states)) jobCounts.set({ queue, state }, n);
      }
    } catch {
      // The job store being down is /health's business; metrics still render.
    }
    try {
      const [relay] = await withTimeout(this.dataSource.query(RELAY_SQL), 2000);
      outboxWaiting.set(Number(relay.waiting));
      outboxOldestWaiting.set(Number(relay.oldest ?? 0));
      relayRecentLag.set(Number(relay.recent_lag ?? 0));
      outboxHeadSeq.set(Number(relay.head ?? 0));
    } catch {
      // Likewise for the database.
    }
    return registry.metrics();
  }
}
