import { Injectable } from '@nestjs/common';
import { AuditService } from '@ducha/audit';
import { DomainException, type Actor } from '@ducha/common';
import { TransactionRunner } from '@ducha/database';
import { AccessPolicy } from '@ducha/org';
import { FileStore } from '@ducha/rectification';
import type { EntityManager } from 'typeorm';

export interface EvidenceFileRow {
  id: string;
  progress_id: string;
  department_id: string;
  sha256: string;
  size: number;
  mime_type: string;
  file_name: string;
  uploaded_at: Date;
}

/** Extensions a name may carry for each kind the FileStore recognises. */
const NAMES: Record<string, readonly string[]> = { jpg: ['jpg', 'jpeg'] };

/**
 * Evidence files on a department's quarterly progress report: uploaded by that department's
 * officers, checked by content (which must be what the name claims) and size by the shared
 * FileStore, stored once per SHA-256; downloads are permission-checked and audited.
 */
@Injectable()
export class EvidenceService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly files: FileStore,
    private readonly audit: AuditService,
  ) {}

  async upload(actor: Actor, progressId: string, fileName: string, content: Buffer): Promise<EvidenceFileRow> {
    // Access first, so an outsider learns nothing about the report from a content error.
    await this.ownReport(this.tx.manager, actor, progressId);
    const name = cleanName(fileName);
    const claimed = name.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? '';
    const actual = FileStore.sniff(content);
    if (actual && !(NAMES[actual.extension] ?? [actual.extension]).includes(claimed))
      throw DomainException.field('file', `the content is a ${actual.extension.toUpperCase()} file, not what the name ${name} claims`);
    const stored = await this.files.put(content, 'file');
    return this.tx.run(async (m) => {
      const progress = await this.ownReport(m, actor, progressId);
      const [row] = (await m.query(
        `INSERT INTO assessment_evidence_file (progress_id, department_id, sha256, size, mime_type, file_name, uploaded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
        [progress.id, progress.department_id, stored.sha256, stored.size, stored.mimeType, name, actor.userId],
      )) as EvidenceFileRow[];
      await this.audit.record(m, actor, {
        operation: 'uploadMeasureEvidence',
        targetType: 'AssessmentMeasure',
        targetId: progress.measure_id,
        after: { fileId: row.id, progressId, sha256: row.sha256, size: row.size, fileName: row.file_name },
      });
      return row;
    });
  }

  /** The reporting department's officers and office staff of its region; every download is audited. */
  async download(actor: Actor, progressId: string, fileId: string): Promise<{ file: EvidenceFileRow; content: Buffer }> {
    const file = await this.tx.run(async (m) => {
      const [found] = await m.query(
        `SELECT f.*, r.path AS region_path, p.measure_id FROM assessment_evidence_file f
         JOIN assessment_measure_progress p ON p.id = f.progress_id JOIN unit u ON u.id = f.department_id JOIN region r ON r.id = u.region_id
         WHERE f.id = $1 AND f.progress_id = $2`,
        [fileId, progressId],
      );
      if (!found || !AccessPolicy.canRead(actor, { unitId: found.department_id, regionPath: found.region_path }).allowed)
        throw DomainException.notFound('Evidence file', fileId);
      await this.audit.record(m, actor, {
        operation: 'downloadMeasureEvidence',
        targetType: 'AssessmentMeasure',
        targetId: found.measure_id,
        after: { fileId, sha256: found.sha256 },
      });
      return found as EvidenceFileRow;
    });
    return { file, content: await this.files.get(file.sha256) };
  }

  async filesOf(progressIds: readonly string[]): Promise<EvidenceFileRow[]> {
    if (!progressIds.length) return [];
    return this.tx.manager.query(`SELECT * FROM assessment_evidence_file WHERE progress_id = ANY ($1) ORDER BY uploaded_at`, [progressIds]);
  }

  /** The progress report, if it is the actor's own department's. */
  private async ownReport(m: EntityManager, actor: Actor, progressId: string) {
    const [progress] = await m.query(`SELECT id, measure_id, department_id FROM assessment_measure_progress WHERE id = $1`, [progressId]);
    if (!progress) throw DomainException.notFound('Progress report', progressId);
    AccessPolicy.enforce(AccessPolicy.canActForDepartment(actor, progress.department_id));
    return progress as { id: string; measure_id: string; department_id: string };
  }
}

/** A readable file name without path separators or control characters. */
function cleanName(name: string): string {
  // Control characters in an uploaded file name are exactly what this strips.
  // eslint-disable-next-line no-control-regex
  return (name || 'evidence').replace(/[\\/\0-\x1f]/g, '_').slice(-160);
}
