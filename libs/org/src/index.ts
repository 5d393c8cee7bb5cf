import './models/enums.js';

export { OrgModule } from './org.module.js';
export { OrgService, insertRegion, type UnitFilter } from './org.service.js';
export { UserService } from './user.service.js';
export { OfficerService } from './officer.service.js';
export { OrgImportService, OrgImportKind } from './org-import.service.js';
export { AccessPolicy, PolicyRule, type Decision, type Placement } from './access-policy.js';
export { RegionEntity } from './entities/region.entity.js';
export { UnitEntity } from './entities/unit.entity.js';
export { UserEntity } from './entities/user.entity.js';
export { OfficerEntity } from './entities/officer.entity.js';
export { Me, User } from './models/user.model.js';
export { Unit } from './models/unit.model.js';
export { Region } from './models/region.model.js';
export { Officer } from './models/officer.model.js';
export { ImportReport, ImportRowError } from './models/import-report.model.js';
export { toUnitModel, toUserModel, toOfficerModel, toRegionModel } from './org.mapper.js';
