import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { RegionLevel } from '@ducha/contracts';

@Entity('region')
export class RegionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  @Column({ type: 'text' })
  level: RegionLevel;

  @Column()
  code: string;

  @Column()
  name: string;

  /** Ids from the root down, `/a/b/c/`: a subtree is a prefix match. */
  @Column()
  path: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
