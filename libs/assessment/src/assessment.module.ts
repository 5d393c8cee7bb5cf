import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { AppConfig } from '@ducha/config';
import { OrgModule } from '@ducha/org';
import { RectificationModule } from '@ducha/rectification';
import { AssessmentExportService } from './assessment-export.service.js';
import { AssessmentScoringService } from './assessment-scoring.service.js';
import { AssessmentFilesController } from './assessment-files.controller.js';
import { AssessmentController } from './assessment.controller.js';
import { EvidenceService } from './evidence.service.js';
import { AssessmentResolver } from './assessment.resolver.js';
import { FrameworkService } from './framework.service.js';
import { PlanService } from './plan.service.js';
import { StatisticsService } from './statistics.service.js';

@Module({
  imports: [
    OrgModule,
    RectificationModule,
    // Uploads held in memory and capped at the configured size (over: 413, answered as BAD_USER_INPUT).
    MulterModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ limits: { fileSize: config.maxUploadBytes, files: 1 } }),
    }),
  ],
  controllers: [AssessmentController, AssessmentFilesController],
  providers: [
    FrameworkService,
    PlanService,
    StatisticsService,
    AssessmentScoringService,
    AssessmentExportService,
    EvidenceService,
    AssessmentResolver,
  ],
  exports: [FrameworkService, PlanService, StatisticsService, AssessmentScoringService, AssessmentExportService],
})
export class AssessmentModule {}
