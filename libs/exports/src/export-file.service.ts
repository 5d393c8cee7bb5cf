import { Injectable } from '@nestjs/common';
import { AuditService } from '@ducha/audit';
import { DomainException, type Actor } from '@ducha/common';
import { TransactionRunner } from '@ducha/database';
import { JobName, JobProducer } from '@ducha/queue';
import { ExportBuilders } from './export-builders.js';
import { ExportFileEntity } from './export-file.entity.js';
import { ExportStatus, type ExportKind } from './exports.enums.js';
import type { BuiltFile, ExportParams } from './export-params.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Exports as jobs, as their requester sees them: a request is checked (parameters, then access,
 * exactly as the GET endpoint checks it) before anything is stored, then queued; its state and its
 * file are the requester's alone — to anyone else the export does not exist.
 */
@Injectable()
export class ExportFileService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly builders: ExportBuilders,
    private readonly audit: AuditService,
    private readonly producer: JobProducer,
  ) {}

  async request(actor: Actor, kind: ExportKind, params: ExportParams): Promise<ExportFileEntity> {
    await this.builders.for(kind).authorize(actor, params);
    const saved = await this.tx.run(async (m) => {
      const row = await m.save(ExportFileEntity, m.create(ExportFileEntity, { requestedBy: actor.userId, kind, params }));
      await this.audit.record(m, actor, {
        operation: 'requestExport',
        targetType: 'ExportFile',
        targetId: row.id,
        after: { kind, params },
      });
      return row;
    });
    // One attempt: a build that failed says why in the row; the user asks again if they want.
    await this.producer.enqueue(JobName.EXPORT_FILE, { exportId: saved.id }, { attempts: 1 });
    return saved;
  }

  async status(actor: Actor, id: string): Promise<ExportFileEntity> {
    const row = UUID.test(id) ? await this.tx.manager.findOneBy(ExportFileEntity, { id, requestedBy: actor.userId }) : null;
    if (!row) throw DomainException.notFound('Export', id);
    return row;
  }

  /** The finished file; one not yet DONE is not found either (there is nothing to download). */
  async file(actor: Actor, id: string): Promise<BuiltFile> {
    const row = UUID.test(id)
      ? await this.tx.manager.findOne(ExportFileEntity, {
          where: { id, requestedBy: actor.userId, status: ExportStatus.DONE },
          select: { id: true, fileName: true, contentType: true, content: true },
        })
      : null;
    if (!row?.content) throw DomainException.notFound('Export', id);
    return { fileName: row.fileName ?? 'export', contentType: row.contentType ?? 'application/octet-stream', content: row.content };
  }
}
