import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Answers, Evaluation } from '@ducha/scoring';

export enum SheetKind {
  INITIAL = 'INITIAL',
  RECHECK = 'RECHECK',
}
export enum SheetStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
}

const numeric = { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/** One reviewer's score sheet for one drawn file; `version` for optimistic locking. */
@Entity('score_sheet')
export class ScoreSheetEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) reviewFileId: string;
  @Column({ type: 'uuid' }) campaignId: string;
  @Column({ type: 'uuid' }) reviewerId: string;
  @Column({ type: 'text' }) kind: SheetKind;
  @Column({ type: 'text' }) status: SheetStatus;
  @Column({ type: 'uuid' }) rubricId: string;
  @Column({ type: 'jsonb' }) answers: Answers;
  @Column({ type: 'numeric', nullable: true, transformer: numeric }) score: number | null;
  @Column({ type: 'text', nullable: true }) grade: string | null;
  @Column({ type: 'jsonb', nullable: true }) evaluation: Evaluation | null;
  @Column({ type: 'timestamptz', nullable: true }) submittedAt: Date | null;
  @Column({ type: 'int' }) version: number;
  @Column({ type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
  @Column({ type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}
