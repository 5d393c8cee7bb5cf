import { Injectable } from '@nestjs/common';
import { DomainException, type Actor } from '@ducha/common';
import { FindingSeverity } from '@ducha/contracts';
import { AccessPolicy } from '@ducha/org';
import type { EntityManager } from 'typeorm';
import { ExtensionEntity } from '../entities/rectification-records.entity.js';
import { RectificationTaskEntity, TaskDeadlineEntity, TaskDepartmentEntity } from '../entities/rectification-task.entity.js';
import { FindingEntity } from '../finding.entity.js';
import {
  DEPARTMENT_TURN_STATES,
  DepartmentStatus,
  ExtensionStatus,
  NotificationKind,
  OPEN_STATES,
  TaskState,
} from '../rectification.enums.js';
import type { NotificationService } from './notification.service.js';
import { RectificationFlowService, type TaskRef } from './rectification-flow.service.js';
import { RectificationIssueService, type DeadlineChoice } from './rectification-issue.service.js';
import { shanghaiDate } from './task-clock.js';
import { TaskRecorder } from './task-recorder.js';

/** Extensions, cancellation and the follow-up check (回头看) after close-out. */
@Injectable()
export class RectificationOversightService {
  constructor(
    private readonly flow: RectificationFlowService,
    private readonly recorder: TaskRecorder,
    private readonly issue: RectificationIssueService,
  ) {}

  /** 撤销: by the issuing office, with a reason, from any open state. */
  cancel(actor: Actor, ref: TaskRef & { reason: string }): Promise<RectificationTaskEntity> {
    if (!ref.reason.trim()) throw DomainException.field('reason', 'say why the task is cancelled');
    return this.flow.run(async (m) => {
      const task = await this.recorder.lock(m, ref.taskId, ref.version);
      AccessPolicy.enforce(AccessPolicy.canVerify(actor, task.issuingUnitId, null));
      this.recorder.requireState(task, OPEN_STATES, 'cancel');
      await m.update(
        ExtensionEntity,
        { taskId: task.id, status: ExtensionStatus.PENDING },
        { status: ExtensionStatus.REJECTED, decidedBy: actor.userId, decidedAt: new Date(), decisionNote: '任务已撤销' },
      );
      return this.recorder.transition(
        m,
        actor,
        task,
        { state: TaskState.CANCELLED, cancelReason: ref.reason },
        { type: 'rectification.cancelled', operation: 'cancelRectification', extra: { reason: ref.reason } },
      );
    });
  }

  /** 延期申请: the lead department asks for a later date with a reason; one pending request at a time. */
  requestExtension(
    actor: Actor,
    ref: TaskRef & { newDeadline: string; reason: string },
    now = new Date(),
  ): Promise<RectificationTaskEntity> {
    return this.flow.run(async (m, notes) => {
      const task = await this.recorder.lock(m, ref.taskId, ref.version);
      await this.flow.requireLead(m, actor, task);
      this.recorder.requireState(task, DEPARTMENT_TURN_STATES, 'request an extension');
      const today = shanghaiDate(now);
      if (ref.newDeadline <= task.deadline)
        throw DomainException.field('newDeadline', `must be later than the deadline in force (${task.deadline})`);
      if (ref.newDeadline < today) throw DomainException.field('newDeadline', `${ref.newDeadline} is in the past`);
      if (await m.existsBy(ExtensionEntity, { taskId: task.id, status: ExtensionStatus.PENDING }))
        throw DomainException.conflict(`Task ${task.taskNo} already has an extension request waiting for a decision`);
      await m.insert(ExtensionEntity, {
        taskId: task.id,
        requestedDeadline: ref.newDeadline,
        previousDeadline: task.deadline,
        reason: ref.reason,
        status: ExtensionStatus.PENDING,
        requestedBy: actor.userId,
      });
      const after = await this.recorder.transition(
        m,
        actor,
        task,
        {},
        {
          type: 'rectification.extension_requested',
          operation: 'requestRectificationExtension',
          extra: { requestedDeadline: ref.newDeadline },
        },
      );
      notes.push(
        ...(await this.notifications(m).toUsers(
          m,
          [task.issuedBy],
          {
            kind: NotificationKind.EXTENSION_REQUESTED,
            title: `延期申请待审批 ${task.taskNo}`,
            body: `申请延至 ${ref.newDeadline}：${ref.reason}`,
            taskId: task.id,
          },
          task.regionPath,
        )),
      );
      return after;
    });
  }

  /** The issuing office approves (the new date comes into force; the old stays in the history) or rejects. */
  decideExtension(actor: Actor, ref: TaskRef & { approve: boolean; note?: string }): Promise<RectificationTaskEntity> {
    return this.flow.run(async (m, notes) => {
      const task = await this.recorder.lock(m, ref.taskId, ref.version);
      const request = await m.findOneBy(ExtensionEntity, { taskId: task.id, status: ExtensionStatus.PENDING });
      AccessPolicy.enforce(AccessPolicy.canVerify(actor, task.issuingUnitId, request?.requestedBy ?? null));
      if (!request) throw DomainException.conflict(`Task ${task.taskNo} has no extension request waiting for a decision`);
      this.recorder.requireState(task, OPEN_STATES, 'decide an extension');
      await m.update(
        ExtensionEntity,
        { id: request.id },
        {
          status: ref.approve ? ExtensionStatus.APPROVED : ExtensionStatus.REJECTED,
          decidedBy: actor.userId,
          decidedAt: new Date(),
          decisionNote: ref.note ?? null,
        },
      );
      if (ref.approve)
        await m.insert(TaskDeadlineEntity, {
          taskId: task.id,
          deadline: request.requestedDeadline,
          kind: 'EXTENSION',
          reason: request.reason,
          setBy: actor.userId,
        });
      const after = await this.recorder.transition(m, actor, task, ref.approve ? { deadline: request.requestedDeadline } : {}, {
        type: 'rectification.extension_decided',
        operation: ref.approve ? 'approveRectificationExtension' : 'rejectRectificationExtension',
        extra: { approved: ref.approve, previousDeadline: task.deadline },
      });
      const title = `${ref.approve ? '延期已批准' : '延期未批准'} ${task.taskNo}`;
      notes.push(
        ...(await this.notifications(m).toDepartments(
          m,
          [task.departmentId],
          {
            kind: NotificationKind.EXTENSION_DECIDED,
            title,
            body: ref.approve ? `新的整改期限：${request.requestedDeadline}` : (ref.note ?? `整改期限仍为 ${task.deadline}`),
            taskId: task.id,
          },
          task.regionPath,
        )),
      );
      return after;
    });
  }

  /** Plans the follow-up check of a closed task. */
  scheduleFollowUp(actor: Actor, ref: TaskRef & { date: string }, now = new Date()): Promise<RectificationTaskEntity> {
    return this.flow.run(async (m) => {
      const task = await this.recorder.lock(m, ref.taskId, ref.version);
      AccessPolicy.enforce(AccessPolicy.canVerify(actor, task.issuingUnitId, null));
      this.recorder.requireState(task, [TaskState.CLOSED], 'schedule a follow-up');
      if (ref.date < shanghaiDate(now)) throw DomainException.field('date', `${ref.date} is in the past`);
      return this.plainChange(m, actor, task, { followUpOn: ref.date }, 'scheduleRectificationFollowUp');
    });
  }

  /** 回头看: the problem stayed fixed (the task stays closed) or came back (the task reopens with a new deadline). */
  recordFollowUp(
    actor: Actor,
    ref: TaskRef & { reopen: boolean; note: string; deadline?: DeadlineChoice },
    now = new Date(),
  ): Promise<RectificationTaskEntity> {
    return this.flow.run(async (m, notes) => {
      const task = await this.recorder.lock(m, ref.taskId, ref.version);
      AccessPolicy.enforce(AccessPolicy.canVerify(actor, task.issuingUnitId, null));
      this.recorder.requireState(task, [TaskState.CLOSED], 'record a follow-up');
      if (!ref.reopen) return this.plainChange(m, actor, task, { followUpOn: null }, 'passRectificationFollowUp', ref.note);
      const severe = await m.existsBy(FindingEntity, { taskId: task.id, severity: FindingSeverity.MAJOR });
      const deadline = await this.issue.resolveDeadline(
        m,
        ref.deadline,
        task.source,
        severe ? FindingSeverity.MAJOR : FindingSeverity.GENERAL,
        shanghaiDate(now),
      );
      await m.insert(TaskDeadlineEntity, { taskId: task.id, deadline, kind: 'REOPENED', reason: ref.note, setBy: actor.userId });
      await m.update(TaskDepartmentEntity, { taskId: task.id }, { status: DepartmentStatus.ACKNOWLEDGED });
      const after = await this.recorder.transition(
        m,
        actor,
        task,
        {
          state: TaskState.IN_PROGRESS,
          deadline,
          closedOn: null,
          closedOnTime: null,
          followUpOn: null,
          submittedBy: null,
          submittedAt: null,
          verifiedBy: null,
          verifiedAt: null,
        },
        { type: 'rectification.reopened', operation: 'reopenRectification', extra: {} },
      );
      notes.push(
        ...(await this.notifications(m).toDepartments(
          m,
          [task.departmentId],
          {
            kind: NotificationKind.TASK_REOPENED,
            title: `回头看发现问题反弹，任务重新打开 ${task.taskNo}`,
            body: `${ref.note}（新期限 ${deadline}）`,
            taskId: task.id,
          },
          task.regionPath,
        )),
      );
      return after;
    });
  }

  private notifications(_m: EntityManager): NotificationService {
    return this.flow.notificationService;
  }

  private async plainChange(
    m: EntityManager,
    actor: Actor,
    task: RectificationTaskEntity,
    changes: Partial<RectificationTaskEntity>,
    operation: string,
    note?: string,
  ): Promise<RectificationTaskEntity> {
    await m.update(
      RectificationTaskEntity,
      { id: task.id, version: task.version },
      { ...changes, version: task.version + 1, updatedAt: new Date() },
    );
    const after = await this.recorder.lock(m, task.id);
    await this.recorder.audit.record(m, actor, {
      operation,
      targetType: 'RectificationTask',
      targetId: task.id,
      before: task,
      after: { ...after, note },
    });
    return after;
  }
}
