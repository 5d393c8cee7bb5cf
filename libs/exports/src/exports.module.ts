import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AssessmentModule } from '@ducha/assessment';
import { ComplianceModule } from '@ducha/compliance';
import { OrgModule } from '@ducha/org';
import { ReviewsModule } from '@ducha/reviews';
import { ExportBuilders } from './export-builders.js';
import { ExportFileController } from './export-file.controller.js';
import { ExportFileEntity } from './export-file.entity.js';
import { ExportFileJob } from './export-file.job.js';
import { ExportFileResolver } from './export-file.resolver.js';
import { ExportFileService } from './export-file.service.js';

/** Exports as jobs. Rectification's export service comes from its global module. */
@Module({
  imports: [OrgModule, ReviewsModule, ComplianceModule, AssessmentModule, TypeOrmModule.forFeature([ExportFileEntity])],
  controllers: [ExportFileController],
  providers: [ExportBuilders, ExportFileService, ExportFileJob, ExportFileResolver],
})
export class ExportsModule {}
