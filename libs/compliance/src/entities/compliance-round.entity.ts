import { Column, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';

export enum RoundStage {
  PLANNED = 'PLANNED',
  SCREENED = 'SCREENED',
  CHECKING = 'CHECKING',
  FINALIZED = 'FINALIZED',
  PUBLISHED = 'PUBLISHED',
}

export enum ScreeningState {
  NONE = 'NONE',
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  FAILED = 'FAILED',
}

@Entity('compliance_round')
export class ComplianceRoundEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column() name: string;
  @Column() regionPath: string;
  @Column({ type: 'uuid' }) officeUnitId: string;
  @Column({ type: 'uuid' }) checklistId: string;
  @Column({ type: 'date' }) periodFrom: string;
  @Column({ type: 'date' }) periodTo: string;
  @Column({ type: 'text' }) stage: RoundStage;
  @Column({ type: 'text' }) screening: ScreeningState;
  @Column({ type: 'text', nullable: true }) screeningError: string | null;
  /** The queued run: only a job carrying this id screens and writes. */
  @Column({ type: 'uuid', nullable: true }) screeningRunId: string | null;
  /** Last sign of life of the queued or running screen (queued, started, each batch). */
  @Column({ type: 'timestamptz', nullable: true }) screeningHeartbeatAt: Date | null;
  @Column({ type: 'uuid', array: true }) inspectorIds: string[];
  @Column({ type: 'uuid' }) createdBy: string;
  @Column({ type: 'timestamptz', nullable: true }) screenedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) finalizedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) publishedAt: Date | null;
  @VersionColumn() version: number;
  @Column({ type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
  @Column({ type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}
