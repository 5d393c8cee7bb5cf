import { Injectable } from '@nestjs/common';
import { CalendarService } from '@ducha/calendar';
import { DomainException, type Actor } from '@ducha/common';
import { FindingSeverity } from '@ducha/contracts';
import { TransactionRunner } from '@ducha/database';
import { AccessPolicy, OrgService } from '@ducha/org';
import { In, type EntityManager } from 'typeorm';
import { RectificationTaskEntity, TaskDeadlineEntity, TaskDepartmentEntity } from '../entities/rectification-task.entity.js';
import type { NotificationEntity } from '../entities/rectification-records.entity.js';
import { FindingEntity } from '../finding.entity.js';
import { DepartmentRole, DepartmentStatus, NotificationKind, TaskState } from '../rectification.enums.js';
import { NotificationService } from './notification.service.js';
import { RectificationSettingsService } from './rectification-settings.service.js';
import { shanghaiDate } from './task-clock.js';
import { TaskRecorder } from './task-recorder.js';

export interface DeadlineChoice {
  workingDays?: number;
  date?: string;
}

export interface IssueData {
  findingIds: string[];
  coDepartmentIds: string[];
  responsiblePerson: string;
  requirements: string;
  deadline?: DeadlineChoice;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CONCLUDED_STAGES = ['FINALIZED', 'PUBLISHED'];

/**
 * A batch is a case-review campaign or a three-systems check round (their findings carry its id).
 * Its findings may be issued in bulk only once it is finalized (or published): before that its
 * results can still change. Read straight from their tables: those capabilities build on this one.
 */
async function requireConcludedBatch(m: EntityManager, batchId: string): Promise<void> {
  const [batch]: { stage: string }[] = UUID.test(batchId)
    ? await m.query(
        `SELECT stage FROM review_campaign WHERE id = $1::uuid UNION ALL SELECT stage FROM compliance_round WHERE id = $1::uuid`,
        [batchId],
      )
    : [];
  if (!batch) throw DomainException.field('batchId', 'no such case-review campaign or check round');
  if (!CONCLUDED_STAGES.includes(batch.stage))
    throw DomainException.conflict(`The campaign or check round is ${batch.stage}: issue its findings once it is finalized`);
}

/** Turning findings into tasks (下发整改通知), one by one or a whole batch per department. */
@Injectable()
export class RectificationIssueService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly org: OrgService,
    private readonly calendar: CalendarService,
    private readonly settings: RectificationSettingsService,
    private readonly recorder: TaskRecorder,
    private readonly notifications: NotificationService,
  ) {}

  async issue(actor: Actor, input: IssueData, now = new Date()): Promise<RectificationTaskEntity> {
    const notes: NotificationEntity[] = [];
    const task = await this.tx.run(async (m) => {
      const ids = [...new Set(input.findingIds)];
      const findings = await m.find(FindingEntity, { where: { id: In(ids) }, lock: { mode: 'pessimistic_write' } });
      if (findings.length !== ids.length) throw DomainException.field('findingIds', 'one or more findings do not exist');
      if (new Set(findings.map((f) => f.departmentId)).size !== 1)
        throw DomainException.field('findingIds', 'all findings of one task must concern one department');
      return this.createTask(m, actor, findings, input, null, now, notes);
    });
    await this.notifications.deliver(notes);
    return task;
  }

  /** One task per department with all the batch's unissued findings (a finalized or published campaign or check round). */
  async issueBatch(
    actor: Actor,
    input: Omit<IssueData, 'findingIds' | 'coDepartmentIds'> & { batchId: string },
    now = new Date(),
  ): Promise<RectificationTaskEntity[]> {
    const notes: NotificationEntity[] = [];
    const tasks = await this.tx.run(async (m) => {
      await requireConcludedBatch(m, input.batchId);
      const findings = await m.find(FindingEntity, {
        where: { batchId: input.batchId },
        order: { createdAt: 'ASC', id: 'ASC' },
        lock: { mode: 'pessimistic_write' },
      });
      const open = findings.filter((f) => f.taskId === null);
      if (!open.length)
        throw DomainException.field(
          'batchId',
          findings.length ? 'every finding of this batch is already issued' : 'no findings in this batch',
        );
      const byDepartment = new Map<string, FindingEntity[]>();
      for (const f of open) byDepartment.set(f.departmentId, [...(byDepartment.get(f.departmentId) ?? []), f]);
      const created: RectificationTaskEntity[] = [];
      for (const group of byDepartment.values()) {
        created.push(await this.createTask(m, actor, group, { ...input, findingIds: [], coDepartmentIds: [] }, input.batchId, now, notes));
      }
      return created;
    });
    await this.notifications.deliver(notes);
    return tasks;
  }

  /** The deadline from working days, a date (never in the past) or the configured default. */
  async resolveDeadline(
    m: EntityManager,
    choice: DeadlineChoice | undefined,
    source: FindingEntity['source'],
    severity: FindingSeverity,
    today: string,
  ): Promise<string> {
    if (choice?.date && choice.workingDays) throw DomainException.field('deadline', 'give working days or a date, not both');
    if (choice?.date) {
      if (choice.date < today) throw DomainException.field('deadline.date', `${choice.date} is in the past (today is ${today})`);
      return choice.date;
    }
    const days = choice?.workingDays ?? (await this.settings.defaultWorkingDays(m, source, severity));
    const calendar = await this.calendar.calendar();
    try {
      return calendar.addWorkingDays(today, days);
    } catch (error) {
      throw DomainException.field('deadline.workingDays', (error as Error).message);
    }
  }

  private async createTask(
    m: EntityManager,
    actor: Actor,
    findings: FindingEntity[],
    input: IssueData,
    batchId: string | null,
    now: Date,
    notes: NotificationEntity[],
  ): Promise<RectificationTaskEntity> {
    const issued = findings.find((f) => f.taskId !== null);
    if (issued) throw DomainException.conflict(`Finding ${issued.id} is already part of a task`);
    const departmentId = findings[0].departmentId;
    const lead = await this.org.placement(departmentId, m);
    AccessPolicy.enforce(AccessPolicy.canInspect(actor, lead));
    const coIds = [...new Set(input.coDepartmentIds)].filter((id) => id !== departmentId);
    for (const [i, id] of coIds.entries()) {
      const co = await this.org.placement(id, m).catch(() => undefined);
      if (!co || !co.regionPath.startsWith(actor.regionPath))
        throw DomainException.field(`coDepartmentIds.${i}`, 'no such department in your region');
    }
    const today = shanghaiDate(now);
    const severity = findings.some((f) => f.severity === FindingSeverity.MAJOR) ? FindingSeverity.MAJOR : FindingSeverity.GENERAL;
    const deadline = await this.resolveDeadline(m, input.deadline, findings[0].source, severity, today);
    const year = Number(today.slice(0, 4));
    const [{ last }]: { last: number }[] = await m.query(
      `INSERT INTO rectification_counter (year, last) VALUES ($1, 1) ON CONFLICT (year) DO UPDATE SET last = rectification_counter.last + 1 RETURNING last`,
      [year],
    );
    const task = await m.save(
      m.create(RectificationTaskEntity, {
        taskNo: `清整〔${year}〕${String(last).padStart(3, '0')}号`,
        source: findings[0].source,
        departmentId,
        regionPath: lead.regionPath,
        issuingUnitId: actor.unitId,
        issuedBy: actor.userId,
        issuedOn: today,
        responsiblePerson: input.responsiblePerson,
        requirements: input.requirements,
        state: TaskState.ISSUED,
        deadline,
        batchId,
        version: 1,
      }),
    );
    await m.insert(TaskDepartmentEntity, [
      { taskId: task.id, departmentId, role: DepartmentRole.LEAD, status: DepartmentStatus.ISSUED },
      ...coIds.map((id) => ({ taskId: task.id, departmentId: id, role: DepartmentRole.CO, status: DepartmentStatus.ISSUED })),
    ]);
    await m.insert(TaskDeadlineEntity, { taskId: task.id, deadline, kind: 'ISSUED', reason: null, setBy: actor.userId });
    await m.update(FindingEntity, { id: In(findings.map((f) => f.id)) }, { taskId: task.id });
    await this.recorder.record(m, actor, task, null, {
      type: 'rectification.issued',
      operation: 'issueRectification',
      extra: { findings: findings.length },
    });
    notes.push(
      ...(await this.notifications.toDepartments(
        m,
        [departmentId, ...coIds],
        {
          kind: NotificationKind.TASK_ISSUED,
          title: `新整改任务 ${task.taskNo}`,
          body: `请于 ${deadline} 前完成整改并报送整改报告（${findings.length} 个问题）`,
          taskId: task.id,
        },
        lead.regionPath,
      )),
    );
    return task;
  }
}
