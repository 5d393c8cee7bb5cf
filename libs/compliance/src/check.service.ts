import { Injectable } from '@nestjs/common';
import { AuditService } from '@ducha/audit';
import { DomainException, type Actor } from '@ducha/common';
import { TransactionRunner } from '@ducha/database';
import { AccessPolicy, OrgService } from '@ducha/org';
import { OutboxService } from '@ducha/realtime';
import { CHECK_RESULTS, evaluate, type Answers, type CheckResult } from '@ducha/scoring';
import { In, type EntityManager } from 'typeorm';
import { ComplianceAccess, requireId } from './compliance-access.js';
import { ComplianceCheckItemEntity } from './entities/compliance-check-item.entity.js';
import { CheckStatus, ComplianceCheckEntity, type SystemSubtotal } from './entities/compliance-check.entity.js';
import { ComplianceChecklistEntity } from './entities/compliance-checklist.entity.js';
import { ComplianceRoundEntity, RoundStage } from './entities/compliance-round.entity.js';

export interface ItemAnswerData {
  itemCode: string;
  result: string;
  note?: string | null;
  overrideReason?: string | null;
}

const MAX_TEXT = 2000;

/** Checking one department: pre-filled items, overrides with reasons, optimistic locking, submission. */
@Injectable()
export class CheckService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly org: OrgService,
  ) {}

  async findCheck(
    actor: Actor,
    id: string,
    m: EntityManager = this.tx.manager,
  ): Promise<{ check: ComplianceCheckEntity; round: ComplianceRoundEntity }> {
    requireId(id, 'ComplianceCheck');
    const check = await m.findOneBy(ComplianceCheckEntity, { id });
    const round = check && (await m.findOneBy(ComplianceRoundEntity, { id: check.roundId }));
    if (!check || !round) throw DomainException.notFound('ComplianceCheck', id);
    if (!ComplianceAccess.canReadCheck(actor, round, check.departmentId)) throw DomainException.notFound('ComplianceCheck', id);
    return { check, round };
  }

  /** Saves answers; changing a screen's result needs a written reason, kept in the audit trail. */
  async saveCheck(actor: Actor, checkId: string, version: number, answers: readonly ItemAnswerData[]): Promise<ComplianceCheckEntity> {
    return this.tx.run(async (m) => {
      const { check, round, checklist } = await this.editable(m, actor, checkId, version);
      const items = new Map((await m.findBy(ComplianceCheckItemEntity, { checkId })).map((i) => [i.itemCode, i]));
      const defs = new Map(checklist.template.items.map((d) => [d.code, d]));
      const seen = new Set<string>();
      const changes: { item: ComplianceCheckItemEntity; result: CheckResult; note: string | null; reason: string | null }[] = [];
      answers.forEach((a, i) => {
        const field = (name: string) => `items[${i}].${name}`;
        const item = items.get(a.itemCode);
        const def = defs.get(a.itemCode);
        if (!item || !def) throw DomainException.field(field('itemCode'), `no item ${a.itemCode} in this checklist`);
        if (seen.has(a.itemCode)) throw DomainException.field(field('itemCode'), `item ${a.itemCode} is answered twice`);
        seen.add(a.itemCode);
        if (!(CHECK_RESULTS as readonly string[]).includes(a.result))
          throw DomainException.field(field('result'), `must be one of ${CHECK_RESULTS.join(', ')}`);
        const result = a.result as CheckResult;
        if (result === 'NOT_APPLICABLE' && !def.mayNotApply)
          throw DomainException.field(field('result'), `item ${def.code} always applies; NOT_APPLICABLE is not allowed`);
        const note = a.note?.trim() || null;
        const reason = a.overrideReason?.trim() || null;
        if ((note?.length ?? 0) > MAX_TEXT || (reason?.length ?? 0) > MAX_TEXT)
          throw DomainException.field(field('note'), `at most ${MAX_TEXT} characters`);
        const overrides = item.screenResult !== null && result !== item.screenResult;
        if (overrides && !reason)
          throw DomainException.field(
            field('overrideReason'),
            `changing the screen's result (${item.screenResult}) needs a written reason`,
          );
        changes.push({ item, result, note, reason: overrides ? reason : null });
      });
      for (const { item, result, note, reason } of changes) {
        const before = { result: item.result, note: item.note, overrideReason: item.overrideReason };
        await m.update(
          ComplianceCheckItemEntity,
          { id: item.id },
          { result, note, overrideReason: reason, updatedBy: actor.userId, updatedAt: new Date() },
        );
        if (reason && reason !== item.overrideReason) {
          await this.audit.record(m, actor, {
            operation: 'overrideComplianceScreen',
            targetType: 'ComplianceCheckItem',
            targetId: item.id,
            before: { ...before, screenResult: item.screenResult },
            after: { itemCode: item.itemCode, result, note, overrideReason: reason },
          });
        }
      }
      if (round.stage === RoundStage.SCREENED)
        await m.update(
          ComplianceRoundEntity,
          { id: round.id },
          { stage: RoundStage.CHECKING, updatedAt: new Date(), version: () => 'version + 1' },
        );
      await this.audit.record(m, actor, {
        operation: 'saveComplianceCheck',
        targetType: 'ComplianceCheck',
        targetId: check.id,
        after: { items: changes.map((c) => ({ itemCode: c.item.itemCode, result: c.result })) },
      });
      return this.bump(m, check);
    });
  }

  /** Scores the check with the scoring engine; every applicable item must be answered. */
  async submitCheck(actor: Actor, checkId: string, version: number): Promise<ComplianceCheckEntity> {
    return this.tx.run(async (m) => {
      const { check, round, checklist } = await this.editable(m, actor, checkId, version);
      const items = await m.findBy(ComplianceCheckItemEntity, { checkId });
      const missing = items.filter((i) => i.result === null).map((i) => i.itemCode);
      if (missing.length)
        throw DomainException.badInput(
          `Answer every item before submitting: ${missing.join(', ')}`,
          missing.map((code) => ({ field: `items.${code}`, reason: 'not answered' })),
        );
      const answers: Answers = Object.fromEntries(
        items.map((i) => [i.itemCode, { result: i.result!, ...(i.note ? { note: i.note } : {}) }]),
      );
      const evaluation = evaluate(checklist.template, answers);
      const subtotals = new Map<string, SystemSubtotal>();
      const systems = new Map(checklist.template.items.map((d) => [d.code, d.system]));
      for (const r of evaluation.items) {
        const system = systems.get(r.code)!;
        const s = subtotals.get(system) ?? { system, earned: 0, max: 0 };
        if (r.applicable) {
          s.earned += r.earned;
          s.max += r.maxPoints;
        }
        subtotals.set(system, s);
      }
      check.status = CheckStatus.SUBMITTED;
      check.score = evaluation.score;
      check.grade = evaluation.grade;
      check.subtotals = [...subtotals.values()].map((s) => ({ ...s, earned: Math.round(s.earned * 100) / 100 }));
      check.submittedBy = actor.userId;
      check.submittedAt = new Date();
      check.updatedAt = new Date();
      const saved = await m.save(check);
      await this.audit.record(m, actor, {
        operation: 'submitComplianceCheck',
        targetType: 'ComplianceCheck',
        targetId: check.id,
        after: { score: saved.score, grade: saved.grade },
      });
      await this.outbox.emit(
        m,
        'compliance.checked',
        { regionPath: round.regionPath, departmentId: check.departmentId },
        {
          roundId: round.id,
          departmentId: check.departmentId,
          score: evaluation.score,
          grade: evaluation.grade,
        },
      );
      return saved;
    });
  }

  /** Items of many checks in one query (no N+1). */
  itemsOf(checkIds: readonly string[]): Promise<ComplianceCheckItemEntity[]> {
    return checkIds.length
      ? this.tx.manager.find(ComplianceCheckItemEntity, { where: { checkId: In([...checkIds]) }, order: { itemCode: 'ASC' } })
      : Promise.resolve([]);
  }

  private async editable(m: EntityManager, actor: Actor, checkId: string, version: number) {
    requireId(checkId, 'ComplianceCheck');
    const check = await m.findOne(ComplianceCheckEntity, { where: { id: checkId }, lock: { mode: 'pessimistic_write' } });
    const round = check && (await m.findOneBy(ComplianceRoundEntity, { id: check.roundId }));
    if (!check || !round || !ComplianceAccess.canReadRound(actor, round)) throw DomainException.notFound('ComplianceCheck', checkId);
    const department = await this.org.placement(check.departmentId, m);
    AccessPolicy.enforce(AccessPolicy.canInspect(actor, department));
    if (check.inspectorId !== actor.userId) throw DomainException.forbidden('Forbidden: this check is assigned to another inspector');
    if (check.version !== version)
      throw DomainException.conflict(`The check changed since you loaded it (version ${check.version}, yours ${version}); reload`);
    if (round.stage !== RoundStage.SCREENED && round.stage !== RoundStage.CHECKING) {
      throw DomainException.conflict(
        round.stage === RoundStage.PLANNED ? 'Run the screening before checking' : `The round is ${round.stage}; checks are closed`,
      );
    }
    if (check.status === CheckStatus.SUBMITTED) throw DomainException.conflict('The check is already submitted');
    const checklist = await m.findOneByOrFail(ComplianceChecklistEntity, { id: round.checklistId });
    return { check, round, checklist };
  }

  private async bump(m: EntityManager, check: ComplianceCheckEntity): Promise<ComplianceCheckEntity> {
    check.updatedAt = new Date();
    return m.save(check);
  }
}
