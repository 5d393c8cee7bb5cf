import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A department's self-check report during the SELF_CHECK stage (one per department and campaign). */
@Entity('self_check_report')
export class SelfCheckReportEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) campaignId: string;
  @Column({ type: 'uuid' }) departmentId: string;
  @Column({ type: 'int' }) totalFiles: number;
  @Column({ type: 'int' }) filesChecked: number;
  @Column({ type: 'int' }) failedFiles: number;
  @Column() problems: string;
  @Column({ type: 'uuid' }) submittedBy: string;
  @Column({ type: 'int' }) version: number;
  @Column({ type: 'timestamptz', default: () => 'now()' }) submittedAt: Date;
}
