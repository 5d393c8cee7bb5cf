import { Column, Entity, PrimaryColumn, VersionColumn } from 'typeorm';

@Entity('calendar_year')
export class CalendarYearEntity {
  @PrimaryColumn({ type: 'int' })
  year: number;

  @Column({ type: 'date', array: true })
  holidays: string[];

  @Column({ type: 'date', array: true })
  makeUpWorkdays: string[];

  @Column({ type: 'jsonb' })
  names: Record<string, string>;

  /** Where the year came from: the shipped package data or an administrator. */
  @Column()
  source: string;

  @VersionColumn()
  version: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
