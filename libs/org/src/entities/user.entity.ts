import { Column, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import type { Role } from '@ducha/contracts';

@Entity('app_user')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column()
  username: string;

  @Column()
  displayName: string;

  @Column({ type: 'uuid' })
  unitId: string;

  @Column({ type: 'text', array: true })
  roles: Role[];

  @Column()
  passwordHash: string;

  @Column()
  disabled: boolean;

  @Column({ type: 'int' })
  failedLoginCount: number;

  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  passwordChangedAt: Date;

  @VersionColumn()
  version: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
