import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CaseFileImportController } from './case-file-import.controller.js';
import { CaseFileImportJobs } from './case-file-import.job.js';
import { CaseFileImportService } from './case-file-import.service.js';
import { CaseFileEntity } from './case-file.entity.js';
import { CaseFileResolver } from './case-file.resolver.js';
import { CaseFileService } from './case-file.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([CaseFileEntity])],
  controllers: [CaseFileImportController],
  providers: [CaseFileService, CaseFileImportService, CaseFileImportJobs, CaseFileResolver],
  exports: [CaseFileService, CaseFileImportService],
})
export class CasesModule {}
