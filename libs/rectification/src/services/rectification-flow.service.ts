import { Injectable } from '@nestjs/common';
import { DomainException, type Actor } from '@ducha/common';
import { TransactionRunner } from '@ducha/database';
import { AccessPolicy } from '@ducha/org';
import { In, IsNull, type EntityManager } from 'typeorm';
import { EvidenceFileEntity, ReportEntity, type NotificationEntity } from '../entities/rectification-records.entity.js';
import { TaskDepartmentEntity, type RectificationTaskEntity } from '../entities/rectification-task.entity.js';
import { DepartmentRole, DepartmentStatus, NotificationKind, TaskState } from '../rectification.enums.js';
import { NotificationService } from './notification.service.js';
import { shanghaiDate } from './task-clock.js';
import { TaskRecorder } from './task-recorder.js';

export interface TaskRef {
  taskId: string;
  version: number;
}

export interface ReportData extends TaskRef {
  text: string;
  measuresTaken: string;
  evidenceFileIds: string[];
}

/** A change and the notifications it produced, delivered to the channels after commit. */
export type Work<T> = (m: EntityManager, notes: NotificationEntity[]) => Promise<T>;

/** The department's side of a task (acknowledge, start, report) and the office's verification and close-out. */
@Injectable()
export class RectificationFlowService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly recorder: TaskRecorder,
    private readonly notifications: NotificationService,
  ) {}

  get notificationService(): NotificationService {
    return this.notifications;
  }

  async run<T>(work: Work<T>): Promise<T> {
    const notes: NotificationEntity[] = [];
    const result = await this.tx.run((m) => work(m, notes));
    await this.notifications.deliver(notes);
    return result;
  }

  /** LEAD or CO: which department of the task the actor answers for (FORBIDDEN if none). */
  async roleOf(m: EntityManager, actor: Actor, task: RectificationTaskEntity): Promise<DepartmentRole> {
    const lead = AccessPolicy.canActForDepartment(actor, task.departmentId);
    if (lead.allowed) return DepartmentRole.LEAD;
    if (
      AccessPolicy.canActForDepartment(actor, actor.unitId).allowed &&
      (await m.existsBy(TaskDepartmentEntity, { taskId: task.id, departmentId: actor.unitId }))
    ) {
      return DepartmentRole.CO;
    }
    AccessPolicy.enforce(lead);
    throw DomainException.forbidden();
  }

  /** 签收: the lead moves the task to ACKNOWLEDGED; a co-department records its own receipt. */
  acknowledge(actor: Actor, ref: TaskRef): Promise<RectificationTaskEntity> {
    return this.run(async (m) => {
      const task = await this.recorder.lock(m, ref.taskId, ref.version);
      if ((await this.roleOf(m, actor, task)) === DepartmentRole.CO)
        return this.coStep(
          m,
          actor,
          task,
          DepartmentStatus.ISSUED,
          DepartmentStatus.ACKNOWLEDGED,
          'acknowledgeRectificationAsCoDepartment',
        );
      this.recorder.requireState(task, [TaskState.ISSUED], 'acknowledge');
      await this.setLeadStatus(m, task, DepartmentStatus.ACKNOWLEDGED);
      return this.recorder.transition(
        m,
        actor,
        task,
        { state: TaskState.ACKNOWLEDGED },
        { type: 'rectification.acknowledged', operation: 'acknowledgeRectification', extra: {} },
      );
    });
  }

  /** ACKNOWLEDGED or RETURNED → IN_PROGRESS (lead department). */
  start(actor: Actor, ref: TaskRef): Promise<RectificationTaskEntity> {
    return this.run(async (m) => {
      const task = await this.recorder.lock(m, ref.taskId, ref.version);
      await this.requireLead(m, actor, task);
      this.recorder.requireState(task, [TaskState.ACKNOWLEDGED, TaskState.RETURNED], 'start the work');
      return this.recorder.transition(
        m,
        actor,
        task,
        { state: TaskState.IN_PROGRESS },
        { type: 'rectification.started', operation: 'startRectification', extra: {} },
      );
    });
  }

  /** The report with measures and evidence: the lead's moves the task to SUBMITTED; a co-department's records its part. */
  submit(actor: Actor, input: ReportData): Promise<RectificationTaskEntity> {
    if (!input.measuresTaken.trim()) throw DomainException.field('measuresTaken', 'say what was done');
    if (!input.text.trim()) throw DomainException.field('text', 'the report is empty');
    return this.run(async (m, notes) => {
      const task = await this.recorder.lock(m, input.taskId, input.version);
      const role = await this.roleOf(m, actor, task);
      if (role === DepartmentRole.LEAD) this.recorder.requireState(task, [TaskState.IN_PROGRESS], 'submit a report');
      else
        this.recorder.requireState(
          task,
          [TaskState.ISSUED, TaskState.ACKNOWLEDGED, TaskState.IN_PROGRESS, TaskState.RETURNED],
          'submit a report',
        );
      const fileIds = [...new Set(input.evidenceFileIds)];
      const files = fileIds.length
        ? await m.findBy(EvidenceFileEntity, { id: In(fileIds), taskId: task.id, departmentId: actor.unitId, reportId: IsNull() })
        : [];
      if (files.length !== fileIds.length)
        throw DomainException.field(
          'evidenceFileIds',
          'each file must be one your department uploaded to this task and not yet used in a report',
        );
      const report = await m.save(
        m.create(ReportEntity, {
          taskId: task.id,
          departmentId: actor.unitId,
          text: input.text,
          measuresTaken: input.measuresTaken,
          submittedBy: actor.userId,
          verdict: null,
          verdictNote: null,
        }),
      );
      if (fileIds.length) await m.update(EvidenceFileEntity, { id: In(fileIds) }, { reportId: report.id });
      if (role === DepartmentRole.CO)
        return this.coStep(m, actor, task, DepartmentStatus.ACKNOWLEDGED, DepartmentStatus.SUBMITTED, 'submitRectificationAsCoDepartment');
      await this.setLeadStatus(m, task, DepartmentStatus.SUBMITTED);
      const after = await this.recorder.transition(
        m,
        actor,
        task,
        { state: TaskState.SUBMITTED, submittedBy: actor.userId, submittedAt: new Date() },
        { type: 'rectification.submitted', operation: 'submitRectification', extra: {} },
      );
      notes.push(
        ...(await this.notifications.toUsers(
          m,
          [task.issuedBy],
          {
            kind: NotificationKind.TASK_SUBMITTED,
            title: `整改报告待复查 ${task.taskNo}`,
            body: input.measuresTaken.slice(0, 200),
            taskId: task.id,
          },
          task.regionPath,
        )),
      );
      return after;
    });
  }

  /** 退回: verification failed, reason required (SUBMITTED → RETURNED). */
  returnTask(actor: Actor, ref: TaskRef & { reason: string }): Promise<RectificationTaskEntity> {
    if (!ref.reason.trim()) throw DomainException.field('reason', 'say why the report is returned');
    return this.run(async (m, notes) => {
      const task = await this.recorder.lock(m, ref.taskId, ref.version);
      AccessPolicy.enforce(AccessPolicy.canVerify(actor, task.issuingUnitId, task.submittedBy));
      this.recorder.requireState(task, [TaskState.SUBMITTED], 'return');
      await this.setVerdict(m, task, 'RETURNED', ref.reason);
      await this.setLeadStatus(m, task, DepartmentStatus.ACKNOWLEDGED);
      const after = await this.recorder.transition(
        m,
        actor,
        task,
        { state: TaskState.RETURNED },
        { type: 'rectification.returned', operation: 'returnRectification', extra: { reason: ref.reason } },
      );
      notes.push(
        ...(await this.notifications.toDepartments(
          m,
          [task.departmentId],
          { kind: NotificationKind.TASK_RETURNED, title: `整改被退回 ${task.taskNo}`, body: ref.reason, taskId: task.id },
          task.regionPath,
        )),
      );
      return after;
    });
  }

  /** 复查通过: by the issuing office, never by the person who submitted the report. */
  verify(actor: Actor, ref: TaskRef): Promise<RectificationTaskEntity> {
    return this.run(async (m) => {
      const task = await this.recorder.lock(m, ref.taskId, ref.version);
      AccessPolicy.enforce(AccessPolicy.canVerify(actor, task.issuingUnitId, task.submittedBy));
      this.recorder.requireState(task, [TaskState.SUBMITTED], 'verify');
      await this.setVerdict(m, task, 'VERIFIED', null);
      return this.recorder.transition(
        m,
        actor,
        task,
        { state: TaskState.VERIFIED, verifiedBy: actor.userId, verifiedAt: new Date() },
        { type: 'rectification.verified', operation: 'verifyRectification', extra: {} },
      );
    });
  }

  /** 销号: VERIFIED → CLOSED; on time when closed by the deadline in force. */
  close(actor: Actor, ref: TaskRef, now = new Date()): Promise<RectificationTaskEntity> {
    return this.run(async (m, notes) => {
      const task = await this.recorder.lock(m, ref.taskId, ref.version);
      AccessPolicy.enforce(AccessPolicy.canVerify(actor, task.issuingUnitId, task.submittedBy));
      this.recorder.requireState(task, [TaskState.VERIFIED], 'close');
      const today = shanghaiDate(now);
      const onTime = today <= task.deadline;
      const after = await this.recorder.transition(
        m,
        actor,
        task,
        { state: TaskState.CLOSED, closedOn: today, closedOnTime: onTime },
        { type: 'rectification.closed', operation: 'closeRectification', extra: { onTime } },
      );
      notes.push(
        ...(await this.notifications.toDepartments(
          m,
          [task.departmentId],
          {
            kind: NotificationKind.TASK_CLOSED,
            title: `整改已销号 ${task.taskNo}`,
            body: onTime ? '按期销号' : '逾期销号',
            taskId: task.id,
          },
          task.regionPath,
        )),
      );
      return after;
    });
  }

  async requireLead(m: EntityManager, actor: Actor, task: RectificationTaskEntity): Promise<void> {
    if ((await this.roleOf(m, actor, task)) !== DepartmentRole.LEAD)
      throw DomainException.forbidden('Forbidden: only the lead department does this');
  }

  private async coStep(
    m: EntityManager,
    actor: Actor,
    task: RectificationTaskEntity,
    from: DepartmentStatus,
    to: DepartmentStatus,
    operation: string,
  ): Promise<RectificationTaskEntity> {
    const row = await m.findOneByOrFail(TaskDepartmentEntity, { taskId: task.id, departmentId: actor.unitId });
    if (row.status !== from)
      throw DomainException.conflict(`Your department's part of ${task.taskNo} is ${row.status}: cannot move it to ${to}`);
    const before = { ...row };
    row.status = to;
    if (to === DepartmentStatus.ACKNOWLEDGED) row.acknowledgedAt = new Date();
    if (to === DepartmentStatus.SUBMITTED) row.submittedAt = new Date();
    await m.save(row);
    await this.recorder.audit.record(m, actor, { operation, targetType: 'RectificationTask', targetId: task.id, before, after: row });
    // Scoped to the task (its lead department and the office): both watch the task move forward.
    const [{ name }] = await m.query(`SELECT name FROM unit WHERE id = $1`, [actor.unitId]);
    await this.recorder.announce(m, actor, task, {
      type: 'rectification.co_department_progressed',
      extra: { coDepartmentId: actor.unitId, coDepartmentName: name, status: to as 'ACKNOWLEDGED' | 'SUBMITTED' },
    });
    return task;
  }

  private async setLeadStatus(m: EntityManager, task: RectificationTaskEntity, status: DepartmentStatus): Promise<void> {
    const stamp =
      status === DepartmentStatus.ACKNOWLEDGED
        ? { acknowledgedAt: new Date() }
        : status === DepartmentStatus.SUBMITTED
          ? { submittedAt: new Date() }
          : {};
    await m.update(TaskDepartmentEntity, { taskId: task.id, departmentId: task.departmentId }, { status, ...stamp });
  }

  private async setVerdict(
    m: EntityManager,
    task: RectificationTaskEntity,
    verdict: 'RETURNED' | 'VERIFIED',
    note: string | null,
  ): Promise<void> {
    const latest = await m.findOne(ReportEntity, {
      where: { taskId: task.id, departmentId: task.departmentId },
      order: { submittedAt: 'DESC' },
    });
    if (latest) await m.update(ReportEntity, { id: latest.id }, { verdict, verdictNote: note });
  }
}
