import { Column, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';

@Entity('officer')
export class OfficerEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column()
  certificateNo: string;

  @Column()
  name: string;

  @Column({ type: 'uuid' })
  unitId: string;

  /** Certificate kind, e.g. ADMINISTRATIVE_ENFORCEMENT or SUPERVISION. */
  @Column()
  kind: string;

  @Column({ type: 'date' })
  validFrom: string;

  @Column({ type: 'date' })
  validTo: string;

  @Column()
  legalQualification: boolean;

  @Column()
  legalReviewer: boolean;

  @VersionColumn()
  version: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
