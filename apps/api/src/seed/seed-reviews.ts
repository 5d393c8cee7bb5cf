import { AuditService } from '@ducha/audit';
import {
  FinalizeService,
  RubricEntity,
  ReviewCampaignEntity,
  ReviewFileEntity,
  ReviewFileStatus,
  ScoreSheetEntity,
  SheetKind,
  SheetStatus,
  CampaignStage,
  drawStratified,
  parseRubric,
  SHIPPED_RUBRICS,
} from '@ducha/reviews';
import { FindingService } from '@ducha/rectification';
import { OutboxService } from '@ducha/realtime';
import { evaluate, gradeFor, roundHalfUp, type Answers, type RubricItem, type RubricTemplate } from '@ducha/scoring';
import type { EntityManager } from 'typeorm';
import type { SeedContext } from './seed-steps.js';

const SCOPE = ['QH-SCJG', 'QH-ZHZF', 'QH-STHJ', 'QH-YJGL', 'QH-JTYS', 'QH-WSJK'];

function shippedRubrics(): RubricTemplate[] {
  return SHIPPED_RUBRICS.map(parseRubric);
}

/** Reviewer answers: full marks, with a deduction here and there, and now and then a veto hit. */
function answersFor(template: RubricTemplate, random: () => number): Answers {
  const answers: Record<string, { points?: number; hit?: boolean; note?: string; notApplicable?: boolean }> = {};
  const leaves = (items: readonly RubricItem[]): RubricItem[] => items.flatMap((i) => (i.children?.length ? leaves(i.children) : [i]));
  for (const section of template.sections) {
    for (const item of leaves(section.items)) {
      if (item.kind === 'VETO') {
        if (random() < 0.006) answers[item.code] = { hit: true, note: '评查发现该问题' };
      } else if (item.kind === 'EARN') {
        const lose = random() < 0.12 ? (item.step ?? 0) : 0;
        answers[item.code] = { points: Math.max(0, item.maxPoints! - lose), ...(lose ? { note: '文书要素不全' } : {}) };
      } else if (item.kind === 'DEDUCT' && random() < 0.06) {
        answers[item.code] = { points: item.step ?? 1, note: '不规范' };
      }
    }
  }
  return answers;
}

/** Demo step: both shared rubrics, and last year's campaign scored, finalized and published. */
export async function seedReviews(m: EntityManager, ctx: SeedContext): Promise<void> {
  const rubrics = new Map<string, RubricEntity>();
  for (const template of shippedRubrics()) {
    await m.insert(RubricEntity, {
      code: template.code,
      version: template.version,
      name: template.name,
      formula: template.formula,
      caseTypes: [...template.caseTypes],
      template,
      importedBy: ctx.userIds.get('admin') ?? null,
    });
    const saved = await m.findOneByOrFail(RubricEntity, { code: template.code, version: template.version });
    for (const type of template.caseTypes) rubrics.set(type, saved);
  }
  const year = ctx.today.getUTCFullYear() - 1;
  const windowStart = new Date(ctx.today.getTime() - 365 * 86400000).toISOString().slice(0, 10);
  const periodFrom = windowStart > `${year}-01-01` ? windowStart : `${year}-01-01`;
  const reviewers = [ctx.userIds.get('inspector')!, ctx.userIds.get('inspector2')!];
  const departmentIds = SCOPE.map((c) => ctx.unitIds.get(c)!);
  const caseTypes = ['PENALTY', 'LICENSING'];
  const campaign = await m.save(
    m.create(ReviewCampaignEntity, {
      name: `${year}年度行政执法案卷评查`,
      year,
      periodFrom,
      periodTo: `${year}-12-31`,
      caseTypes,
      departmentIds,
      rubricIds: Object.fromEntries(caseTypes.map((t) => [t, rubrics.get(t)!.id])),
      filesPerDepartment: 4,
      reviewersPerFile: 2,
      reviewerIds: reviewers,
      recheckRule: { belowFailLine: true, differentGrades: true, maxSpread: 10 },
      stage: CampaignStage.REVIEWING,
      seed: `demo-${year}`,
      drawnAt: ctx.today,
      officeUnitId: ctx.officeUnitId,
      regionPath: ctx.districtPath,
      createdBy: reviewers[0],
      version: 1,
    }),
  );
  const candidates: { id: string; departmentId: string; caseType: string }[] = await m.query(
    `SELECT id, department_id AS "departmentId", case_type AS "caseType" FROM case_file WHERE department_id = ANY($1::uuid[]) AND case_type = ANY($2) AND closed_date BETWEEN $3 AND $4 ORDER BY department_id, closed_date, case_type, id`,
    [departmentIds, caseTypes, periodFrom, `${year}-12-31`],
  );
  const { ids } = drawStratified(candidates, 4, campaign.seed!);
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const outbox = new OutboxService();
  for (const caseFileId of ids) {
    const c = byId.get(caseFileId)!;
    const rubric = rubrics.get(c.caseType)!;
    const file = await m.save(
      m.create(ReviewFileEntity, {
        campaignId: campaign.id,
        caseFileId,
        departmentId: c.departmentId,
        caseType: c.caseType,
        rubricId: rubric.id,
        status: ReviewFileStatus.FINAL,
      }),
    );
    const results = reviewers
      .map((reviewerId) => ({ reviewerId, answers: answersFor(rubric.template, ctx.random) }))
      .map((s) => ({ ...s, evaluation: evaluate(rubric.template, s.answers) }));
    const disputed = results.some((x) => x.evaluation.grade === 'FAIL') || new Set(results.map((x) => x.evaluation.grade)).size > 1;
    const sheets = results.map((x) => ({ ...x, kind: SheetKind.INITIAL }));
    // A disputed file is re-checked by the campaign's first reviewer's colleague; the re-check repeats the stricter sheet.
    if (disputed)
      sheets.push({
        ...results.reduce((a, b) => (a.evaluation.score <= b.evaluation.score ? a : b)),
        reviewerId: reviewers[1],
        kind: SheetKind.RECHECK,
      });
    await m.insert(
      ScoreSheetEntity,
      sheets.map((s) => ({
        reviewFileId: file.id,
        campaignId: campaign.id,
        reviewerId: s.reviewerId,
        kind: s.kind,
        status: SheetStatus.SUBMITTED,
        rubricId: rubric.id,
        answers: s.answers,
        score: s.evaluation.score,
        grade: s.evaluation.grade,
        evaluation: s.evaluation,
        submittedAt: ctx.today,
        version: 2,
      })),
    );
    const score = disputed
      ? sheets[sheets.length - 1].evaluation.score
      : roundHalfUp(results.reduce((s, x) => s + x.evaluation.score, 0) / results.length, 2);
    const grade = disputed ? sheets[sheets.length - 1].evaluation.grade : gradeFor(rubric.template.gradeBands, score).grade;
    await m.update(ReviewFileEntity, { id: file.id }, { finalScore: score, finalGrade: grade, finalizedAt: ctx.today });
    await outbox.emit(
      m,
      'review.file_scored',
      { regionPath: ctx.districtPath, departmentId: c.departmentId },
      {
        campaignId: campaign.id,
        caseFileId,
        departmentId: c.departmentId,
        caseType: c.caseType,
        score,
        grade,
        passed: grade !== 'FAIL',
        scoredAt: ctx.today.toISOString(),
      },
    );
  }
  const finalize = new FinalizeService(undefined as never, new AuditService(), outbox, new FindingService());
  await finalize.finalizeIn(m, null, await m.findOneByOrFail(ReviewCampaignEntity, { id: campaign.id }));
  await m.update(ReviewCampaignEntity, { id: campaign.id }, { stage: CampaignStage.PUBLISHED, publishedAt: ctx.today });
  await outbox.emit(
    m,
    'review.finalized',
    { regionPath: ctx.districtPath, departmentId: null },
    { campaignId: campaign.id, campaignName: campaign.name, year },
  );
  await outbox.emit(
    m,
    'bulletin.published',
    { regionPath: ctx.districtPath, departmentId: null },
    { campaignId: campaign.id, campaignName: campaign.name, year },
  );
}
