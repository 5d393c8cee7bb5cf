import { Injectable } from '@nestjs/common';
import { CalendarService } from '@ducha/calendar';
import { DomainException, type Actor } from '@ducha/common';
import { TransactionRunner } from '@ducha/database';
import { AccessPolicy } from '@ducha/org';
import type { EntityManager } from 'typeorm';
import { EscalationEntity, EvidenceFileEntity, ExtensionEntity, ReportEntity } from '../entities/rectification-records.entity.js';
import { RectificationTaskEntity, TaskDeadlineEntity } from '../entities/rectification-task.entity.js';
import { FindingEntity } from '../finding.entity.js';
import { DepartmentRole, DepartmentStatus, EscalationStep } from '../rectification.enums.js';

const LADDER_ORDER = Object.values(EscalationStep);
import { TaskClock, shanghaiDate } from './task-clock.js';

export interface TaskDetailData {
  task: RectificationTaskEntity;
  departmentName: string;
  findings: FindingEntity[];
  unitNames: Map<string, string>;
  departments: { departmentId: string; departmentName: string; role: DepartmentRole; status: DepartmentStatus }[];
  deadlines: TaskDeadlineEntity[];
  extensions: ExtensionEntity[];
  reports: ReportEntity[];
  files: EvidenceFileEntity[];
  escalations: EscalationEntity[];
}

/** Reading tasks: who may see a task, its full record, and the warning clock. */
@Injectable()
export class TaskQueryService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly calendar: CalendarService,
  ) {}

  async clock(now = new Date()): Promise<TaskClock> {
    return new TaskClock(shanghaiDate(now), await this.calendar.calendar());
  }

  /** Office staff of the task's region and officers of its lead or co-departments; everyone else: NOT_FOUND. */
  async readable(actor: Actor, taskId: string, m: EntityManager = this.tx.manager): Promise<RectificationTaskEntity> {
    const task = await m.findOneBy(RectificationTaskEntity, { id: taskId });
    if (!task || !(await this.mayRead(m, actor, task))) throw DomainException.notFound('Rectification task', taskId);
    return task;
  }

  async mayRead(m: EntityManager, actor: Actor, task: RectificationTaskEntity): Promise<boolean> {
    if (AccessPolicy.canRead(actor, { unitId: task.departmentId, regionPath: task.regionPath }).allowed) return true;
    if (!AccessPolicy.canActForDepartment(actor, actor.unitId).allowed) return false;
    const [{ n }] = await m.query(
      `SELECT count(*)::int AS n FROM rectification_task_department WHERE task_id = $1 AND department_id = $2`,
      [task.id, actor.unitId],
    );
    return n > 0;
  }

  async detail(actor: Actor, taskId: string): Promise<TaskDetailData> {
    const m = this.tx.manager;
    const task = await this.readable(actor, taskId);
    const [findings, departments, deadlines, extensions, reports, files, escalations] = await Promise.all([
      m.find(FindingEntity, { where: { taskId }, order: { createdAt: 'ASC', id: 'ASC' } }),
      m.query(
        `SELECT d.department_id, u.name, d.role, d.status FROM rectification_task_department d JOIN unit u ON u.id = d.department_id WHERE d.task_id = $1 ORDER BY d.role DESC, u.code`,
        [taskId],
      ) as Promise<{ department_id: string; name: string; role: DepartmentRole; status: DepartmentStatus }[]>,
      m.find(TaskDeadlineEntity, { where: { taskId }, order: { id: 'ASC' } }),
      m.find(ExtensionEntity, { where: { taskId }, order: { requestedAt: 'ASC' } }),
      m.find(ReportEntity, { where: { taskId }, order: { submittedAt: 'ASC' } }),
      m.find(EvidenceFileEntity, { where: { taskId }, order: { createdAt: 'ASC' } }),
      m.find(EscalationEntity, { where: { taskId }, order: { dueOn: 'ASC', id: 'ASC' } }),
    ]);
    const unitNames = new Map(departments.map((d) => [d.department_id, d.name]));
    escalations.sort(
      (a, b) =>
        a.dueOn.localeCompare(b.dueOn) || LADDER_ORDER.indexOf(a.step as EscalationStep) - LADDER_ORDER.indexOf(b.step as EscalationStep),
    );
    return {
      task,
      departmentName: unitNames.get(task.departmentId) ?? '',
      findings,
      unitNames,
      departments: departments.map((d) => ({ departmentId: d.department_id, departmentName: d.name, role: d.role, status: d.status })),
      deadlines,
      extensions,
      reports,
      files,
      escalations,
    };
  }
}

/** Maps a raw `rectification_task` row (snake_case, with `escalationStepOf` selected as escalation_step) onto the entity shape. */
export function taskFromRow(r: Record<string, any>): RectificationTaskEntity {
  return Object.assign(new RectificationTaskEntity(), {
    id: r.id,
    taskNo: r.task_no,
    source: r.source,
    departmentId: r.department_id,
    regionPath: r.region_path,
    issuingUnitId: r.issuing_unit_id,
    issuedBy: r.issued_by,
    issuedOn: r.issued_on,
    responsiblePerson: r.responsible_person,
    requirements: r.requirements,
    state: r.state,
    deadline: r.deadline,
    batchId: r.batch_id,
    submittedBy: r.submitted_by,
    submittedAt: r.submitted_at,
    verifiedBy: r.verified_by,
    verifiedAt: r.verified_at,
    closedOn: r.closed_on,
    closedOnTime: r.closed_on_time,
    cancelReason: r.cancel_reason,
    escalationStep: r.escalation_step,
    followUpOn: r.follow_up_on,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  });
}
