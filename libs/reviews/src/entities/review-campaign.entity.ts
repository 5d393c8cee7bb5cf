import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { CampaignResults } from '../results.js';

export enum CampaignStage {
  PLANNED = 'PLANNED',
  SELF_CHECK = 'SELF_CHECK',
  DRAWN = 'DRAWN',
  REVIEWING = 'REVIEWING',
  RECHECK = 'RECHECK',
  FINALIZED = 'FINALIZED',
  PUBLISHED = 'PUBLISHED',
}

/** When a file's initial sheets disagree enough to need a re-check. */
export interface RecheckRule {
  /** Any sheet below the fail line (graded FAIL). */
  belowFailLine: boolean;
  /** Sheets in different grades. */
  differentGrades: boolean;
  /** Totals apart by more than this many points; null = not used. */
  maxSpread: number | null;
}

@Entity('review_campaign')
export class ReviewCampaignEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column() name: string;
  @Column({ type: 'int' }) year: number;
  @Column({ type: 'date' }) periodFrom: string;
  @Column({ type: 'date' }) periodTo: string;
  @Column({ type: 'text', array: true }) caseTypes: string[];
  @Column({ type: 'uuid', array: true }) departmentIds: string[];
  /** Rubric id per case type. */
  @Column({ type: 'jsonb' }) rubricIds: Record<string, string>;
  @Column({ type: 'int' }) filesPerDepartment: number;
  @Column({ type: 'int' }) reviewersPerFile: number;
  @Column({ type: 'uuid', array: true }) reviewerIds: string[];
  @Column({ type: 'jsonb' }) recheckRule: RecheckRule;
  @Column({ type: 'text' }) stage: CampaignStage;
  @Column({ type: 'text', nullable: true }) seed: string | null;
  @Column({ type: 'timestamptz', nullable: true }) drawnAt: Date | null;
  @Column({ type: 'jsonb', nullable: true }) results: CampaignResults | null;
  @Column({ type: 'timestamptz', nullable: true }) finalizedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) publishedAt: Date | null;
  @Column({ type: 'uuid' }) officeUnitId: string;
  @Column() regionPath: string;
  @Column({ type: 'uuid' }) createdBy: string;
  @Column({ type: 'int' }) version: number;
  @Column({ type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
  @Column({ type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}
