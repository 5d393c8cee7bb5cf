import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DomainException, type Actor } from '@ducha/common';
import { TransactionRunner } from '@ducha/database';
import { OrgService } from '@ducha/org';
import { JobHandlers, JobName } from '@ducha/queue';
import { OutboxService } from '@ducha/realtime';
import { In, LessThan, type EntityManager } from 'typeorm';
import { ExportBuilders } from './export-builders.js';
import { ExportStatus } from './exports.enums.js';
import { ExportFileEntity } from './export-file.entity.js';

/** Long enough to download a file after a meeting, short enough that files do not pile up. */
export const EXPORT_KEEP_MS = 24 * 60 * 60 * 1000;

/** The progress events' `kind`. */
export const EXPORT_PROGRESS_KIND = 'EXPORT';

/**
 * The WORK job that builds a requested export (both run modes: the api's workers embedded, the
 * worker process on a server). It checks access again as the requester is now, builds the file
 * with the kind's builder, reports progress as `import.progressed` events addressed to the
 * requester alone, and stores the file. Each run first deletes exports older than a day.
 */
@Injectable()
export class ExportFileJob implements OnModuleInit {
  private readonly logger = new Logger(ExportFileJob.name);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly builders: ExportBuilders,
    private readonly outbox: OutboxService,
    private readonly org: OrgService,
    private readonly handlers: JobHandlers,
  ) {}

  onModuleInit(): void {
    this.handlers.register(JobName.EXPORT_FILE, async ({ exportId }) => this.run(exportId));
  }

  async run(exportId: string): Promise<void> {
    await this.tx.manager.delete(ExportFileEntity, { createdAt: LessThan(new Date(Date.now() - EXPORT_KEEP_MS)) });
    // RUNNING too: BullMQ delivers a job again only when its worker died mid-build, and then it is
    // built again; a finished export (DONE, FAILED) is never built twice.
    const claimed = await this.tx.manager.update(
      ExportFileEntity,
      { id: exportId, status: In([ExportStatus.QUEUED, ExportStatus.RUNNING]) },
      { status: ExportStatus.RUNNING },
    );
    if (!claimed.affected) return;
    const row = await this.tx.manager.findOneByOrFail(ExportFileEntity, { id: exportId });
    // Access as the requester is now: disabled, moved or stripped of a role since, they get nothing.
    const actor = await this.org.actorFor(row.requestedBy);
    let total = 0;
    try {
      if (!actor) throw DomainException.forbidden('The account that asked for this export is disabled');
      const builder = this.builders.for(row.kind);
      await builder.authorize(actor, row.params);
      const file = await builder.build(actor, row.params, async (done, of) => {
        total = of;
        await this.tx.run(async (m) => {
          await m.update(ExportFileEntity, { id: exportId }, { done, total: of });
          await this.progressed(m, actor, exportId, { done, total: of, finished: false });
        });
      });
      await this.tx.run(async (m) => {
        await m.update(
          ExportFileEntity,
          { id: exportId },
          { ...file, status: ExportStatus.DONE, done: total, total, finishedAt: new Date() },
        );
        await this.progressed(m, actor, exportId, { done: total, total, finished: true });
      });
    } catch (error) {
      await this.fail(exportId, actor, total, error);
    }
  }

  /** A refusal says why; anything else is logged and the requester told only that it failed. */
  private async fail(exportId: string, actor: Actor | undefined, total: number, error: unknown): Promise<void> {
    if (!(error instanceof DomainException))
      this.logger.error(`export ${exportId} failed`, error instanceof Error ? error.stack : String(error));
    const reason = error instanceof DomainException ? error.message : 'The file could not be built';
    await this.tx.run(async (m) => {
      await m.update(ExportFileEntity, { id: exportId }, { status: ExportStatus.FAILED, error: reason, finishedAt: new Date() });
      if (actor) await this.progressed(m, actor, exportId, { done: 0, total, finished: true, failed: true });
    });
  }

  /** Addressed to the requester (`userId`): nobody else, not even their office, receives it. */
  private progressed(
    m: EntityManager,
    actor: Actor,
    exportId: string,
    progress: { done: number; total: number; finished: boolean; failed?: boolean },
  ): Promise<void> {
    return this.outbox.emit(
      m,
      'import.progressed',
      { regionPath: actor.regionPath, departmentId: actor.unitId },
      { importId: exportId, kind: EXPORT_PROGRESS_KIND, ...progress, userId: actor.userId },
    );
  }
}
