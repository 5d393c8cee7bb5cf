import { Controller, Get, Header, HttpCode, Res } from '@nestjs/common';
import { Public } from '@ducha/common';
import { JobProducer } from '@ducha/queue';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { jobCounts, registry } from './metrics.js';

const withTimeout = <T>(p: Promise<T>, ms: number): Promise<T> =>
  Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms))]);

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
    return registry.metrics();
  }
}
