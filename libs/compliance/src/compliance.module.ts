import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrgModule } from '@ducha/org';
import { CheckService } from './check.service.js';
import { ChecklistService } from './checklist.service.js';
import { ComplianceViews } from './compliance-views.service.js';
import { ComplianceController } from './compliance.controller.js';
import { ComplianceResolver } from './compliance.resolver.js';
import { ComplianceCheckItemEntity } from './entities/compliance-check-item.entity.js';
import { ComplianceCheckEntity } from './entities/compliance-check.entity.js';
import { ComplianceChecklistEntity } from './entities/compliance-checklist.entity.js';
import { ComplianceEvidenceFileEntity } from './entities/compliance-evidence-file.entity.js';
import { ComplianceRateEntity } from './entities/compliance-rate.entity.js';
import { ComplianceRoundEntity } from './entities/compliance-round.entity.js';
import { EvidenceService } from './evidence/evidence.service.js';
import { ResultsService } from './results/results.service.js';
import { RoundExportService } from './results/round-export.service.js';
import { RoundService } from './round.service.js';
import { ScreeningService } from './screening.service.js';
import { StandingScreenService } from './standing-screen.service.js';

@Module({
  imports: [
    OrgModule,
    TypeOrmModule.forFeature([
      ComplianceChecklistEntity,
      ComplianceRoundEntity,
      ComplianceCheckEntity,
      ComplianceCheckItemEntity,
      ComplianceEvidenceFileEntity,
      ComplianceRateEntity,
    ]),
  ],
  controllers: [ComplianceController],
  providers: [
    ChecklistService,
    RoundService,
    ScreeningService,
    CheckService,
    EvidenceService,
    ResultsService,
    RoundExportService,
    StandingScreenService,
    ComplianceViews,
    ComplianceResolver,
  ],
  exports: [ChecklistService, RoundService, ScreeningService, CheckService, ResultsService, RoundExportService, StandingScreenService],
})
export class ComplianceModule {}
