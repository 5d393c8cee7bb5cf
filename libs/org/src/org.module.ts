import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OfficerEntity } from './entities/officer.entity.js';
import { RegionEntity } from './entities/region.entity.js';
import { UnitEntity } from './entities/unit.entity.js';
import { UserEntity } from './entities/user.entity.js';
import { InspectorDirectory } from './inspector-directory.service.js';
import { InspectorResolver } from './inspector.resolver.js';
import { OfficerService } from './officer.service.js';
import { OrgImportController } from './org-import.controller.js';
import { OrgImportService } from './org-import.service.js';
import { OrgResolver } from './org.resolver.js';
import { OrgService } from './org.service.js';
import { UserResolver } from './user.resolver.js';
import { UserService } from './user.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([RegionEntity, UnitEntity, UserEntity, OfficerEntity])],
  controllers: [OrgImportController],
  providers: [OrgService, UserService, OfficerService, OrgImportService, OrgResolver, UserResolver, InspectorDirectory, InspectorResolver],
  exports: [OrgService, UserService, OfficerService, InspectorDirectory],
})
export class OrgModule {}
