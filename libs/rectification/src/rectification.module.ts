import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrgModule } from '@ducha/org';
import {
  EscalationEntity,
  EvidenceFileEntity,
  ExtensionEntity,
  NotificationEntity,
  ReportEntity,
  DeadlineRuleEntity,
  LadderStepEntity,
  RootCauseEntity,
} from './entities/rectification-records.entity.js';
import {
  RectificationTaskEntity,
  TaskCounterEntity,
  TaskDeadlineEntity,
  TaskDepartmentEntity,
} from './entities/rectification-task.entity.js';
import { FileStore } from './file-store.js';
import { FindingEntity } from './finding.entity.js';
import { FindingResolver } from './finding.resolver.js';
import { FindingService } from './finding.service.js';
import { RectificationFilesController } from './http/rectification-files.controller.js';
import { SingleUploadInterceptor } from './http/upload.interceptor.js';
import { NotificationResolver } from './notification.resolver.js';
import { RectificationResolver } from './rectification.resolver.js';
import { EscalationService } from './services/escalation.service.js';
import { EvidenceService } from './services/evidence.service.js';
import { FindingInboxService } from './services/finding-inbox.service.js';
import { LedgerService } from './services/ledger.service.js';
import { LogNotificationChannel, NOTIFICATION_CHANNELS, NotificationService } from './services/notification.service.js';
import { RectificationExportService } from './services/rectification-export.service.js';
import { RectificationFlowService } from './services/rectification-flow.service.js';
import { RectificationIssueService } from './services/rectification-issue.service.js';
import { RectificationOversightService } from './services/rectification-oversight.service.js';
import { RectificationSettingsService } from './services/rectification-settings.service.js';
import { TaskQueryService } from './services/task-query.service.js';
import { TaskRecorder } from './services/task-recorder.js';

@Global()
@Module({
  imports: [
    OrgModule,
    TypeOrmModule.forFeature([
      FindingEntity,
      RectificationTaskEntity,
      TaskDepartmentEntity,
      TaskDeadlineEntity,
      TaskCounterEntity,
      ExtensionEntity,
      EvidenceFileEntity,
      ReportEntity,
      EscalationEntity,
      NotificationEntity,
      RootCauseEntity,
      DeadlineRuleEntity,
      LadderStepEntity,
    ]),
  ],
  controllers: [RectificationFilesController],
  providers: [
    FindingService,
    FileStore,
    { provide: NOTIFICATION_CHANNELS, useValue: [new LogNotificationChannel()] },
    NotificationService,
    TaskRecorder,
    RectificationSettingsService,
    FindingInboxService,
    TaskQueryService,
    RectificationIssueService,
    RectificationFlowService,
    RectificationOversightService,
    EvidenceService,
    LedgerService,
    RectificationExportService,
    EscalationService,
    SingleUploadInterceptor,
    FindingResolver,
    RectificationResolver,
    NotificationResolver,
  ],
  exports: [
    FindingService,
    FileStore,
    NotificationService,
    RectificationIssueService,
    EscalationService,
    LedgerService,
    RectificationExportService,
  ],
})
export class RectificationModule {}
