import { Injectable } from '@nestjs/common';
import { AuditService } from '@ducha/audit';
import { DomainException, type Actor } from '@ducha/common';
import { Role } from '@ducha/contracts';
import { TransactionRunner } from '@ducha/database';
import { AccessPolicy } from '@ducha/org';
import { OutboxService } from '@ducha/realtime';
import { evaluate, gradeFor, roundHalfUp, ScoringError, validateAnswers, type Answers, type Evaluation } from '@ducha/scoring';
import type { EntityManager } from 'typeorm';
import { enforceRunsCampaign, loadCampaign, requireStage, requireId } from './campaign-access.js';
import { DrawService } from './draw.service.js';
import { CampaignStage, ReviewCampaignEntity, type RecheckRule } from './entities/review-campaign.entity.js';
import { ReviewFileEntity, ReviewFileStatus } from './entities/review-file.entity.js';
import { RubricEntity } from './entities/rubric.entity.js';
import { ScoreSheetEntity, SheetKind, SheetStatus } from './entities/score-sheet.entity.js';

const SCORING_STAGES = [CampaignStage.REVIEWING, CampaignStage.RECHECK];

/** Score sheets: blind drafts, engine-validated submission, mean or re-check, the re-check's final word. */
@Injectable()
export class ScoreSheetService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly draws: DrawService,
  ) {}

  async save(actor: Actor, sheetId: string, expectedVersion: number, answers: Answers): Promise<ScoreSheetEntity> {
    return this.tx.run(async (m) => {
      const { sheet, rubric } = await this.ownDraft(m, actor, sheetId);
      const issues = validateAnswers(rubric.template, answers);
      if (issues.length) throw invalid(issues);
      await this.bump(m, sheet, expectedVersion, { answers });
      return m.findOneByOrFail(ScoreSheetEntity, { id: sheetId });
    });
  }

  async submit(actor: Actor, sheetId: string, expectedVersion: number, answers: Answers | undefined): Promise<ScoreSheetEntity> {
    return this.tx.run(async (m) => {
      const { sheet, rubric, campaign } = await this.ownDraft(m, actor, sheetId);
      const final = answers ?? sheet.answers;
      let result: Evaluation;
      try {
        result = evaluate(rubric.template, final);
      } catch (e) {
        if (e instanceof ScoringError) throw invalid(e.issues);
        throw e;
      }
      if (result.unanswered.length)
        throw DomainException.badInput(
          `answers: items not answered: ${result.unanswered.join(', ')}`,
          result.unanswered.map((code) => ({ field: `answers.${code}`, reason: 'is not answered' })),
        );
      await this.bump(m, sheet, expectedVersion, {
        answers: final,
        status: SheetStatus.SUBMITTED,
        score: result.score,
        grade: result.grade,
        evaluation: result,
        submittedAt: new Date(),
      });
      const file = await m.findOneByOrFail(ReviewFileEntity, { id: sheet.reviewFileId });
      await this.audit.record(m, actor, {
        operation: 'submitScoreSheet',
        targetType: 'ScoreSheet',
        targetId: sheetId,
        after: { score: result.score, grade: result.grade, vetoHits: result.vetoHits },
      });
      await this.outbox.emit(
        m,
        'scoresheet.submitted',
        { regionPath: campaign.regionPath, departmentId: file.departmentId },
        {
          campaignId: campaign.id,
          caseFileId: file.caseFileId,
          departmentId: file.departmentId,
          reviewerId: actor.userId,
          score: result.score,
          grade: result.grade,
        },
      );
      await this.settleFile(m, campaign, file, rubric, sheet.kind);
      return m.findOneByOrFail(ScoreSheetEntity, { id: sheetId });
    });
  }

  /** Once a file's sheets are in: the mean, or RECHECK by the campaign's rule; a re-check sheet is final. */
  private async settleFile(
    m: EntityManager,
    c: ReviewCampaignEntity,
    file: ReviewFileEntity,
    rubric: RubricEntity,
    kind: SheetKind,
  ): Promise<void> {
    const sheets = await m.findBy(ScoreSheetEntity, { reviewFileId: file.id, kind });
    if (sheets.some((s) => s.status !== SheetStatus.SUBMITTED)) return;
    const scope = { regionPath: c.regionPath, departmentId: file.departmentId };
    if (kind === SheetKind.INITIAL && needsRecheck(c.recheckRule, sheets)) {
      await m.update(ReviewFileEntity, { id: file.id }, { status: ReviewFileStatus.RECHECK });
    } else {
      const score =
        kind === SheetKind.RECHECK ? sheets[0].score! : roundHalfUp(sheets.reduce((s, x) => s + x.score!, 0) / sheets.length, 2);
      const vetoed = sheets.every((s) => (s.evaluation?.vetoHits.length ?? 0) > 0);
      const band = vetoed ? rubric.template.gradeBands[rubric.template.gradeBands.length - 1] : gradeFor(rubric.template.gradeBands, score);
      const scoredAt = new Date();
      await m.update(
        ReviewFileEntity,
        { id: file.id },
        { status: ReviewFileStatus.FINAL, finalScore: score, finalGrade: band.grade, finalizedAt: scoredAt },
      );
      if (kind === SheetKind.RECHECK)
        await this.outbox.emit(m, 'review.rechecked', scope, {
          campaignId: c.id,
          caseFileId: file.caseFileId,
          departmentId: file.departmentId,
          score,
          grade: band.grade,
        });
      await this.outbox.emit(m, 'review.file_scored', scope, {
        campaignId: c.id,
        caseFileId: file.caseFileId,
        departmentId: file.departmentId,
        caseType: file.caseType,
        score,
        grade: band.grade,
        passed: band.grade !== 'FAIL',
        scoredAt: scoredAt.toISOString(),
      });
    }
    if (c.stage === CampaignStage.REVIEWING) {
      const [{ scoring, recheck }] = await m.query(
        `SELECT count(*) FILTER (WHERE status = 'SCORING')::int AS scoring, count(*) FILTER (WHERE status = 'RECHECK')::int AS recheck FROM review_file WHERE campaign_id = $1`,
        [c.id],
      );
      if (scoring === 0 && recheck > 0)
        await m.update(ReviewCampaignEntity, { id: c.id }, { stage: CampaignStage.RECHECK, version: c.version + 1, updatedAt: new Date() });
    }
  }

  /** Moves an unsubmitted initial sheet to another reviewer, under the same rules as the assignment. */
  async reassign(actor: Actor, sheetId: string, reviewerId: string): Promise<ScoreSheetEntity> {
    requireId(sheetId, 'ScoreSheet');
    requireId(reviewerId, 'User');
    const pre = await this.tx.manager.findOneBy(ScoreSheetEntity, { id: sheetId });
    if (!pre) throw DomainException.notFound('ScoreSheet', sheetId);
    const profiles = await this.draws.reviewerProfiles(actor, [reviewerId]);
    return this.tx.run(async (m) => {
      const sheet = await m.findOneByOrFail(ScoreSheetEntity, { id: sheetId });
      const c = await loadCampaign(m, sheet.campaignId, true);
      enforceRunsCampaign(actor, c);
      requireStage(c, SCORING_STAGES, 'reassign a score sheet');
      if (sheet.status === SheetStatus.SUBMITTED) throw DomainException.conflict('The sheet is already submitted');
      await this.enforceEligible(m, sheet.reviewFileId, reviewerId, profiles);
      await m.update(ScoreSheetEntity, { id: sheetId }, { reviewerId, answers: {}, version: sheet.version + 1, updatedAt: new Date() });
      await this.audit.record(m, actor, {
        operation: 'reassignScoreSheet',
        targetType: 'ScoreSheet',
        targetId: sheetId,
        before: { reviewerId: sheet.reviewerId },
        after: { reviewerId },
      });
      return m.findOneByOrFail(ScoreSheetEntity, { id: sheetId });
    });
  }

  /** Opens the re-check of a disputed file by a reviewer who wrote none of its initial sheets. */
  async assignRecheck(actor: Actor, reviewFileId: string, reviewerId: string): Promise<ScoreSheetEntity> {
    requireId(reviewFileId, 'ReviewFile');
    requireId(reviewerId, 'User');
    const profiles = await this.draws.reviewerProfiles(actor, [reviewerId]);
    return this.tx.run(async (m) => {
      const file = await m.findOneBy(ReviewFileEntity, { id: reviewFileId });
      if (!file) throw DomainException.notFound('ReviewFile', reviewFileId);
      const c = await loadCampaign(m, file.campaignId, true);
      enforceRunsCampaign(actor, c);
      requireStage(c, SCORING_STAGES, 'assign a re-check');
      if (file.status !== ReviewFileStatus.RECHECK)
        throw DomainException.conflict(`The file is ${file.status}, not waiting for a re-check`);
      const sheets = await m.findBy(ScoreSheetEntity, { reviewFileId });
      if (sheets.some((s) => s.kind === SheetKind.INITIAL && s.reviewerId === reviewerId))
        throw DomainException.field('reviewerId', 'the re-check needs a reviewer who did not score the file');
      await this.enforceEligible(m, reviewFileId, reviewerId, profiles);
      await m.delete(ScoreSheetEntity, { reviewFileId, kind: SheetKind.RECHECK, status: SheetStatus.DRAFT });
      if (sheets.some((s) => s.kind === SheetKind.RECHECK && s.status === SheetStatus.SUBMITTED))
        throw DomainException.conflict('The re-check is already submitted');
      await m.insert(ScoreSheetEntity, {
        reviewFileId,
        campaignId: c.id,
        reviewerId,
        kind: SheetKind.RECHECK,
        status: SheetStatus.DRAFT,
        rubricId: file.rubricId,
        answers: {},
        version: 1,
      });
      const sheet = await m.findOneByOrFail(ScoreSheetEntity, { reviewFileId, reviewerId, kind: SheetKind.RECHECK });
      await this.audit.record(m, actor, {
        operation: 'assignRecheck',
        targetType: 'ScoreSheet',
        targetId: sheet.id,
        after: { reviewFileId, reviewerId },
      });
      return sheet;
    });
  }

  /** The sheets of a file the caller may see: their own, and the others' once every sheet of that round is in (blind). */
  async sheetsOfFile(actor: Actor, reviewFileId: string): Promise<ScoreSheetEntity[]> {
    requireId(reviewFileId, 'ReviewFile');
    const m = this.tx.manager;
    const file = await m.findOneBy(ReviewFileEntity, { id: reviewFileId });
    if (!file) throw DomainException.notFound('ReviewFile', reviewFileId);
    const c = await loadCampaign(m, file.campaignId);
    const sheets = await m.find(ScoreSheetEntity, { where: { reviewFileId }, order: { kind: 'ASC', createdAt: 'ASC' } });
    const mine = sheets.some((s) => s.reviewerId === actor.userId);
    const organiser =
      c.regionPath.startsWith(actor.regionPath) &&
      (actor.roles.includes(Role.ADMIN) || (actor.roles.includes(Role.INSPECTOR) && c.createdBy === actor.userId));
    if (!mine && !organiser) throw DomainException.notFound('ReviewFile', reviewFileId);
    const roundDone = (kind: SheetKind) => sheets.filter((s) => s.kind === kind).every((s) => s.status === SheetStatus.SUBMITTED);
    return sheets.filter((s) => s.reviewerId === actor.userId || roundDone(s.kind));
  }

  private async enforceEligible(
    m: EntityManager,
    reviewFileId: string,
    reviewerId: string,
    profiles: Map<string, import('./draw.service.js').ReviewerProfile>,
  ): Promise<void> {
    const file = await m.findOneByOrFail(ReviewFileEntity, { id: reviewFileId });
    const taken = await m.findBy(ScoreSheetEntity, { reviewFileId, reviewerId });
    if (taken.some((s) => s.kind === SheetKind.INITIAL))
      throw DomainException.field('reviewerId', 'that reviewer already has a sheet for this file');
    const { officersOf, paths } = await this.draws.fileFacts(m, [file]);
    const decision = DrawService.eligibility(
      profiles.get(reviewerId),
      { departmentId: file.departmentId, officers: officersOf.get(file.caseFileId) ?? [] },
      paths.get(file.departmentId)?.path ?? '',
    );
    AccessPolicy.enforce(decision);
  }

  private async ownDraft(
    m: EntityManager,
    actor: Actor,
    sheetId: string,
  ): Promise<{ sheet: ScoreSheetEntity; rubric: RubricEntity; campaign: ReviewCampaignEntity }> {
    requireId(sheetId, 'ScoreSheet');
    const sheet = await m.findOneBy(ScoreSheetEntity, { id: sheetId });
    if (!sheet) throw DomainException.notFound('ScoreSheet', sheetId);
    if (sheet.reviewerId !== actor.userId) throw DomainException.forbidden('Forbidden: this score sheet is assigned to another reviewer');
    const campaign = await loadCampaign(m, sheet.campaignId);
    requireStage(campaign, SCORING_STAGES, 'score');
    if (sheet.status === SheetStatus.SUBMITTED) throw DomainException.conflict('The sheet is already submitted and final');
    const rubric = await m.findOneByOrFail(RubricEntity, { id: sheet.rubricId });
    return { sheet, rubric, campaign };
  }

  private async bump(
    m: EntityManager,
    sheet: ScoreSheetEntity,
    expectedVersion: number,
    changes: Partial<ScoreSheetEntity>,
  ): Promise<void> {
    const result = await m
      .createQueryBuilder()
      .update(ScoreSheetEntity)
      .set({ ...changes, version: () => 'version + 1', updatedAt: () => 'now()' } as never)
      .where('id = :id AND version = :v AND status = :draft', { id: sheet.id, v: expectedVersion, draft: SheetStatus.DRAFT })
      .execute();
    if (result.affected !== 1)
      throw DomainException.conflict(
        `The score sheet was changed meanwhile (version ${sheet.version}, you had ${expectedVersion}): reload it`,
      );
  }
}

export function needsRecheck(rule: RecheckRule, sheets: readonly { score: number | null; grade: string | null }[]): boolean {
  if (sheets.length === 0) return false;
  if (rule.belowFailLine && sheets.some((s) => s.grade === 'FAIL')) return true;
  if (rule.differentGrades && new Set(sheets.map((s) => s.grade)).size > 1) return true;
  const scores = sheets.map((s) => s.score ?? 0);
  return rule.maxSpread !== null && rule.maxSpread !== undefined && Math.max(...scores) - Math.min(...scores) > rule.maxSpread;
}

function invalid(issues: readonly { itemCode: string; field: string; reason: string }[]): DomainException {
  const shown = issues
    .slice(0, 3)
    .map((i) => `answers.${[i.itemCode, i.field].filter(Boolean).join('.')}: ${i.reason}`)
    .join('; ');
  return DomainException.badInput(
    shown,
    issues.map((i) => ({ field: `answers.${[i.itemCode, i.field].filter(Boolean).join('.')}`, reason: i.reason })),
  );
}
