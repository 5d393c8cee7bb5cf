import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { JobHandlers, JobName } from '@ducha/queue';
import { DataSource } from 'typeorm';
import { recomputeCockpit } from './recompute-cockpit.js';

/**
 * Recomputes the read model from scratch, set-wise, out of the source tables: review files,
 * compliance checks and rates, rectification tasks, assessment results, statistics and measures.
 * It holds the relay's lock, so no seq is assigned meanwhile and the model is as of the head. A
 * change committed but not yet relayed is already in the tables; its event, projected after, finds
 * the figures already there (the projector works by difference against the stored facts).
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

  async rebuild(): Promise<{ asOfSeq: number; departmentRows: number }> {
    const started = Date.now();
    const result = await this.dataSource.transaction('READ COMMITTED', async (m) => {
      const departmentRows = await recomputeCockpit(m);
      const [{ as_of_seq }] = await m.query(`SELECT as_of_seq FROM cockpit_state`);
      return { departmentRows, asOfSeq: Number(as_of_seq) };
    });
    this.logger.log(
      `cockpit rebuilt from the source tables (${result.departmentRows} department-period rows) as of seq ${result.asOfSeq} in ${Date.now() - started} ms`,
    );
    return result;
  }
}
