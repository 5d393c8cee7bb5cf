import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn, VirtualColumn } from 'typeorm';
import type { FindingSource } from '@ducha/contracts';
import type { DepartmentRole, DepartmentStatus, TaskState } from '../rectification.enums.js';

/** SQL for the highest escalation step recorded for the task under `alias` (null before the first). */
export function escalationStepOf(alias: string): string {
  return `SELECT e.step FROM rectification_escalation e JOIN rectification_ladder_step l ON l.step = e.step WHERE e.task_id = ${alias}.id ORDER BY l.ordinal DESC LIMIT 1`;
}

@Entity('rectification_task')
export class RectificationTaskEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column() taskNo: string;
  @Column({ type: 'text' }) source: FindingSource;
  /** The lead department (牵头单位). */
  @Column({ type: 'uuid' }) departmentId: string;
  /** Region path of the lead department, for office scoping. */
  @Column() regionPath: string;
  @Column({ type: 'uuid' }) issuingUnitId: string;
  @Column({ type: 'uuid' }) issuedBy: string;
  @Column({ type: 'date' }) issuedOn: string;
  @Column() responsiblePerson: string;
  /** The required measures (整改要求). */
  @Column() requirements: string;
  @Column({ type: 'text' }) state: TaskState;
  /** The deadline in force (every earlier one stays in rectification_deadline). */
  @Column({ type: 'date' }) deadline: string;
  @Column({ type: 'text', nullable: true }) batchId: string | null;
  @Column({ type: 'uuid', nullable: true }) submittedBy: string | null;
  @Column({ type: 'timestamptz', nullable: true }) submittedAt: Date | null;
  @Column({ type: 'uuid', nullable: true }) verifiedBy: string | null;
  @Column({ type: 'timestamptz', nullable: true }) verifiedAt: Date | null;
  @Column({ type: 'date', nullable: true }) closedOn: string | null;
  @Column({ type: 'boolean', nullable: true }) closedOnTime: boolean | null;
  @Column({ type: 'text', nullable: true }) cancelReason: string | null;
  /** The highest ladder step recorded for the task (read from rectification_escalation, never written here). */
  @VirtualColumn({ type: 'text', query: escalationStepOf }) escalationStep: string | null;
  @Column({ type: 'date', nullable: true }) followUpOn: string | null;
  @Column({ type: 'int' }) version: number;
  @Column({ type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
  @Column({ type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}

@Entity('rectification_task_department')
export class TaskDepartmentEntity {
  @PrimaryColumn('uuid') taskId: string;
  @PrimaryColumn('uuid') departmentId: string;
  @Column({ type: 'text' }) role: DepartmentRole;
  @Column({ type: 'text' }) status: DepartmentStatus;
  @Column({ type: 'timestamptz', nullable: true }) acknowledgedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) submittedAt: Date | null;
}

@Entity('rectification_deadline')
export class TaskDeadlineEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ type: 'uuid' }) taskId: string;
  @Column({ type: 'date' }) deadline: string;
  @Column({ type: 'text' }) kind: 'ISSUED' | 'EXTENSION' | 'REOPENED';
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column({ type: 'uuid', nullable: true }) setBy: string | null;
  @Column({ type: 'timestamptz', default: () => 'now()' }) setAt: Date;
}

@Entity('rectification_counter')
export class TaskCounterEntity {
  @PrimaryColumn('int') year: number;
  @Column('int') last: number;
}
