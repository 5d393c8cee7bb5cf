import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('outbox_event')
export class OutboxEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  /** Delivery order, given by the relay in commit order; null until then. */
  @Column({ type: 'bigint', nullable: true })
  seq: string | null;

  @Column()
  type: string;

  @Column()
  regionPath: string;

  @Column({ type: 'uuid', nullable: true })
  departmentId: string | null;

  @Column({ type: 'jsonb' })
  payload: unknown;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;
}
