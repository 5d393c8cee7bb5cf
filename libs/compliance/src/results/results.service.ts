import { Injectable } from '@nestjs/common';
import { DomainException, type Actor } from '@ducha/common';
import { TransactionRunner } from '@ducha/database';
import { UnitEntity } from '@ducha/org';
import { gradeFor } from '@ducha/scoring';
import { In } from 'typeorm';
import { ComplianceAccess } from '../compliance-access.js';
import { ComplianceCheckItemEntity } from '../entities/compliance-check-item.entity.js';
import { ComplianceCheckEntity, type SystemSubtotal } from '../entities/compliance-check.entity.js';
import { ComplianceChecklistEntity } from '../entities/compliance-checklist.entity.js';
import type { ComplianceRoundEntity } from '../entities/compliance-round.entity.js';
import { RoundService } from '../round.service.js';

/** The round-wide rates and which screens feed them. */
export const RATE_DEFINITIONS: readonly { key: string; label: string; screens: readonly string[] }[] = [
  {
    key: 'DISCLOSURE_ON_TIME',
    label: '执法决定按时公示率',
    screens: ['DISCLOSURE_WITHIN_7_WORKING_DAYS', 'DISCLOSURE_WITHIN_20_WORKING_DAYS'],
  },
  { key: 'LEGAL_REVIEW_COVERAGE', label: '重大案件法制审核覆盖率', screens: ['MAJOR_DECISIONS_REVIEWED_BEFORE_DECISION'] },
  { key: 'AV_RECORDED', label: '现场执法音像记录率', screens: ['AV_RECORDED_FOR_LISTED_ACTIONS'] },
  { key: 'AV_FILED', label: '音像记录归档率', screens: ['AV_FILED_WITH_CASE'] },
  { key: 'REVIEWERS_QUALIFIED', label: '法制审核人员具备法律职业资格比例', screens: ['REVIEWERS_QUALIFIED'] },
];

export const SYSTEM_NAMES: Record<string, string> = { DISCLOSURE: '公示', RECORDING: '全过程记录', LEGAL_REVIEW: '法制审核' };

export interface DepartmentResult {
  rank: number | null;
  departmentId: string;
  departmentName: string;
  checkId: string;
  status: string;
  score: number | null;
  grade: string | null;
  gradeLabel: string | null;
  subtotals: SystemSubtotal[];
  failedItems: string[];
  partialItems: string[];
}

export interface RateFigure {
  key: string;
  label: string;
  passed: number;
  total: number;
  /** passed ÷ total, null when nothing was concerned. */
  rate: number | null;
}

export interface RoundResults {
  round: ComplianceRoundEntity;
  checklistName: string;
  departments: DepartmentResult[];
  rates: RateFigure[];
  /** Item code, title, and how many departments failed or partly failed it (the bulletin's typical problems). */
  typicalProblems: { itemCode: string; title: string; system: string; departments: number }[];
}

/** Scores, grades, ranking and the round's compliance rates. */
@Injectable()
export class ResultsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly rounds: RoundService,
  ) {}

  /** The whole round (the exports): office staff of the round's region only. */
  async roundResults(actor: Actor, roundId: string): Promise<RoundResults> {
    const round = await this.rounds.findRound(actor, roundId);
    if (!ComplianceAccess.canReadRound(actor, round)) throw DomainException.notFound('ComplianceRound', roundId);
    return this.compute(actor, round);
  }

  /**
   * What the actor may read of the round's results: every department for office staff; a department
   * officer, once published, their own department (rank, score, grade, subtotals) and rates over it alone.
   */
  async results(actor: Actor, roundId: string): Promise<RoundResults> {
    return this.compute(actor, await this.rounds.findRound(actor, roundId));
  }

  private async compute(actor: Actor, round: ComplianceRoundEntity): Promise<RoundResults> {
    const m = this.tx.manager;
    const checklist = await m.findOneByOrFail(ComplianceChecklistEntity, { id: round.checklistId });
    const checks = await m.findBy(ComplianceCheckEntity, { roundId: round.id });
    const readable = new Set(checks.filter((c) => ComplianceAccess.canReadCheck(actor, round, c.departmentId)).map((c) => c.id));
    const items = readable.size ? await m.findBy(ComplianceCheckItemEntity, { checkId: In([...readable]) }) : [];
    const units = checks.length ? await m.findBy(UnitEntity, { id: In(checks.map((c) => c.departmentId)) }) : [];
    const names = new Map(units.map((u) => [u.id, u.name]));
    const itemsByCheck = new Map<string, ComplianceCheckItemEntity[]>();
    for (const i of items) itemsByCheck.set(i.checkId, [...(itemsByCheck.get(i.checkId) ?? []), i]);
    const departments: DepartmentResult[] = checks.map((c) => {
      const own = itemsByCheck.get(c.id) ?? [];
      return {
        rank: null,
        departmentId: c.departmentId,
        departmentName: names.get(c.departmentId) ?? c.departmentId,
        checkId: c.id,
        status: c.status,
        score: c.score,
        grade: c.grade,
        gradeLabel: c.score === null ? null : gradeFor(checklist.template.gradeBands, c.score).label,
        subtotals: c.subtotals ?? [],
        failedItems: own
          .filter((i) => i.result === 'FAIL')
          .map((i) => i.itemCode)
          .sort(),
        partialItems: own
          .filter((i) => i.result === 'PARTIAL')
          .map((i) => i.itemCode)
          .sort(),
      };
    });
    // Ranking by score, best first; equal scores share a rank.
    departments.sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || a.departmentName.localeCompare(b.departmentName, 'zh-CN'));
    departments.forEach((d, i) => {
      if (d.score === null) return;
      const prev = departments[i - 1];
      d.rank = prev && prev.score === d.score ? prev.rank : i + 1;
    });
    const visible = departments.filter((d) => readable.has(d.checkId));
    const rates = RATE_DEFINITIONS.map(({ key, label, screens }) => {
      const concerned = items.filter((i) => i.auto && screens.includes(i.auto));
      const passed = concerned.reduce((s, i) => s + (i.screenPassed ?? 0), 0);
      const total = concerned.reduce((s, i) => s + (i.screenTotal ?? 0), 0);
      return { key, label, passed, total, rate: total ? Math.round((passed / total) * 10_000) / 10_000 : null };
    });
    const typicalProblems = checklist.template.items
      .map((def) => ({
        itemCode: def.code,
        title: def.title,
        system: def.system,
        departments: items.filter((i) => i.itemCode === def.code && (i.result === 'FAIL' || i.result === 'PARTIAL')).length,
      }))
      .filter((p) => p.departments > 0)
      .sort((a, b) => b.departments - a.departments);
    return { round, checklistName: checklist.name, departments: visible, rates, typicalProblems };
  }
}
