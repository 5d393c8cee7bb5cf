import type { CheckResult } from '@ducha/scoring';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A failing case file (or officer) found by a screen, with the reason in plain words. */
export interface ScreenFailure {
  subject: string;
  label: string;
  reason: string;
}

@Entity('compliance_check_item')
export class ComplianceCheckItemEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) checkId: string;
  @Column() itemCode: string;
  @Column() system: string;
  @Column({ type: 'text', nullable: true }) auto: string | null;
  @Column({ type: 'text', nullable: true }) screenResult: CheckResult | null;
  @Column({ type: 'int', nullable: true }) screenPassed: number | null;
  @Column({ type: 'int', nullable: true }) screenTotal: number | null;
  @Column({ type: 'jsonb', nullable: true }) screenFailures: ScreenFailure[] | null;
  @Column({ type: 'int', default: 0 }) screenFailuresOmitted: number;
  @Column({ type: 'text', nullable: true }) result: CheckResult | null;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ type: 'text', nullable: true }) overrideReason: string | null;
  @Column({ type: 'uuid', nullable: true }) updatedBy: string | null;
  @Column({ type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}
