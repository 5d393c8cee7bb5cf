import type { ChecklistTemplate } from '@ducha/scoring';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One version of a three-systems checklist; a round keeps the version it was planned with. */
@Entity('compliance_checklist')
export class ComplianceChecklistEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column() code: string;
  @Column() version: string;
  @Column() name: string;
  @Column({ type: 'jsonb' }) template: ChecklistTemplate;
  @Column() regionPath: string;
  @Column({ type: 'uuid', nullable: true }) importedBy: string | null;
  @Column({ type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
}
