import { Injectable } from '@nestjs/common';
import { AuditService } from '@ducha/audit';
import { DomainException, pageWindow, type Actor } from '@ducha/common';
import { Role } from '@ducha/contracts';
import { TransactionRunner } from '@ducha/database';
import { OrgService } from '@ducha/org';
import { canReadCampaign, enforceRunsCampaign, loadCampaign, requireStage, unitPaths, requireId } from './campaign-access.js';
import { CampaignStage, ReviewCampaignEntity, type RecheckRule } from './entities/review-campaign.entity.js';
import { RubricEntity } from './entities/rubric.entity.js';
import { SelfCheckReportEntity } from './entities/self-check-report.entity.js';

export interface CreateCampaignData {
  name: string;
  year: number;
  periodFrom: string;
  periodTo: string;
  caseTypes: string[];
  departmentIds: string[];
  rubrics: { caseType: string; code: string; version: string }[];
  filesPerDepartment: number;
  reviewersPerFile: number;
  reviewerIds: string[];
  recheckRule: RecheckRule;
}

export interface SelfCheckData {
  totalFiles: number;
  filesChecked: number;
  failedFiles: number;
  problems: string;
}

/** Campaign planning, stages and the departments' self-check. */
@Injectable()
export class CampaignService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly org: OrgService,
  ) {}

  async create(actor: Actor, input: CreateCampaignData): Promise<ReviewCampaignEntity> {
    enforceRunsCampaign(actor, { regionPath: actor.regionPath });
    if (input.periodTo < input.periodFrom) throw DomainException.field('periodTo', 'is before periodFrom');
    if (input.reviewerIds.length < input.reviewersPerFile)
      throw DomainException.field('reviewerIds', `the team needs at least ${input.reviewersPerFile} reviewers`);
    const reviewers = await Promise.all([...new Set(input.reviewerIds)].map((id) => this.org.actorFor(id)));
    reviewers.forEach((r, i) => {
      if (!r || !r.roles.includes(Role.INSPECTOR) || !r.regionPath.startsWith(actor.regionPath))
        throw DomainException.field('reviewerIds', `${input.reviewerIds[i]} is not an inspector of your region`);
    });
    return this.tx.run(async (m) => {
      const paths = await unitPaths(m, input.departmentIds);
      for (const id of input.departmentIds) {
        if (!paths.get(id)?.path.startsWith(actor.regionPath))
          throw DomainException.field('departmentIds', `no department ${id} in your region`);
      }
      const rubricIds: Record<string, string> = {};
      for (const type of input.caseTypes) {
        const choice = input.rubrics.find((r) => r.caseType === type);
        if (!choice) throw DomainException.field('rubrics', `choose a rubric for case type ${type}`);
        const rubric = await m.findOneBy(RubricEntity, { code: choice.code, version: choice.version });
        if (!rubric) throw DomainException.field('rubrics', `no rubric ${choice.code} version ${choice.version}`);
        if (!rubric.caseTypes.includes(type))
          throw DomainException.field('rubrics', `rubric ${choice.code} does not score case type ${type}`);
        rubricIds[type] = rubric.id;
      }
      const { rubrics: _r, ...rest } = input;
      const campaign = await m.save(
        m.create(ReviewCampaignEntity, {
          ...rest,
          departmentIds: [...new Set(input.departmentIds)],
          reviewerIds: [...new Set(input.reviewerIds)],
          rubricIds,
          stage: CampaignStage.PLANNED,
          officeUnitId: actor.unitId,
          regionPath: actor.regionPath,
          createdBy: actor.userId,
          version: 1,
        }),
      );
      await this.audit.record(m, actor, {
        operation: 'createReviewCampaign',
        targetType: 'ReviewCampaign',
        targetId: campaign.id,
        after: campaign,
      });
      return campaign;
    });
  }

  async startSelfCheck(actor: Actor, id: string): Promise<ReviewCampaignEntity> {
    return this.tx.run(async (m) => {
      const c = await loadCampaign(m, id, true);
      enforceRunsCampaign(actor, c);
      requireStage(c, [CampaignStage.PLANNED], 'start the self-check');
      await m.update(ReviewCampaignEntity, { id }, { stage: CampaignStage.SELF_CHECK, version: c.version + 1, updatedAt: new Date() });
      await this.audit.record(m, actor, {
        operation: 'startSelfCheck',
        targetType: 'ReviewCampaign',
        targetId: id,
        before: { stage: c.stage },
        after: { stage: CampaignStage.SELF_CHECK },
      });
      return loadCampaign(m, id);
    });
  }

  async submitSelfCheck(actor: Actor, campaignId: string, data: SelfCheckData): Promise<SelfCheckReportEntity> {
    if (data.filesChecked > data.totalFiles) throw DomainException.field('filesChecked', 'exceeds totalFiles');
    if (data.failedFiles > data.filesChecked) throw DomainException.field('failedFiles', 'exceeds filesChecked');
    return this.tx.run(async (m) => {
      const c = await loadCampaign(m, campaignId);
      if (!actor.roles.includes(Role.DEPARTMENT_OFFICER) || !c.departmentIds.includes(actor.unitId)) {
        throw DomainException.forbidden('Forbidden: only officers of a department in the campaign report its self-check');
      }
      requireStage(c, [CampaignStage.SELF_CHECK], 'submit a self-check report');
      await m
        .createQueryBuilder()
        .insert()
        .into(SelfCheckReportEntity)
        .values({ campaignId, departmentId: actor.unitId, ...data, submittedBy: actor.userId, version: 1 })
        .orUpdate(
          ['total_files', 'files_checked', 'failed_files', 'problems', 'submitted_by', 'submitted_at'],
          ['campaign_id', 'department_id'],
        )
        .execute();
      const report = await m.findOneByOrFail(SelfCheckReportEntity, { campaignId, departmentId: actor.unitId });
      await this.audit.record(m, actor, {
        operation: 'submitSelfCheck',
        targetType: 'SelfCheckReport',
        targetId: report.id,
        after: report,
      });
      return report;
    });
  }

  async selfCheckReports(actor: Actor, campaignId: string): Promise<SelfCheckReportEntity[]> {
    const c = await this.get(actor, campaignId);
    const where = isOfficeView(actor, c) ? { campaignId } : { campaignId, departmentId: actor.unitId };
    return this.tx.manager.find(SelfCheckReportEntity, { where, order: { submittedAt: 'ASC' } });
  }

  async get(actor: Actor, id: string): Promise<ReviewCampaignEntity> {
    requireId(id, 'ReviewCampaign');
    const c = await this.tx.manager.findOneBy(ReviewCampaignEntity, { id });
    if (!c || !canReadCampaign(actor, c)) throw DomainException.notFound('ReviewCampaign', id);
    return c;
  }

  async list(
    actor: Actor,
    filter: { year?: number; page?: number; pageSize?: number },
  ): Promise<{ items: ReviewCampaignEntity[]; total: number }> {
    const { skip, take } = pageWindow(filter);
    const q = this.tx.manager.createQueryBuilder(ReviewCampaignEntity, 'c');
    if (actor.roles.includes(Role.DEPARTMENT_OFFICER) && !actor.isSupervisingOffice)
      q.where(':unit = ANY(c.department_ids)', { unit: actor.unitId });
    else q.where('c.region_path LIKE :p', { p: `${actor.regionPath}%` });
    if (filter.year) q.andWhere('c.year = :year', { year: filter.year });
    const [items, total] = await q.orderBy('c.created_at', 'DESC').skip(skip).take(take).getManyAndCount();
    return { items, total };
  }
}

function isOfficeView(actor: Actor, c: ReviewCampaignEntity): boolean {
  return c.regionPath.startsWith(actor.regionPath) && actor.roles.some((r) => r !== Role.DEPARTMENT_OFFICER);
}
