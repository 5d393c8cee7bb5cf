import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { ExtensionStatus } from '../rectification.enums.js';

@Entity('rectification_extension')
export class ExtensionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) taskId: string;
  @Column({ type: 'date' }) requestedDeadline: string;
  @Column({ type: 'date' }) previousDeadline: string;
  @Column() reason: string;
  @Column({ type: 'text' }) status: ExtensionStatus;
  @Column({ type: 'uuid' }) requestedBy: string;
  @Column({ type: 'timestamptz', default: () => 'now()' }) requestedAt: Date;
  @Column({ type: 'uuid', nullable: true }) decidedBy: string | null;
  @Column({ type: 'timestamptz', nullable: true }) decidedAt: Date | null;
  @Column({ type: 'text', nullable: true }) decisionNote: string | null;
}

@Entity('rectification_file')
export class EvidenceFileEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) taskId: string;
  @Column() sha256: string;
  @Column('int') size: number;
  @Column() mimeType: string;
  @Column() fileName: string;
  @Column({ type: 'uuid', nullable: true }) reportId: string | null;
  @Column({ type: 'uuid' }) uploadedBy: string;
  @Column({ type: 'uuid' }) departmentId: string;
  @Column({ type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
}

@Entity('rectification_report')
export class ReportEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) taskId: string;
  @Column({ type: 'uuid' }) departmentId: string;
  @Column() text: string;
  @Column() measuresTaken: string;
  @Column({ type: 'uuid' }) submittedBy: string;
  @Column({ type: 'timestamptz', default: () => 'now()' }) submittedAt: Date;
  @Column({ type: 'text', nullable: true }) verdict: 'RETURNED' | 'VERIFIED' | null;
  @Column({ type: 'text', nullable: true }) verdictNote: string | null;
}

@Entity('rectification_escalation')
export class EscalationEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ type: 'uuid' }) taskId: string;
  @Column() step: string;
  @Column({ type: 'date' }) dueOn: string;
  @Column({ type: 'date' }) deadline: string;
  @Column() notice: string;
  @Column({ type: 'timestamptz', default: () => 'now()' }) occurredAt: Date;
}

@Entity('notification')
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) userId: string;
  @Column() kind: string;
  @Column() title: string;
  @Column() body: string;
  @Column({ type: 'uuid', nullable: true }) taskId: string | null;
  @Column({ type: 'timestamptz', nullable: true }) readAt: Date | null;
  @Column({ type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
}

@Entity('rectification_root_cause')
export class RootCauseEntity {
  @PrimaryColumn() code: string;
  @Column() label: string;
  @Column('int') ordinal: number;
  @Column() active: boolean;
}

@Entity('rectification_deadline_rule')
export class DeadlineRuleEntity {
  @PrimaryColumn() source: string;
  @PrimaryColumn() severity: string;
  @Column('int') workingDays: number;
}

@Entity('rectification_ladder_step')
export class LadderStepEntity {
  @PrimaryColumn() step: string;
  @Column('int') ordinal: number;
  @Column('int') offsetWorkingDays: number;
  @Column() notice: string;
}
