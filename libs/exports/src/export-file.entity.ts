import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { ExportStatus, type ExportKind } from './exports.enums.js';
import type { ExportParams } from './export-params.js';

/**
 * One requested export (table `export_file`): the request, the job's progress and, once DONE, the
 * file. Only its requester ever reads it; rows older than a day are deleted by the job.
 */
@Entity('export_file')
export class ExportFileEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) requestedBy: string;
  @Column({ type: 'text' }) kind: ExportKind;
  @Column({ type: 'jsonb' }) params: ExportParams;
  @Column({ type: 'text', default: ExportStatus.QUEUED }) status: ExportStatus;
  @Column({ type: 'int', default: 0 }) done: number;
  @Column({ type: 'int', default: 0 }) total: number;
  @Column({ type: 'text', nullable: true }) fileName: string | null;
  @Column({ type: 'text', nullable: true }) contentType: string | null;
  /** Not read with the row (`select: false`): only the download asks for it. */
  @Column({ type: 'bytea', nullable: true, select: false }) content: Buffer | null;
  @Column({ type: 'text', nullable: true }) error: string | null;
  @Column({ type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) finishedAt: Date | null;
}
