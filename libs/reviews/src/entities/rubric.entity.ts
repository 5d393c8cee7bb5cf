import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { RubricTemplate } from '@ducha/scoring';

/** An imported rubric version; (code, version) unique; frozen once a score sheet uses it. */
@Entity('rubric')
export class RubricEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column() code: string;
  @Column() version: string;
  @Column() name: string;
  @Column() formula: string;
  @Column({ type: 'text', array: true }) caseTypes: string[];
  @Column({ type: 'jsonb' }) template: RubricTemplate;
  @Column({ type: 'uuid', nullable: true }) importedBy: string | null;
  @Column({ type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
  @Column({ type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}
