import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesModule } from '@ducha/cases';
import { OrgModule } from '@ducha/org';
import { AssignmentQueryService } from './assignment-query.service.js';
import { AssignmentResolver } from './assignment.resolver.js';
import { CampaignService } from './campaign.service.js';
import { DrawService } from './draw.service.js';
import { ReviewCampaignEntity } from './entities/review-campaign.entity.js';
import { ReviewFileEntity } from './entities/review-file.entity.js';
import { RubricEntity } from './entities/rubric.entity.js';
import { ScoreSheetEntity } from './entities/score-sheet.entity.js';
import { SelfCheckReportEntity } from './entities/self-check-report.entity.js';
import { FinalizeService } from './finalize.service.js';
import { MyResultsResolver } from './my-results.resolver.js';
import { MyResultsService } from './my-results.service.js';
import { ReviewExportController } from './review-export.controller.js';
import { ReviewExportService } from './review-export.service.js';
import { ReviewQueryService } from './review-query.service.js';
import { ReviewResolver } from './review.resolver.js';
import { RubricService } from './rubric.service.js';
import { ScoreSheetService } from './score-sheet.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([RubricEntity, ReviewCampaignEntity, ReviewFileEntity, ScoreSheetEntity, SelfCheckReportEntity]),
    CasesModule,
    OrgModule,
  ],
  controllers: [ReviewExportController],
  providers: [
    RubricService,
    CampaignService,
    DrawService,
    ScoreSheetService,
    FinalizeService,
    ReviewQueryService,
    ReviewExportService,
    ReviewResolver,
    AssignmentQueryService,
    AssignmentResolver,
    MyResultsService,
    MyResultsResolver,
  ],
  exports: [RubricService, FinalizeService, ReviewExportService],
})
export class ReviewsModule {}
