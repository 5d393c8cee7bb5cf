import { Injectable } from '@nestjs/common';
import { type Actor } from '@ducha/common';
import { TransactionRunner } from '@ducha/database';
import { UnitEntity } from '@ducha/org';
import { In } from 'typeorm';
import { CheckService } from './check.service.js';
import { ComplianceAccess } from './compliance-access.js';
import { ComplianceCheckItemEntity } from './entities/compliance-check-item.entity.js';
import { ComplianceCheckEntity } from './entities/compliance-check.entity.js';
import { ComplianceChecklistEntity } from './entities/compliance-checklist.entity.js';
import { ComplianceEvidenceFileEntity } from './entities/compliance-evidence-file.entity.js';
import type { ComplianceRoundEntity } from './entities/compliance-round.entity.js';
import type { ComplianceCheck, ComplianceRound } from './models/compliance.models.js';
import { RoundService } from './round.service.js';

/** Assembles rounds and checks for GraphQL with a fixed number of queries (items, files, names in bulk). */
@Injectable()
export class ComplianceViews {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly rounds: RoundService,
    private readonly checkService: CheckService,
  ) {}

  /** The round with the checks the actor may read (a department officer: their own, once published). */
  async round(actor: Actor, id: string): Promise<ComplianceRound> {
    const round = await this.rounds.findRound(actor, id);
    const checks = await this.tx.manager.find(ComplianceCheckEntity, { where: { roundId: id } });
    const readable = checks.filter((c) => ComplianceAccess.canReadCheck(actor, round, c.departmentId));
    return { ...toRoundModel(round), checks: await this.checks(round.checklistId, readable) };
  }

  async check(actor: Actor, id: string): Promise<ComplianceCheck> {
    const { check, round } = await this.checkService.findCheck(actor, id);
    return (await this.checks(round.checklistId, [check]))[0];
  }

  async checks(checklistId: string, checks: ComplianceCheckEntity[]): Promise<ComplianceCheck[]> {
    if (!checks.length) return [];
    const m = this.tx.manager;
    const checklist = await m.findOneByOrFail(ComplianceChecklistEntity, { id: checklistId });
    const defs = new Map(checklist.template.items.map((d, i) => [d.code, { ...d, order: i }]));
    const items = await m.findBy(ComplianceCheckItemEntity, { checkId: In(checks.map((c) => c.id)) });
    const files = items.length
      ? await m.find(ComplianceEvidenceFileEntity, { where: { checkItemId: In(items.map((i) => i.id)) }, order: { createdAt: 'ASC' } })
      : [];
    const units = await m.findBy(UnitEntity, { id: In(checks.map((c) => c.departmentId)) });
    const names = new Map(units.map((u) => [u.id, u.name]));
    return checks
      .map((c) => ({
        id: c.id,
        roundId: c.roundId,
        departmentId: c.departmentId,
        departmentName: names.get(c.departmentId) ?? '',
        inspectorId: c.inspectorId,
        status: c.status,
        score: c.score,
        grade: c.grade,
        subtotals: c.subtotals ?? [],
        version: c.version,
        items: items
          .filter((i) => i.checkId === c.id)
          .sort((a, b) => (defs.get(a.itemCode)?.order ?? 0) - (defs.get(b.itemCode)?.order ?? 0))
          .map((i) => {
            const def = defs.get(i.itemCode)!;
            return {
              id: i.id,
              itemCode: i.itemCode,
              title: def.title,
              system: i.system,
              weight: def.weight,
              mayNotApply: def.mayNotApply ?? false,
              auto: i.auto,
              screenResult: i.screenResult,
              screenPassed: i.screenPassed,
              screenTotal: i.screenTotal,
              screenFailures: i.screenFailures ?? [],
              screenFailuresOmitted: i.screenFailuresOmitted,
              result: i.result,
              note: i.note,
              overrideReason: i.overrideReason,
              files: files.filter((f) => f.checkItemId === i.id),
            };
          }),
      }))
      .sort((a, b) => a.departmentName.localeCompare(b.departmentName, 'zh-CN'));
  }
}

export function toRoundModel(r: ComplianceRoundEntity): ComplianceRound {
  return {
    id: r.id,
    name: r.name,
    stage: r.stage,
    screening: r.screening,
    screeningError: r.screeningError,
    periodFrom: r.periodFrom,
    periodTo: r.periodTo,
    checklistId: r.checklistId,
    inspectorIds: r.inspectorIds,
    version: r.version,
    screenedAt: r.screenedAt,
    finalizedAt: r.finalizedAt,
    publishedAt: r.publishedAt,
  };
}

export function toChecklistModel(c: ComplianceChecklistEntity) {
  return {
    id: c.id,
    code: c.code,
    version: c.version,
    name: c.name,
    itemCount: c.template.items.length,
    template: c.template,
    createdAt: c.createdAt,
  };
}
