import { Injectable } from '@nestjs/common';
import { AuditService } from '@ducha/audit';
import { DomainException, type Actor } from '@ducha/common';
import { FindingSeverity, type FindingSource } from '@ducha/contracts';
import { TransactionRunner } from '@ducha/database';
import { AccessPolicy } from '@ducha/org';
import type { EntityManager } from 'typeorm';
import { DeadlineRuleEntity, LadderStepEntity, RootCauseEntity } from '../entities/rectification-records.entity.js';

/** When nothing is configured for a source and severity. */
export const DEFAULT_DEADLINE_WORKING_DAYS = 15;

/** The configurable lists: root causes, default deadlines per source and severity, the escalation ladder. */
@Injectable()
export class RectificationSettingsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  rootCauses(activeOnly = false): Promise<RootCauseEntity[]> {
    return this.tx.manager.find(RootCauseEntity, { where: activeOnly ? { active: true } : {}, order: { ordinal: 'ASC', code: 'ASC' } });
  }

  deadlineRules(): Promise<DeadlineRuleEntity[]> {
    return this.tx.manager.find(DeadlineRuleEntity, { order: { source: 'ASC', severity: 'ASC' } });
  }

  ladder(manager: EntityManager = this.tx.manager): Promise<LadderStepEntity[]> {
    return manager.find(LadderStepEntity, { order: { ordinal: 'ASC' } });
  }

  /** BAD_USER_INPUT naming the field unless the code is an active root cause. */
  async requireRootCause(m: EntityManager, code: string, field: string): Promise<void> {
    if (!(await m.existsBy(RootCauseEntity, { code, active: true })))
      throw DomainException.field(field, `${code} is not an active root cause`);
  }

  /** Working days for a source and severity: the exact rule, else the source's ANY rule, else 15. */
  async defaultWorkingDays(m: EntityManager, source: FindingSource, severity: FindingSeverity): Promise<number> {
    const rows = await m.find(DeadlineRuleEntity, {
      where: [
        { source, severity },
        { source, severity: 'ANY' },
      ],
    });
    return (
      (rows.find((r) => r.severity === severity) ?? rows.find((r) => r.severity === 'ANY'))?.workingDays ?? DEFAULT_DEADLINE_WORKING_DAYS
    );
  }

  async upsertRootCause(actor: Actor, input: { code: string; label: string; ordinal: number; active: boolean }): Promise<RootCauseEntity> {
    return this.change(actor, 'upsertRootCause', 'RootCause', input.code, async (m) => {
      await m.upsert(RootCauseEntity, input, ['code']);
      return m.findOneByOrFail(RootCauseEntity, { code: input.code });
    });
  }

  async setDeadlineRule(actor: Actor, input: { source: string; severity: string; workingDays: number }): Promise<DeadlineRuleEntity> {
    if (input.severity !== 'ANY' && !Object.values(FindingSeverity).includes(input.severity as FindingSeverity))
      throw DomainException.field('severity', 'must be ANY, MAJOR or GENERAL');
    return this.change(actor, 'setDeadlineRule', 'DeadlineRule', `${input.source}/${input.severity}`, async (m) => {
      await m.upsert(DeadlineRuleEntity, input, ['source', 'severity']);
      return m.findOneByOrFail(DeadlineRuleEntity, { source: input.source, severity: input.severity });
    });
  }

  /** Changes one rung; the ladder must stay in order (each step later than the one before). */
  async setLadderStep(actor: Actor, input: { step: string; offsetWorkingDays: number; notice: string }): Promise<LadderStepEntity[]> {
    return this.change(actor, 'setLadderStep', 'LadderStep', input.step, async (m) => {
      const steps = await this.ladder(m);
      const step = steps.find((s) => s.step === input.step);
      if (!step) throw DomainException.field('step', 'no such step');
      step.offsetWorkingDays = input.offsetWorkingDays;
      step.notice = input.notice;
      for (let i = 1; i < steps.length; i++) {
        if (steps[i].offsetWorkingDays <= steps[i - 1].offsetWorkingDays) {
          throw DomainException.field('offsetWorkingDays', `${steps[i].step} must come after ${steps[i - 1].step}`);
        }
      }
      if (steps.some((s) => s.step !== 'REMINDER' && s.offsetWorkingDays < 1))
        throw DomainException.field('offsetWorkingDays', 'escalation steps come after the deadline (≥ 1)');
      await m.save(step);
      return this.ladder(m);
    });
  }

  private async change<T>(
    actor: Actor,
    operation: string,
    targetType: string,
    targetId: string,
    work: (m: EntityManager) => Promise<T>,
  ): Promise<T> {
    AccessPolicy.enforce(AccessPolicy.canAdminister(actor, actor.regionPath));
    return this.tx.run(async (m) => {
      const after = await work(m);
      await this.audit.record(m, actor, { operation, targetType, targetId, after });
      return after;
    });
  }
}
