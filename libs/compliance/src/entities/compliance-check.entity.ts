import { Column, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';

export enum CheckStatus {
  OPEN = 'OPEN',
  SUBMITTED = 'SUBMITTED',
}

/** Per-system subtotal of a submitted check. */
export interface SystemSubtotal {
  system: string;
  earned: number;
  max: number;
}

/** One department's check within a round. */
@Entity('compliance_check')
export class ComplianceCheckEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) roundId: string;
  @Column({ type: 'uuid' }) departmentId: string;
  @Column({ type: 'uuid' }) inspectorId: string;
  @Column({ type: 'text' }) status: CheckStatus;
  @Column({
    type: 'numeric',
    precision: 6,
    scale: 2,
    nullable: true,
    transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) },
  })
  score: number | null;
  @Column({ type: 'text', nullable: true }) grade: string | null;
  @Column({ type: 'jsonb', nullable: true }) subtotals: SystemSubtotal[] | null;
  @Column({ type: 'uuid', nullable: true }) submittedBy: string | null;
  @Column({ type: 'timestamptz', nullable: true }) submittedAt: Date | null;
  @VersionColumn() version: number;
  @Column({ type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}
