import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Counts of one screen over a department's year: subjects concerned and how many passed. */
export type ScreenCounts = Record<string, { passed: number; total: number }>;

/** The standing screen's live figures for one department and year (the cockpit reads them). */
@Entity('compliance_rate')
export class ComplianceRateEntity {
  @PrimaryColumn({ type: 'uuid' }) departmentId: string;
  @PrimaryColumn({ type: 'int' }) year: number;
  @Column({ type: 'jsonb' }) screens: ScreenCounts;
  @Column({ type: 'timestamptz' }) screenedAt: Date;
}
