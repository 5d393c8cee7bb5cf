import type { OfficerEntity } from './entities/officer.entity.js';
import type { RegionEntity } from './entities/region.entity.js';
import type { UnitEntity } from './entities/unit.entity.js';
import type { UserEntity } from './entities/user.entity.js';
import type { Officer } from './models/officer.model.js';
import type { Region } from './models/region.model.js';
import type { Unit } from './models/unit.model.js';
import type { User } from './models/user.model.js';

export const toRegionModel = (e: RegionEntity): Region => ({
  id: e.id,
  parentId: e.parentId,
  level: e.level,
  code: e.code,
  name: e.name,
  path: e.path,
});

export const toUnitModel = (e: UnitEntity): Unit => ({
  id: e.id,
  code: e.code,
  name: e.name,
  kind: e.kind,
  regionId: e.regionId,
  isEnforcementBody: e.isEnforcementBody,
  isSupervisingOffice: e.isSupervisingOffice,
  version: e.version,
});

export const toUserModel = (e: UserEntity): User => ({
  id: e.id,
  username: e.username,
  displayName: e.displayName,
  unitId: e.unitId,
  roles: e.roles,
  disabled: e.disabled,
  lockedUntil: e.lockedUntil && e.lockedUntil > new Date() ? e.lockedUntil : undefined,
  version: e.version,
});

export const toOfficerModel = (e: OfficerEntity): Officer => ({
  id: e.id,
  certificateNo: e.certificateNo,
  name: e.name,
  unitId: e.unitId,
  kind: e.kind,
  validFrom: e.validFrom,
  validTo: e.validTo,
  legalQualification: e.legalQualification,
  legalReviewer: e.legalReviewer,
  version: e.version,
});
