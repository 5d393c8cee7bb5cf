import { createOfficialCalendar } from '@ducha/calendar';
import { FindingService } from '@ducha/rectification';
import { evaluate, type Answers, type CheckResult } from '@ducha/scoring';
import type { EntityManager } from 'typeorm';
import { validateChecklist } from '../checklist.service.js';
import checklistJson from '../data/three-systems-checklist.json' with { type: 'json' };
import { ComplianceCheckItemEntity } from '../entities/compliance-check-item.entity.js';
import { CheckStatus, ComplianceCheckEntity, type SystemSubtotal } from '../entities/compliance-check.entity.js';
import { ComplianceChecklistEntity } from '../entities/compliance-checklist.entity.js';
import { ComplianceRoundEntity, RoundStage, ScreeningState } from '../entities/compliance-round.entity.js';
import { findingDrafts } from '../finding-drafts.js';
import { runScreens } from '../screening/run-screens.js';

export interface DemoRoundInput {
  regionPath: string;
  officeUnitId: string;
  /** Inspectors of the office; departments are assigned in turn (none is an inspector's own unit). */
  inspectorIds: string[];
  departmentIds: string[];
  year: number;
  today: string;
  random: () => number;
}

/**
 * Demo data: the shipped checklist and a published round over last year, screened from the case
 * files already seeded, checked (a few manual items partial or failed), scored and finalized into
 * findings. Runs inside the seed's transaction with its manager only.
 */
export async function seedFinishedRound(m: EntityManager, input: DemoRoundInput): Promise<string> {
  const template = validateChecklist(checklistJson);
  const checklist = await m.save(
    m.create(ComplianceChecklistEntity, {
      code: template.code,
      version: template.version,
      name: template.name,
      template,
      regionPath: input.regionPath,
      importedBy: null,
    }),
  );
  const creator = input.inspectorIds[0];
  const now = new Date();
  const round = await m.save(
    m.create(ComplianceRoundEntity, {
      name: `${input.year}年度行政执法三项制度落实情况检查`,
      regionPath: input.regionPath,
      officeUnitId: input.officeUnitId,
      checklistId: checklist.id,
      periodFrom: `${input.year}-01-01`,
      periodTo: `${input.year}-12-31`,
      stage: RoundStage.PUBLISHED,
      screening: ScreeningState.DONE,
      screeningError: null,
      inspectorIds: input.inspectorIds,
      createdBy: creator,
      screenedAt: now,
      finalizedAt: now,
      publishedAt: now,
    }),
  );
  const keys = [...new Set(template.items.flatMap((i) => (i.auto ? [i.auto] : [])))];
  const scope = { departmentIds: input.departmentIds, from: round.periodFrom, to: round.periodTo };
  const outcomes = (await runScreens(m, createOfficialCalendar(), input.today, keys, scope, 200)).outcomes();
  const checks: ComplianceCheckEntity[] = [];
  for (const [n, departmentId] of input.departmentIds.entries()) {
    const inspectorId = input.inspectorIds[n % input.inspectorIds.length];
    const answers: Record<string, { result: CheckResult }> = {};
    const rows = template.items.map((def) => {
      const o = def.auto ? outcomes.get(departmentId)?.get(def.auto) : undefined;
      const screenResult: CheckResult | null = def.auto ? (o?.result ?? (def.mayNotApply ? 'NOT_APPLICABLE' : 'PASS')) : null;
      const roll = input.random();
      const manual: CheckResult = def.mayNotApply && roll < 0.5 ? 'NOT_APPLICABLE' : roll < 0.12 ? 'FAIL' : roll < 0.3 ? 'PARTIAL' : 'PASS';
      const result = screenResult ?? manual;
      answers[def.code] = { result };
      return {
        itemCode: def.code,
        system: def.system,
        auto: def.auto ?? null,
        screenResult,
        screenPassed: o?.passed ?? (def.auto ? 0 : null),
        screenTotal: o?.total ?? (def.auto ? 0 : null),
        screenFailures: o?.failures ?? (def.auto ? [] : null),
        screenFailuresOmitted: o?.omitted ?? 0,
        result,
        note: null,
        overrideReason: null,
        updatedBy: inspectorId,
      };
    });
    const evaluation = evaluate(template, answers as Answers);
    const subtotals = new Map<string, SystemSubtotal>();
    for (const r of evaluation.items) {
      const system = template.items.find((d) => d.code === r.code)!.system;
      const s = subtotals.get(system) ?? { system, earned: 0, max: 0 };
      if (r.applicable) Object.assign(s, { earned: Math.round((s.earned + r.earned) * 100) / 100, max: s.max + r.maxPoints });
      subtotals.set(system, s);
    }
    const check = await m.save(
      m.create(ComplianceCheckEntity, {
        roundId: round.id,
        departmentId,
        inspectorId,
        status: CheckStatus.SUBMITTED,
        score: evaluation.score,
        grade: evaluation.grade,
        subtotals: [...subtotals.values()],
        submittedBy: inspectorId,
        submittedAt: now,
      }),
    );
    await m.insert(
      ComplianceCheckItemEntity,
      rows.map((r) => ({ ...r, checkId: check.id })),
    );
    checks.push(check);
  }
  await new FindingService().record(m, await findingDrafts(m, round, checks, checklist), creator);
  return round.id;
}
