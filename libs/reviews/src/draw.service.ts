import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService } from '@ducha/audit';
import { DomainException, type Actor } from '@ducha/common';
import { CaseFileService } from '@ducha/cases';
import { TransactionRunner } from '@ducha/database';
import { AccessPolicy, OfficerService, OrgService, PolicyRule, UserService, type Decision } from '@ducha/org';
import { OutboxService } from '@ducha/realtime';
import { In, type EntityManager } from 'typeorm';
import { assignReviewers } from './assignment.js';
import { enforceRunsCampaign, loadCampaign, requireStage, unitPaths } from './campaign-access.js';
import { drawStratified } from './draw.js';
import { CampaignStage, ReviewCampaignEntity } from './entities/review-campaign.entity.js';
import { ReviewFileEntity, ReviewFileStatus } from './entities/review-file.entity.js';
import { ScoreSheetEntity, SheetKind, SheetStatus } from './entities/score-sheet.entity.js';

export interface ReviewerProfile {
  actor: Actor;
  certificateNos: string[];
}

/** The random draw and the assignment of reviewers. */
@Injectable()
export class DrawService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly caseFiles: CaseFileService,
    private readonly org: OrgService,
    private readonly users: UserService,
    private readonly officers: OfficerService,
  ) {}

  /** Draws (or re-draws, before assignment) the sample. The seed, inputs and result go to the audit trail. */
  async draw(actor: Actor, campaignId: string, seed?: string): Promise<ReviewCampaignEntity> {
    if (seed !== undefined && !/^[\w-]{1,64}$/.test(seed)) throw DomainException.field('seed', 'must be 1-64 letters, digits, - or _');
    return this.tx.run(async (m) => {
      const c = await loadCampaign(m, campaignId, true);
      enforceRunsCampaign(actor, c);
      requireStage(c, [CampaignStage.PLANNED, CampaignStage.SELF_CHECK, CampaignStage.DRAWN], 'draw the sample');
      const useSeed = seed ?? randomBytes(8).toString('hex');
      const started = Date.now();
      const candidates = await this.caseFiles.drawCandidates(m, c.departmentIds, c.caseTypes, c.periodFrom, c.periodTo);
      const { ids, strata } = drawStratified(candidates, c.filesPerDepartment, useSeed);
      const typeOf = new Map(candidates.map((x) => [x.id, x]));
      await m.delete(ReviewFileEntity, { campaignId });
      for (let i = 0; i < ids.length; i += 5000) {
        const chunk = ids.slice(i, i + 5000).map((id) => typeOf.get(id)!);
        await m.query(
          `INSERT INTO review_file (campaign_id, case_file_id, department_id, case_type, rubric_id, status)
           SELECT $1, u.f, u.d, u.t, ($2::jsonb ->> u.t)::uuid, 'DRAWN' FROM unnest($3::uuid[], $4::uuid[], $5::text[]) AS u(f, d, t)`,
          [campaignId, JSON.stringify(c.rubricIds), chunk.map((x) => x.id), chunk.map((x) => x.departmentId), chunk.map((x) => x.caseType)],
        );
      }
      await m.update(
        ReviewCampaignEntity,
        { id: campaignId },
        { stage: CampaignStage.DRAWN, seed: useSeed, drawnAt: new Date(), version: c.version + 1, updatedAt: new Date() },
      );
      const departments = new Set(ids.map((id) => typeOf.get(id)!.departmentId)).size;
      await this.audit.record(m, actor, {
        operation: 'drawSample',
        targetType: 'ReviewCampaign',
        targetId: campaignId,
        before: { stage: c.stage, seed: c.seed },
        after: {
          seed: useSeed,
          algorithm:
            'stratified-proportional/largest-remainder; sfc32(sha256(seed:departmentId)) partial Fisher-Yates over files ordered by case type, closed date, id',
          inputs: {
            periodFrom: c.periodFrom,
            periodTo: c.periodTo,
            caseTypes: c.caseTypes,
            departmentIds: c.departmentIds,
            filesPerDepartment: c.filesPerDepartment,
            eligible: candidates.length,
          },
          strata,
          caseFileIds: [...ids].sort(),
          millis: Date.now() - started,
        },
      });
      await this.outbox.emit(
        m,
        'review.drawn',
        { regionPath: c.regionPath, departmentId: null },
        { campaignId, campaignName: c.name, files: ids.length, departments, seed: useSeed },
      );
      return loadCampaign(m, campaignId);
    });
  }

  /** Every reviewer of the team with the certificates they hold (for the case-officer recusal). */
  async reviewerProfiles(actor: Actor, reviewerIds: readonly string[]): Promise<Map<string, ReviewerProfile>> {
    const profiles = new Map<string, ReviewerProfile>();
    for (const id of reviewerIds) {
      const [reviewer, user] = await Promise.all([this.org.actorFor(id), this.users.findById(id)]);
      if (!reviewer || !user) continue;
      // A user holds the certificates registered in their unit under their name.
      const { items } = await this.officers.list(actor, { unitId: reviewer.unitId, search: user.displayName, pageSize: 200 });
      profiles.set(id, { actor: reviewer, certificateNos: items.filter((o) => o.name === user.displayName).map((o) => o.certificateNo) });
    }
    return profiles;
  }

  /** Why a reviewer may not score a file, naming the rule (recusal by department, by case officer, scope). */
  static eligibility(profile: ReviewerProfile | undefined, file: { departmentId: string; officers: string[] }, deptPath: string): Decision {
    if (!profile) return { allowed: false, rule: PolicyRule.ROLE_REQUIRED, reason: 'the reviewer is disabled or unknown' };
    const inspect = AccessPolicy.canInspect(profile.actor, { unitId: file.departmentId, regionPath: deptPath });
    if (!inspect.allowed) return inspect;
    return AccessPolicy.recusedAsCaseOfficer(profile.certificateNos, file.officers);
  }

  async assign(actor: Actor, campaignId: string): Promise<ReviewCampaignEntity> {
    const pre = await loadCampaign(this.tx.manager, campaignId);
    enforceRunsCampaign(actor, pre);
    const profiles = await this.reviewerProfiles(actor, pre.reviewerIds);
    return this.tx.run(async (m) => {
      const c = await loadCampaign(m, campaignId, true);
      requireStage(c, [CampaignStage.DRAWN], 'assign reviewers');
      const files = await m.findBy(ReviewFileEntity, { campaignId });
      if (!files.length) throw DomainException.conflict('The draw found no eligible files: nothing to assign');
      const { officersOf, paths } = await this.fileFacts(m, files);
      const byId = new Map(files.map((f) => [f.id, f]));
      const { assignments, blocked } = assignReviewers(files, c.reviewerIds, c.reviewersPerFile, (fileId, reviewerId) => {
        const f = byId.get(fileId)!;
        return DrawService.eligibility(
          profiles.get(reviewerId),
          { departmentId: f.departmentId, officers: officersOf.get(f.caseFileId) ?? [] },
          paths.get(f.departmentId)?.path ?? '',
        );
      });
      if (blocked.length) {
        const first = blocked[0];
        throw DomainException.badInput(
          `reviewerIds: ${blocked.length} files cannot get ${c.reviewersPerFile} reviewers; e.g. file ${first.fileId}: ${first.reasons.join('; ')}`,
          [{ field: 'reviewerIds', reason: 'too few eligible reviewers' }],
        );
      }
      const sheets = [...assignments].flatMap(([fileId, reviewers]) =>
        reviewers.map((reviewerId) => ({
          reviewFileId: fileId,
          campaignId,
          reviewerId,
          kind: SheetKind.INITIAL,
          status: SheetStatus.DRAFT,
          rubricId: byId.get(fileId)!.rubricId,
          answers: {},
          version: 1,
        })),
      );
      for (let i = 0; i < sheets.length; i += 2000) await m.insert(ScoreSheetEntity, sheets.slice(i, i + 2000));
      await m.update(ReviewFileEntity, { campaignId }, { status: ReviewFileStatus.SCORING });
      await m.update(
        ReviewCampaignEntity,
        { id: campaignId },
        { stage: CampaignStage.REVIEWING, version: c.version + 1, updatedAt: new Date() },
      );
      const load = Object.fromEntries(c.reviewerIds.map((r) => [r, sheets.filter((s) => s.reviewerId === r).length]));
      await this.audit.record(m, actor, {
        operation: 'assignReviewers',
        targetType: 'ReviewCampaign',
        targetId: campaignId,
        after: { sheets: sheets.length, load, assignments: Object.fromEntries(assignments) },
      });
      await this.outbox.emit(
        m,
        'review.assigned',
        { regionPath: c.regionPath, departmentId: null },
        { campaignId, sheets: sheets.length, reviewerIds: c.reviewerIds },
      );
      return loadCampaign(m, campaignId);
    });
  }

  async fileFacts(
    m: EntityManager,
    files: readonly ReviewFileEntity[],
  ): Promise<{ officersOf: Map<string, string[]>; paths: Map<string, { path: string; name: string }> }> {
    const caseFiles = await this.caseFiles.byIds(
      files.map((f) => f.caseFileId),
      m,
    );
    return {
      officersOf: new Map(caseFiles.map((f) => [f.id, f.officerCertificateNos])),
      paths: await unitPaths(
        m,
        files.map((f) => f.departmentId),
      ),
    };
  }

  /** Review files by id, inside a transaction. */
  filesByIds(m: EntityManager, ids: string[]): Promise<ReviewFileEntity[]> {
    return m.findBy(ReviewFileEntity, { id: In(ids) });
  }
}
