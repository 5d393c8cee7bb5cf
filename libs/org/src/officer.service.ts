import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AuditService } from '@ducha/audit';
import { DomainException, pageWindow, type Actor } from '@ducha/common';
import { TransactionRunner } from '@ducha/database';
import { In, Repository } from 'typeorm';
import { AccessPolicy } from './access-policy.js';
import { OfficerEntity } from './entities/officer.entity.js';
import { RegionEntity } from './entities/region.entity.js';
import { UnitEntity } from './entities/unit.entity.js';
import { OrgService, escapeLike } from './org.service.js';

export interface OfficerData {
  certificateNo: string;
  name: string;
  unitId: string;
  kind: string;
  validFrom: string;
  validTo: string;
  legalQualification: boolean;
  legalReviewer: boolean;
}

/** The officer registry (执法人员): certificates, validity, legal reviewers. */
@Injectable()
export class OfficerService {
  constructor(
    @InjectRepository(OfficerEntity) private readonly officers: Repository<OfficerEntity>,
    private readonly org: OrgService,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async list(
    actor: Actor,
    filter: { unitId?: string; search?: string; legalReviewer?: boolean; page?: number; pageSize?: number },
  ): Promise<{ items: OfficerEntity[]; total: number }> {
    const { skip, take } = pageWindow(filter);
    const q = this.officers
      .createQueryBuilder('o')
      .innerJoin(UnitEntity, 'u', 'u.id = o.unit_id')
      .innerJoin(RegionEntity, 'r', 'r.id = u.region_id');
    if (AccessPolicy.canReadRegion(actor, actor.regionPath).allowed) q.where('r.path LIKE :prefix', { prefix: `${actor.regionPath}%` });
    else q.where('o.unit_id = :own', { own: actor.unitId });
    if (filter.unitId) q.andWhere('o.unit_id = :unitId', { unitId: filter.unitId });
    if (filter.legalReviewer !== undefined) q.andWhere('o.legal_reviewer = :lr', { lr: filter.legalReviewer });
    if (filter.search) q.andWhere('(o.name ILIKE :s OR o.certificate_no ILIKE :s)', { s: `%${escapeLike(filter.search)}%` });
    const [items, total] = await q.orderBy('o.certificate_no').skip(skip).take(take).getManyAndCount();
    return { items, total };
  }

  /** Officers by certificate number (case files name their officers by certificate). */
  byCertificates(certificateNos: readonly string[]): Promise<OfficerEntity[]> {
    return certificateNos.length ? this.officers.findBy({ certificateNo: In([...certificateNos]) }) : Promise.resolve([]);
  }

  async create(actor: Actor, input: OfficerData): Promise<OfficerEntity> {
    validateOfficer(input);
    return this.tx.run(async (m) => {
      const placement = await this.org.placement(input.unitId, m).catch(() => {
        throw DomainException.field('unitId', 'no such unit');
      });
      AccessPolicy.enforce(AccessPolicy.canAdminister(actor, placement.regionPath));
      if (await m.existsBy(OfficerEntity, { certificateNo: input.certificateNo })) {
        throw DomainException.field('certificateNo', `certificate ${input.certificateNo} is already registered`);
      }
      const officer = await m.save(m.create(OfficerEntity, input));
      await this.audit.record(m, actor, { operation: 'createOfficer', targetType: 'Officer', targetId: officer.id, after: officer });
      return officer;
    });
  }
}

export function validateOfficer(o: Pick<OfficerData, 'validFrom' | 'validTo' | 'legalReviewer' | 'legalQualification'>): void {
  if (o.validTo < o.validFrom) throw DomainException.field('validTo', 'must not be before validFrom');
}
