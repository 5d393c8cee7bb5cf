import { Column, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import type { UnitKind } from '@ducha/contracts';

@Entity('unit')
export class UnitEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column()
  code: string;

  @Column()
  name: string;

  @Column({ type: 'text' })
  kind: UnitKind;

  @Column({ type: 'uuid' })
  regionId: string;

  @Column()
  isEnforcementBody: boolean;

  @Column()
  isSupervisingOffice: boolean;

  @VersionColumn()
  version: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
