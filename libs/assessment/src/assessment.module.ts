import { Module } from '@nestjs/common';
import { OrgModule } from '@ducha/org';
import { RectificationModule } from '@ducha/rectification';
import { AssessmentScoringService } from './assessment-scoring.service.js';
import { AssessmentController } from './assessment.controller.js';
import { AssessmentResolver } from './assessment.resolver.js';
import { FrameworkService } from './framework.service.js';
import { PlanService } from './plan.service.js';
import { StatisticsService } from './statistics.service.js';

@Module({
  imports: [OrgModule, RectificationModule],
  controllers: [AssessmentController],
  providers: [FrameworkService, PlanService, StatisticsService, AssessmentScoringService, AssessmentResolver],
  exports: [FrameworkService, PlanService, StatisticsService, AssessmentScoringService],
})
export class AssessmentModule {}
