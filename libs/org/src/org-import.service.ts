import { Injectable } from '@nestjs/common';
import { AuditService } from '@ducha/audit';
import { DomainException, hashPassword, matchColumns, passwordWeakness, readSheet, type Actor, type SheetRow } from '@ducha/common';
import { Role, UnitKind } from '@ducha/contracts';
import { TransactionRunner } from '@ducha/database';
import { OutboxService } from '@ducha/realtime';
import { In, type EntityManager } from 'typeorm';
import { AccessPolicy } from './access-policy.js';
import { OfficerEntity } from './entities/officer.entity.js';
import { RegionEntity } from './entities/region.entity.js';
import { UnitEntity } from './entities/unit.entity.js';
import { UserEntity } from './entities/user.entity.js';
import type { ImportReport, ImportRowError } from './models/import-report.model.js';

export enum OrgImportKind {
  UNITS = 'UNITS',
  USERS = 'USERS',
  OFFICERS = 'OFFICERS',
}

const COLUMNS = {
  [OrgImportKind.UNITS]: {
    code: ['单位编码', '编码'],
    name: ['单位名称', '名称'],
    kind: ['单位类型', '类型'],
    regionCode: ['所属区划编码', '区划编码'],
    isEnforcementBody: ['执法主体', '是否执法主体'],
    isSupervisingOffice: ['监督机关', '是否监督机关'],
  },
  [OrgImportKind.USERS]: {
    username: ['用户名', '账号'],
    displayName: ['姓名'],
    unitCode: ['单位编码'],
    roles: ['角色'],
    password: ['初始密码', '密码'],
  },
  [OrgImportKind.OFFICERS]: {
    certificateNo: ['执法证号', '证件号'],
    name: ['姓名'],
    unitCode: ['单位编码'],
    kind: ['证件类型'],
    validFrom: ['有效期起', '发证日期'],
    validTo: ['有效期止', '有效期至'],
    legalQualification: ['法律职业资格'],
    legalReviewer: ['法制审核人员'],
  },
} as const;

const UNIT_KINDS: Record<string, UnitKind> = {
  政府部门: UnitKind.GOVERNMENT_DEPARTMENT,
  乡镇街道: UnitKind.TOWN,
  '乡镇/街道': UnitKind.TOWN,
  乡镇: UnitKind.TOWN,
  街道: UnitKind.TOWN,
  垂管单位: UnitKind.VERTICAL,
};
const ROLE_NAMES: Record<string, Role> = {
  管理员: Role.ADMIN,
  系统管理员: Role.ADMIN,
  督察人员: Role.INSPECTOR,
  执法监督人员: Role.INSPECTOR,
  部门联络员: Role.DEPARTMENT_OFFICER,
  法制联络员: Role.DEPARTMENT_OFFICER,
  领导: Role.LEADER,
};
const YES = new Set(['是', 'y', 'yes', 'true', '1']);
const NO = new Set(['否', 'n', 'no', 'false', '0', '']);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

type Cells = Record<string, string>;

/**
 * Bulk import of units, users and officers from .xlsx or CSV. Every row is checked first; one bad
 * row means nothing is written and the report names each problem by row and column. A row whose
 * key (code, user name, certificate number) exists updates it, so re-importing a sheet is safe.
 */
@Injectable()
export class OrgImportService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  async import(actor: Actor, kind: OrgImportKind, content: Buffer): Promise<ImportReport> {
    AccessPolicy.enforce(AccessPolicy.canAdminister(actor, actor.regionPath));
    const sheet = await readSheet(content);
    const { columns, missing } = matchColumns(sheet.headers, COLUMNS[kind] as Record<string, readonly string[]>);
    if (missing.length) {
      return failed(
        sheet.rows.length,
        missing.map((f) => ({ row: 1, column: (COLUMNS[kind] as Record<string, readonly string[]>)[f][0], reason: 'column is missing' })),
      );
    }
    if (sheet.rows.length === 0) throw DomainException.field('file', 'the sheet has no data rows');
    const rows = sheet.rows.map((r) => ({ row: r.row, cells: pick(r, columns as Record<string, string>) }));
    const passwordHashes = kind === OrgImportKind.USERS ? await hashAll(rows) : new Map<number, string>();
    return this.tx.run(async (m) => {
      const errors: ImportRowError[] = [];
      const apply = await this.prepare(m, actor, kind, rows, errors, columns as Record<string, string>, passwordHashes);
      if (errors.length) return failed(rows.length, errors);
      const { created, updated } = await apply();
      await this.audit.record(m, actor, {
        operation: `import${kind}`,
        targetType: 'OrgImport',
        targetId: kind,
        after: { rows: rows.length, created, updated },
      });
      await this.outbox.emit(m, 'org.imported', { regionPath: actor.regionPath, departmentId: null }, { kind, rows: rows.length });
      return { ok: true, rows: rows.length, created, updated, errors: [] };
    });
  }

  private async prepare(
    m: EntityManager,
    actor: Actor,
    kind: OrgImportKind,
    rows: { row: number; cells: Cells }[],
    errors: ImportRowError[],
    header: Record<string, string>,
    passwordHashes: Map<number, string>,
  ): Promise<() => Promise<{ created: number; updated: number }>> {
    const err = (row: number, field: string, reason: string) => errors.push({ row, column: header[field] ?? field, reason });
    const units = await this.unitsByCode(m, actor, rows.map((r) => r.cells.unitCode).filter(Boolean));
    const keyField = { [OrgImportKind.UNITS]: 'code', [OrgImportKind.USERS]: 'username', [OrgImportKind.OFFICERS]: 'certificateNo' }[kind];
    const seen = new Map<string, number>();
    for (const { row, cells } of rows) {
      const key = cells[keyField].toLowerCase();
      if (!key) err(row, keyField, 'is required');
      else if (seen.has(key)) err(row, keyField, `duplicates row ${seen.get(key)}`);
      else seen.set(key, row);
    }
    if (kind === OrgImportKind.UNITS) {
      const regions = await this.regionsByCode(
        m,
        actor,
        rows.map((r) => r.cells.regionCode),
      );
      const parsed = rows.map(({ row, cells }) => {
        if (!cells.name) err(row, 'name', 'is required');
        const unitKind = UNIT_KINDS[cells.kind] ?? (Object.values(UnitKind) as string[]).find((k) => k === cells.kind);
        if (!unitKind) err(row, 'kind', `must be one of ${Object.keys(UNIT_KINDS).join('、')}`);
        const region = regions.get(cells.regionCode);
        if (!region) err(row, 'regionCode', cells.regionCode ? `no region with code ${cells.regionCode} in your area` : 'is required');
        return {
          code: cells.code,
          name: cells.name,
          kind: unitKind as UnitKind,
          regionId: region?.id ?? '',
          isEnforcementBody: yesNo(cells.isEnforcementBody, row, 'isEnforcementBody', err),
          isSupervisingOffice: yesNo(cells.isSupervisingOffice, row, 'isSupervisingOffice', err),
        };
      });
      return () => upsert(m, UnitEntity, 'code', parsed);
    }
    if (kind === OrgImportKind.USERS) {
      const parsed = rows.map(({ row, cells }) => {
        if (!cells.displayName) err(row, 'displayName', 'is required');
        const unit = units.get(cells.unitCode);
        if (!unit) err(row, 'unitCode', cells.unitCode ? `no unit with code ${cells.unitCode} in your area` : 'is required');
        const roles = cells.roles
          .split(/[,，、;；\s]+/)
          .filter(Boolean)
          .map((r) => ROLE_NAMES[r] ?? (Object.values(Role) as string[]).find((x) => x === r.toUpperCase()));
        if (roles.length === 0 || roles.some((r) => !r)) err(row, 'roles', `must list roles from ${Object.keys(ROLE_NAMES).join('、')}`);
        const weakness = cells.password ? passwordWeakness(cells.password) : 'is required';
        if (weakness) err(row, 'password', weakness);
        return {
          username: cells.username,
          displayName: cells.displayName,
          unitId: unit?.id ?? '',
          roles: roles as Role[],
          passwordHash: passwordHashes.get(row) ?? '',
          disabled: false,
          failedLoginCount: 0,
        };
      });
      return async () => {
        const existing = await m.find(UserEntity, { where: { username: In(parsed.map((p) => p.username)) } });
        const known = new Set(existing.map((u) => u.username.toLowerCase()));
        // Existing accounts keep their password: an import never resets someone's sign-in.
        for (const p of parsed.filter((x) => known.has(x.username.toLowerCase()))) {
          await m.update(
            UserEntity,
            { username: p.username },
            { displayName: p.displayName, unitId: p.unitId, roles: p.roles, updatedAt: new Date() },
          );
        }
        const fresh = parsed.filter((x) => !known.has(x.username.toLowerCase()));
        if (fresh.length) await m.insert(UserEntity, fresh);
        return { created: fresh.length, updated: parsed.length - fresh.length };
      };
    }
    const parsed = rows.map(({ row, cells }) => {
      if (!cells.name) err(row, 'name', 'is required');
      const unit = units.get(cells.unitCode);
      if (!unit) err(row, 'unitCode', cells.unitCode ? `no unit with code ${cells.unitCode} in your area` : 'is required');
      for (const f of ['validFrom', 'validTo'] as const) {
        if (!DATE.test(cells[f]) || Number.isNaN(Date.parse(cells[f]))) err(row, f, `must be a date like 2026-01-31, got "${cells[f]}"`);
      }
      if (DATE.test(cells.validFrom) && DATE.test(cells.validTo) && cells.validTo < cells.validFrom)
        err(row, 'validTo', 'is before the start of validity');
      return {
        certificateNo: cells.certificateNo,
        name: cells.name,
        unitId: unit?.id ?? '',
        kind: cells.kind || 'ADMINISTRATIVE_ENFORCEMENT',
        validFrom: cells.validFrom,
        validTo: cells.validTo,
        legalQualification: yesNo(cells.legalQualification, row, 'legalQualification', err),
        legalReviewer: yesNo(cells.legalReviewer, row, 'legalReviewer', err),
      };
    });
    return () => upsert(m, OfficerEntity, 'certificateNo', parsed);
  }

  private async unitsByCode(m: EntityManager, actor: Actor, codes: string[]): Promise<Map<string, UnitEntity>> {
    if (!codes.length) return new Map();
    const found = await m
      .createQueryBuilder(UnitEntity, 'u')
      .innerJoin(RegionEntity, 'r', 'r.id = u.region_id')
      .where('u.code IN (:...codes)', { codes: [...new Set(codes)] })
      .andWhere('r.path LIKE :prefix', { prefix: `${actor.regionPath}%` })
      .getMany();
    return new Map(found.map((u) => [u.code, u]));
  }

  private async regionsByCode(m: EntityManager, actor: Actor, codes: string[]): Promise<Map<string, RegionEntity>> {
    const wanted = [...new Set(codes.filter(Boolean))];
    if (!wanted.length) return new Map();
    const found = await m
      .createQueryBuilder(RegionEntity, 'r')
      .where('r.code IN (:...codes)', { codes: wanted })
      .andWhere('r.path LIKE :prefix', { prefix: `${actor.regionPath}%` })
      .getMany();
    return new Map(found.map((r) => [r.code, r]));
  }
}

function pick(row: SheetRow, columns: Record<string, string>): Cells {
  return Object.fromEntries(Object.entries(columns).map(([field, header]) => [field, row.cells[header] ?? '']));
}

function yesNo(value: string, row: number, field: string, err: (row: number, field: string, reason: string) => void): boolean {
  const v = value.trim().toLowerCase();
  if (YES.has(v)) return true;
  if (!NO.has(v)) err(row, field, `must be 是 or 否, got "${value}"`);
  return false;
}

async function hashAll(rows: { row: number; cells: Cells }[]): Promise<Map<number, string>> {
  const hashes = await Promise.all(rows.map(async (r) => [r.row, r.cells.password ? await hashPassword(r.cells.password) : ''] as const));
  return new Map(hashes);
}

async function upsert<E extends object>(
  m: EntityManager,
  entity: new () => E,
  key: keyof E & string,
  values: Partial<E>[],
): Promise<{ created: number; updated: number }> {
  const existing = await m.find(entity, { where: { [key]: In(values.map((v) => v[key])) } as never, select: { [key]: true } as never });
  const known = new Set(existing.map((e) => String(e[key])));
  const created = values.filter((v) => !known.has(String(v[key]))).length;
  await m.upsert(entity, values as never, { conflictPaths: [key] });
  return { created, updated: values.length - created };
}

function failed(rows: number, errors: ImportRowError[]): ImportReport {
  return { ok: false, rows, created: 0, updated: 0, errors: errors.sort((a, b) => a.row - b.row) };
}
