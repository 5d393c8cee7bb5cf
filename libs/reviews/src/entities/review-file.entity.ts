import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum ReviewFileStatus {
  DRAWN = 'DRAWN',
  SCORING = 'SCORING',
  RECHECK = 'RECHECK',
  FINAL = 'FINAL',
}

const numeric = { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/** A case file drawn into a campaign, with its final result once scored. */
@Entity('review_file')
export class ReviewFileEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) campaignId: string;
  @Column({ type: 'uuid' }) caseFileId: string;
  @Column({ type: 'uuid' }) departmentId: string;
  @Column() caseType: string;
  @Column({ type: 'uuid' }) rubricId: string;
  @Column({ type: 'text' }) status: ReviewFileStatus;
  @Column({ type: 'numeric', nullable: true, transformer: numeric }) finalScore: number | null;
  @Column({ type: 'text', nullable: true }) finalGrade: string | null;
  @Column({ type: 'timestamptz', nullable: true }) finalizedAt: Date | null;
}
