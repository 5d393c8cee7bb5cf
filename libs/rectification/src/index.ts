import './rectification.enums.js';

export { RectificationModule } from './rectification.module.js';
export { FindingService } from './finding.service.js';
export { FindingEntity } from './finding.entity.js';
export { FileStore, readZipEntry, type SniffedType, type StoredFile } from './file-store.js';
export {
  NotificationService,
  LogNotificationChannel,
  NOTIFICATION_CHANNELS,
  type NotificationChannel,
  type NotificationDraft,
} from './services/notification.service.js';
export { EscalationService, latestDueDeadline, type SweepReport } from './services/escalation.service.js';
export { RectificationIssueService } from './services/rectification-issue.service.js';
export { LedgerService, type LedgerFilter } from './services/ledger.service.js';
export { RectificationExportService, type ExportProgress } from './services/rectification-export.service.js';
export { parseLedgerQuery } from './http/ledger-query.js';
export { RectificationTaskEntity } from './entities/rectification-task.entity.js';
export { TaskState, EscalationStep, WarningLevel, NotificationKind, OPEN_STATES } from './rectification.enums.js';
export { seedRectificationDemo, type DemoRectificationOptions } from './seed/demo-tasks.js';
