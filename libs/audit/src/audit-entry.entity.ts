import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('audit_entry')
export class AuditEntryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'timestamptz' })
  occurredAt: Date;

  @Column({ type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Column({ type: 'uuid', nullable: true })
  actorUnitId: string | null;

  @Column()
  operation: string;

  @Column()
  targetType: string;

  @Column()
  targetId: string;

  @Column({ type: 'jsonb', nullable: true })
  before: object | null;

  @Column({ type: 'jsonb', nullable: true })
  after: object | null;

  @Column()
  requestId: string;

  @Column({ type: 'bigint', nullable: true })
  chainSeq: string | null;

  @Column({ type: 'text', nullable: true })
  prevHash: string | null;

  @Column({ type: 'text', nullable: true })
  hash: string | null;
}
