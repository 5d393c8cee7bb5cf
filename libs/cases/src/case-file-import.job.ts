import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DomainException, type Actor } from '@ducha/common';
import { TransactionRunner } from '@ducha/database';
import type { ImportReport } from '@ducha/org';
import { JobHandlers, JobName, JobProducer } from '@ducha/queue';
import { OutboxService } from '@ducha/realtime';
import { CaseFileImportService, failed, mayImport } from './case-file-import.service.js';
import { UUID } from './case-file.service.js';

/** Sheets with more rows than this are imported by a job (the request answers at once). */
export const LARGE_IMPORT_ROWS = 2000;

export interface CaseFileImportStatus {
  id: string;
  status: 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';
  total: number;
  done: number;
  report: ImportReport | null;
}

/** Large imports: the upload is parked in `case_file_import`, a WORK job imports it with progress events. */
@Injectable()
export class CaseFileImportJobs implements OnModuleInit {
  constructor(
    private readonly imports: CaseFileImportService,
    private readonly tx: TransactionRunner,
    private readonly outbox: OutboxService,
    private readonly handlers: JobHandlers,
    private readonly producer: JobProducer,
  ) {}

  onModuleInit(): void {
    this.handlers.register(JobName.CASE_FILES_IMPORT, async ({ importId }) => this.run(importId));
  }

  async enqueue(actor: Actor, content: Buffer, total: number): Promise<CaseFileImportStatus> {
    mayImport(actor);
    const [{ id }] = await this.tx.run((m) =>
      m.query(`INSERT INTO case_file_import (status, content, actor, created_by, total) VALUES ('QUEUED', $1, $2, $3, $4) RETURNING id`, [
        content,
        JSON.stringify(actor),
        actor.userId,
        total,
      ]),
    );
    await this.producer.enqueue(JobName.CASE_FILES_IMPORT, { importId: id }, { attempts: 1 });
    return { id, status: 'QUEUED', total, done: 0, report: null };
  }

  async status(actor: Actor, id: string): Promise<CaseFileImportStatus> {
    if (!UUID.test(id)) throw DomainException.notFound('CaseFileImport', id);
    const [row] = await this.tx.manager.query(
      `SELECT id, status, total, done, report, created_by AS "createdBy" FROM case_file_import WHERE id = $1`,
      [id],
    );
    if (!row || row.createdBy !== actor.userId) throw DomainException.notFound('CaseFileImport', id);
    return { id: row.id, status: row.status, total: row.total, done: row.done, report: row.report };
  }

  private async run(importId: string): Promise<void> {
    const [row] = await this.tx.manager.query(`SELECT content, actor, total FROM case_file_import WHERE id = $1 AND status = 'QUEUED'`, [
      importId,
    ]);
    if (!row) return; // already run (a retried job never imports twice)
    const actor = row.actor as Actor;
    await this.progress(importId, actor, 'RUNNING', 0, row.total);
    let report: ImportReport;
    try {
      const parsed = await this.imports.parseSheet(row.content as Buffer);
      if ('report' in parsed) report = parsed.report;
      else {
        await this.progress(importId, actor, 'RUNNING', Math.floor(parsed.drafts.length / 2), parsed.drafts.length);
        report = await this.imports.importDrafts(actor, parsed.drafts, importId, parsed.errors);
      }
    } catch (e) {
      report = failed(row.total, [{ row: 1, column: 'file', reason: e instanceof Error ? e.message : String(e) }]);
    }
    await this.tx.run(async (m) => {
      await m.query(`UPDATE case_file_import SET status = $2, done = $3, report = $4, content = NULL, finished_at = now() WHERE id = $1`, [
        importId,
        report.ok ? 'DONE' : 'FAILED',
        report.ok ? report.rows : 0,
        JSON.stringify(report),
      ]);
      if (!report.ok) {
        await this.outbox.emit(
          m,
          'import.progressed',
          { regionPath: actor.regionPath, departmentId: null },
          { importId, kind: 'CASE_FILES', done: 0, total: row.total, finished: true, failed: true },
        );
      }
    });
  }

  private progress(importId: string, actor: Actor, status: string, done: number, total: number): Promise<void> {
    return this.tx.run(async (m) => {
      await m.query(`UPDATE case_file_import SET status = $2, done = $3, total = $4 WHERE id = $1`, [importId, status, done, total]);
      await this.outbox.emit(
        m,
        'import.progressed',
        { regionPath: actor.regionPath, departmentId: null },
        { importId, kind: 'CASE_FILES', done, total, finished: false },
      );
    });
  }
}
