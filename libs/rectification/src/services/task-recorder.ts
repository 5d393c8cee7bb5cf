import { Injectable } from '@nestjs/common';
import { AuditService } from '@ducha/audit';
import { DomainException, type Actor } from '@ducha/common';
import type { DomainEventPayloads, RectificationEventPayloads, RectificationTransition } from '@ducha/contracts';
import { OutboxService } from '@ducha/realtime';
import type { EntityManager } from 'typeorm';
import { RectificationTaskEntity } from '../entities/rectification-task.entity.js';
import type { TaskState } from '../rectification.enums.js';

type TransitionEvent = Exclude<keyof RectificationEventPayloads, 'notification.created'>;
type Extra<T extends TransitionEvent> = Omit<RectificationEventPayloads[T], keyof RectificationTransition>;

/** Loading tasks for change and recording each transition: one audit entry and one outbox event. */
@Injectable()
export class TaskRecorder {
  constructor(
    readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  /** Locks the task row, then checks the caller's version (stale: CONFLICT). */
  async lock(m: EntityManager, taskId: string, version?: number): Promise<RectificationTaskEntity> {
    const task = await m.findOne(RectificationTaskEntity, { where: { id: taskId }, lock: { mode: 'pessimistic_write' } });
    if (!task) throw DomainException.notFound('Rectification task', taskId);
    if (version !== undefined && task.version !== version) {
      throw DomainException.conflict(`Task ${task.taskNo} was changed by someone else (version ${task.version}, you had ${version})`);
    }
    return task;
  }

  /** CONFLICT unless the task is in one of the allowed states. */
  requireState(task: RectificationTaskEntity, allowed: readonly TaskState[], action: string): void {
    if (!allowed.includes(task.state)) {
      throw DomainException.conflict(`Task ${task.taskNo} is ${task.state}: cannot ${action} (allowed from ${allowed.join(', ')})`);
    }
  }

  /** Saves the changed task with a new version and records the transition. */
  async transition<T extends TransitionEvent>(
    m: EntityManager,
    actor: Actor | null,
    task: RectificationTaskEntity,
    changes: Partial<RectificationTaskEntity>,
    event: { type: T; operation: string; extra: Extra<T> },
  ): Promise<RectificationTaskEntity> {
    const before = { ...task };
    const result = await m
      .createQueryBuilder()
      .update(RectificationTaskEntity)
      .set({ ...changes, version: () => 'version + 1', updatedAt: () => 'now()' })
      .where('id = :id AND version = :v', { id: task.id, v: task.version })
      .execute();
    if (result.affected !== 1) throw DomainException.conflict(`Task ${task.taskNo} was changed by someone else`);
    const after = await m.findOneByOrFail(RectificationTaskEntity, { id: task.id });
    await this.record(m, actor, after, before.state, event, before);
    return after;
  }

  /** Audit entry plus outbox event for a change already written. */
  async record<T extends TransitionEvent>(
    m: EntityManager,
    actor: Actor | null,
    task: RectificationTaskEntity,
    from: TaskState | null,
    event: { type: T; operation: string; extra: Extra<T> },
    before?: unknown,
  ): Promise<void> {
    await this.audit.record(m, actor, {
      operation: event.operation,
      targetType: 'RectificationTask',
      targetId: task.id,
      before,
      after: task,
    });
    await this.announce(m, actor, task, event, from);
  }

  /** The outbox event alone (the caller audits), scoped to the task's lead department and region. */
  async announce<T extends TransitionEvent>(
    m: EntityManager,
    actor: Actor | null,
    task: RectificationTaskEntity,
    event: { type: T; extra: Extra<T> },
    from: TaskState | null = task.state,
  ): Promise<void> {
    const [names]: { department: string; actor: string | null }[] = await m.query(
      `SELECT (SELECT name FROM unit WHERE id = $1) AS department, (SELECT display_name FROM app_user WHERE id = $2) AS actor`,
      [task.departmentId, actor?.userId ?? null],
    );
    const base: RectificationTransition = {
      taskId: task.id,
      taskNo: task.taskNo,
      departmentId: task.departmentId,
      departmentName: names.department,
      from,
      to: task.state,
      deadline: task.deadline,
      source: task.source,
      actorName: names.actor ?? '系统',
    };
    const payload = { ...base, ...event.extra } as unknown as DomainEventPayloads[T];
    await this.outbox.emit(m, event.type, { regionPath: task.regionPath, departmentId: task.departmentId }, payload);
  }
}
