import { Injectable } from '@nestjs/common';
import { AuditService } from '@ducha/audit';
import { DomainException, type Actor } from '@ducha/common';
import { TransactionRunner } from '@ducha/database';
import { EvidenceFileEntity } from '../entities/rectification-records.entity.js';
import { FileStore } from '../file-store.js';
import { OPEN_STATES } from '../rectification.enums.js';
import { RectificationFlowService } from './rectification-flow.service.js';
import { TaskQueryService } from './task-query.service.js';
import { TaskRecorder } from './task-recorder.js';

/** Evidence files of a task: uploaded by its departments, checked by content and size, downloads audited. */
@Injectable()
export class EvidenceService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly files: FileStore,
    private readonly flow: RectificationFlowService,
    private readonly recorder: TaskRecorder,
    private readonly query: TaskQueryService,
    private readonly audit: AuditService,
  ) {}

  async upload(actor: Actor, taskId: string, fileName: string, content: Buffer): Promise<EvidenceFileEntity> {
    // Access first, so an outsider learns nothing about the task from a content error.
    await this.tx.run(async (m) => {
      const task = await this.recorder.lock(m, taskId);
      await this.flow.roleOf(m, actor, task);
      this.recorder.requireState(task, OPEN_STATES, 'add evidence');
    });
    const stored = await this.files.put(content, 'file');
    return this.tx.run(async (m) => {
      const task = await this.recorder.lock(m, taskId);
      this.recorder.requireState(task, OPEN_STATES, 'add evidence');
      const file = await m.save(
        m.create(EvidenceFileEntity, {
          taskId,
          sha256: stored.sha256,
          size: stored.size,
          mimeType: stored.mimeType,
          fileName: cleanName(fileName, stored.extension),
          reportId: null,
          uploadedBy: actor.userId,
          departmentId: actor.unitId,
        }),
      );
      await this.audit.record(m, actor, {
        operation: 'uploadRectificationEvidence',
        targetType: 'RectificationTask',
        targetId: taskId,
        after: file,
      });
      return file;
    });
  }

  /** Anyone who may read the task may download its evidence; every download is audited. */
  async download(actor: Actor, taskId: string, fileId: string): Promise<{ file: EvidenceFileEntity; content: Buffer }> {
    const file = await this.tx.run(async (m) => {
      await this.query.readable(actor, taskId, m);
      const found = await m.findOneBy(EvidenceFileEntity, { id: fileId, taskId });
      if (!found) throw DomainException.notFound('Evidence file', fileId);
      await this.audit.record(m, actor, {
        operation: 'downloadRectificationEvidence',
        targetType: 'RectificationTask',
        targetId: taskId,
        after: { fileId, sha256: found.sha256 },
      });
      return found;
    });
    return { file, content: await this.files.get(file.sha256) };
  }
}

/** Keeps a readable base name and puts the sniffed extension on it (never the uploader's claim). */
function cleanName(name: string, extension: string): string {
  // Control characters in an uploaded file name are exactly what this strips.
  // eslint-disable-next-line no-control-regex
  const unsafe = /[\\/\0-\x1f]/g;
  const base =
    (name || 'evidence')
      .replace(unsafe, '_')
      .replace(/\.[A-Za-z0-9]{1,5}$/, '')
      .slice(0, 120) || 'evidence';
  return `${base}.${extension}`;
}
