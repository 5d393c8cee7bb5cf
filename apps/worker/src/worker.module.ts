import { Module, type DynamicModule } from '@nestjs/common';
import { AssessmentModule } from '@ducha/assessment';
import { AuditModule } from '@ducha/audit';
import { CalendarModule } from '@ducha/calendar';
import { CasesModule } from '@ducha/cases';
import { CockpitModule } from '@ducha/cockpit';
import { JsonLogger } from '@ducha/common';
import { ComplianceModule } from '@ducha/compliance';
import { AppConfig, ConfigModule } from '@ducha/config';
import { DatabaseModule } from '@ducha/database';
import { ExportsModule } from '@ducha/exports';
import { OrgModule } from '@ducha/org';
import { QueueModule, QueueWorkersModule } from '@ducha/queue';
import { RealtimeModule } from '@ducha/realtime';
import { RectificationModule } from '@ducha/rectification';
import { ReviewsModule } from '@ducha/reviews';
import { MIGRATIONS } from '../../../migrations/index.js';

/** Feature modules whose job handlers (and, for the cockpit, the relay's projector) this process runs. */
const JOB_FEATURES = [
  OrgModule,
  RectificationModule,
  CasesModule,
  ReviewsModule,
  ComplianceModule,
  AssessmentModule,
  CockpitModule,
  ExportsModule,
];

/** The worker: the same libs as the api without HTTP, running the job processors and (server mode) the outbox relay. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, logger: JsonLogger): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(MIGRATIONS),
        QueueModule,
        RealtimeModule,
        AuditModule,
        CalendarModule,
        ...JOB_FEATURES,
        ...(config.runWorkers ? [QueueWorkersModule] : []),
      ],
      providers: [{ provide: JsonLogger, useValue: logger }],
    };
  }
}
