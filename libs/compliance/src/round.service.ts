import { Injectable } from '@nestjs/common';
import { AuditService } from '@ducha/audit';
import { DomainException, pageWindow, type Actor } from '@ducha/common';
import { Role } from '@ducha/contracts';
import { TransactionRunner } from '@ducha/database';
import { AccessPolicy, OrgService, UnitEntity } from '@ducha/org';
import { OutboxService } from '@ducha/realtime';
import { FindingService } from '@ducha/rectification';
import { In, type EntityManager } from 'typeorm';
import { ComplianceAccess, requireId } from './compliance-access.js';
import { ComplianceCheckItemEntity } from './entities/compliance-check-item.entity.js';
import { CheckStatus, ComplianceCheckEntity } from './entities/compliance-check.entity.js';
import { ComplianceChecklistEntity } from './entities/compliance-checklist.entity.js';
import { ComplianceRoundEntity, RoundStage, ScreeningState } from './entities/compliance-round.entity.js';
import { findingDrafts } from './finding-drafts.js';

export interface CreateRoundData {
  name: string;
  checklistId: string;
  periodFrom: string;
  periodTo: string;
  departmentIds: string[];
  inspectorIds: string[];
}

/** Check rounds: planning with recusal, the stage machine, finalizing into findings, publishing. */
@Injectable()
export class RoundService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly org: OrgService,
    private readonly findings: FindingService,
  ) {}

  async createRound(actor: Actor, input: CreateRoundData): Promise<ComplianceRoundEntity> {
    if (!actor.roles.includes(Role.INSPECTOR))
      AccessPolicy.enforce(AccessPolicy.canInspect(actor, { unitId: '', regionPath: actor.regionPath }));
    if (input.periodTo < input.periodFrom) throw DomainException.field('periodTo', 'must not be before periodFrom');
    const departmentIds = [...new Set(input.departmentIds)];
    const inspectorIds = [...new Set(input.inspectorIds)];
    // Inspectors as the policy sees them, read before the transaction (one connection in embedded mode).
    const inspectors = await Promise.all(inspectorIds.map(async (id) => ({ id, actor: await this.org.actorFor(id) })));
    for (const { id, actor: a } of inspectors) {
      if (!a || !a.roles.includes(Role.INSPECTOR)) throw DomainException.field('inspectorIds', `user ${id} is not an active inspector`);
      if (!a.regionPath.startsWith(actor.regionPath))
        throw DomainException.field('inspectorIds', `inspector ${a.username} is outside your region`);
    }
    return this.tx.run(async (m) => {
      const checklist = await m.findOneBy(ComplianceChecklistEntity, { id: input.checklistId });
      if (!checklist) throw DomainException.field('checklistId', 'no such checklist version');
      const load = new Map<string, number>(inspectorIds.map((id) => [id, 0]));
      const assignments: { departmentId: string; inspectorId: string }[] = [];
      for (const departmentId of departmentIds) {
        const placement = await this.org.placement(departmentId, m).catch(() => {
          throw DomainException.field('departmentIds', `no such department ${departmentId}`);
        });
        if (!placement.regionPath.startsWith(actor.regionPath)) {
          throw DomainException.forbidden(`Forbidden: department ${placement.unit.name} is outside your region`);
        }
        // Recusal: the least-loaded inspector who may check this department (never their own).
        const eligible = inspectors
          .filter(({ actor: a }) => AccessPolicy.canInspect(a!, placement).allowed)
          .sort((a, b) => load.get(a.id)! - load.get(b.id)!);
        if (!eligible.length)
          throw DomainException.field(
            'inspectorIds',
            `no inspector of the round may check ${placement.unit.name} (recusal: an inspector never checks their own department)`,
          );
        load.set(eligible[0].id, load.get(eligible[0].id)! + 1);
        assignments.push({ departmentId, inspectorId: eligible[0].id });
      }
      const round = await m.save(
        m.create(ComplianceRoundEntity, {
          name: input.name,
          regionPath: actor.regionPath,
          officeUnitId: actor.unitId,
          checklistId: checklist.id,
          periodFrom: input.periodFrom,
          periodTo: input.periodTo,
          stage: RoundStage.PLANNED,
          screening: ScreeningState.NONE,
          screeningError: null,
          inspectorIds,
          createdBy: actor.userId,
        }),
      );
      for (const a of assignments) {
        const check = await m.save(m.create(ComplianceCheckEntity, { roundId: round.id, ...a, status: CheckStatus.OPEN }));
        await m.insert(
          ComplianceCheckItemEntity,
          checklist.template.items.map((item) => ({
            checkId: check.id,
            itemCode: item.code,
            system: item.system,
            auto: item.auto ?? null,
          })),
        );
      }
      await this.audit.record(m, actor, {
        operation: 'createComplianceRound',
        targetType: 'ComplianceRound',
        targetId: round.id,
        after: { ...round, assignments },
      });
      return round;
    });
  }

  /** A round the actor may read whole, or, for a department officer, a published round that checked their department. */
  async findRound(actor: Actor, id: string, m: EntityManager = this.tx.manager): Promise<ComplianceRoundEntity> {
    requireId(id, 'ComplianceRound');
    const round = await m.findOneBy(ComplianceRoundEntity, { id });
    if (round && ComplianceAccess.canReadRound(actor, round)) return round;
    if (round && ComplianceAccess.canReadCheck(actor, round, actor.unitId)) {
      if (await m.existsBy(ComplianceCheckEntity, { roundId: id, departmentId: actor.unitId })) return round;
    }
    throw DomainException.notFound('ComplianceRound', id);
  }

  /** The region's rounds; a department officer gets the published rounds that checked their department. */
  async listRounds(actor: Actor, args: { page?: number; pageSize?: number }): Promise<{ items: ComplianceRoundEntity[]; total: number }> {
    const { skip, take } = pageWindow(args);
    const query = this.tx.manager.createQueryBuilder(ComplianceRoundEntity, 'r');
    if (AccessPolicy.canReadRegion(actor, actor.regionPath).allowed) query.where('r.region_path LIKE :p', { p: `${actor.regionPath}%` });
    else {
      AccessPolicy.enforce(AccessPolicy.canReadResults(actor, { unitId: actor.unitId, regionPath: actor.regionPath }, true));
      query
        .where('r.stage = :published', { published: RoundStage.PUBLISHED })
        .andWhere('EXISTS (SELECT 1 FROM compliance_check c WHERE c.round_id = r.id AND c.department_id = :unit)', { unit: actor.unitId });
    }
    const [items, total] = await query.orderBy('r.created_at', 'DESC').skip(skip).take(take).getManyAndCount();
    return { items, total };
  }

  /** All checks submitted → FINALIZED; failed and partial items become findings (idempotent by item). */
  async finalizeRound(actor: Actor, roundId: string, version: number): Promise<ComplianceRoundEntity> {
    return this.tx.run(async (m) => {
      const round = await this.lockedRound(m, actor, roundId, version);
      if (round.stage !== RoundStage.CHECKING && round.stage !== RoundStage.SCREENED) {
        throw DomainException.conflict(`A ${round.stage} round cannot be finalized; finalize after checking`);
      }
      const checks = await m.findBy(ComplianceCheckEntity, { roundId });
      const open = checks.filter((c) => c.status !== CheckStatus.SUBMITTED).length;
      if (open) throw DomainException.conflict(`${open} of ${checks.length} checks are not submitted yet`);
      const checklist = await m.findOneByOrFail(ComplianceChecklistEntity, { id: round.checklistId });
      const drafts = await findingDrafts(m, round, checks, checklist);
      await this.findings.record(m, drafts, actor.userId);
      round.stage = RoundStage.FINALIZED;
      round.finalizedAt = new Date();
      round.updatedAt = new Date();
      const saved = await m.save(round);
      await this.audit.record(m, actor, {
        operation: 'finalizeComplianceRound',
        targetType: 'ComplianceRound',
        targetId: round.id,
        after: { stage: saved.stage, findings: drafts.length },
      });
      await this.outbox.emit(
        m,
        'compliance.finalized',
        { regionPath: round.regionPath, departmentId: null },
        { roundId: round.id, roundName: round.name },
      );
      return saved;
    });
  }

  async publishRound(actor: Actor, roundId: string, version: number): Promise<ComplianceRoundEntity> {
    return this.tx.run(async (m) => {
      const round = await this.lockedRound(m, actor, roundId, version);
      if (round.stage !== RoundStage.FINALIZED)
        throw DomainException.conflict(`A ${round.stage} round cannot be published; finalize it first`);
      round.stage = RoundStage.PUBLISHED;
      round.publishedAt = new Date();
      round.updatedAt = new Date();
      const saved = await m.save(round);
      await this.audit.record(m, actor, {
        operation: 'publishComplianceRound',
        targetType: 'ComplianceRound',
        targetId: round.id,
        after: { stage: saved.stage },
      });
      await this.announcePublication(m, round);
      return saved;
    });
  }

  /** One event per checked department, scoped to it: each department hears of its own result and nothing of others'. */
  private async announcePublication(m: EntityManager, round: ComplianceRoundEntity): Promise<void> {
    const checks = await m.findBy(ComplianceCheckEntity, { roundId: round.id });
    const units = await m.findBy(UnitEntity, { id: In(checks.map((c) => c.departmentId)) });
    const names = new Map(units.map((u) => [u.id, u.name]));
    for (const check of checks) {
      await this.outbox.emit(
        m,
        'compliance.published',
        { regionPath: round.regionPath, departmentId: check.departmentId },
        {
          roundId: round.id,
          roundName: round.name,
          departmentId: check.departmentId,
          departmentName: names.get(check.departmentId) ?? '',
          // Every check is submitted, so scored, before a round is finalized.
          score: check.score!,
          grade: check.grade!,
        },
      );
    }
  }

  private async lockedRound(m: EntityManager, actor: Actor, roundId: string, version: number): Promise<ComplianceRoundEntity> {
    requireId(roundId, 'ComplianceRound');
    const round = await m.findOne(ComplianceRoundEntity, { where: { id: roundId }, lock: { mode: 'pessimistic_write' } });
    if (!round || !ComplianceAccess.canReadRound(actor, round)) throw DomainException.notFound('ComplianceRound', roundId);
    ComplianceAccess.enforceRunsRound(actor, round);
    if (round.version !== version)
      throw DomainException.conflict(`The round changed since you loaded it (version ${round.version}, yours ${version}); reload`);
    return round;
  }
}
