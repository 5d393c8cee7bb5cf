import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { FindingSeverity, FindingSource } from '@ducha/contracts';

@Entity('finding')
export class FindingEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  source: FindingSource;

  @Column({ type: 'uuid' })
  departmentId: string;

  @Column()
  originType: string;

  @Column()
  originId: string;

  @Column({ type: 'text', nullable: true })
  batchId: string | null;

  @Column()
  category: string;

  @Column({ type: 'text' })
  severity: FindingSeverity;

  @Column()
  description: string;

  @Column({ type: 'text', nullable: true })
  legalBasis: string | null;

  @Column({ type: 'jsonb', nullable: true })
  evidence: unknown;

  @Column({ type: 'text', nullable: true })
  rootCause: string | null;

  @Column()
  dedupKey: string;

  /** The rectification task that took this finding, once issued. */
  @Column({ type: 'uuid', nullable: true })
  taskId: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
