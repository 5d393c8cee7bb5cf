import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { AuditModule } from '@ducha/audit';
import { AuthModule } from '@ducha/auth';
import { CasesModule } from '@ducha/cases';
import { CalendarModule } from '@ducha/calendar';
import { CockpitModule } from '@ducha/cockpit';
import { AssessmentModule } from '@ducha/assessment';
import { ComplianceModule } from '@ducha/compliance';
import { JsonLogger } from '@ducha/common';
import { AppConfig, ConfigModule } from '@ducha/config';
import { DatabaseModule } from '@ducha/database';
import { ExportsModule } from '@ducha/exports';
import { OrgModule } from '@ducha/org';
import { QueueModule, QueueWorkersModule } from '@ducha/queue';
import { RealtimeModule } from '@ducha/realtime';
import { ReviewsModule } from '@ducha/reviews';
import { RectificationModule } from '@ducha/rectification';
import { MIGRATIONS } from '../../../migrations/index.js';
import { AuditResolver } from './audit/audit.resolver.js';
import { graphqlOptions } from './graphql/graphql.options.js';
import { AllExceptionsFilter } from './ops/http-exception.filter.js';
import { HttpContextMiddleware } from './ops/http-context.middleware.js';
import { OpsController } from './ops/ops.controller.js';
import { RealtimeGatewayModule } from './realtime/realtime.gateway.js';
import { DemoSeeder } from './seed/demo-seeder.js';
import { createValidationPipe } from './validation.js';

/** Feature modules served by the api; each capability adds its module here (one line each). */
const FEATURES = [
  OrgModule,
  AuthModule,
  RectificationModule,
  RealtimeGatewayModule,
  CockpitModule,
  CasesModule,
  ReviewsModule,
  ComplianceModule,
  AssessmentModule,
  ExportsModule,
];

@Module({})
export class AppModule implements NestModule {
  static forRoot(config: AppConfig, logger: JsonLogger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(MIGRATIONS),
        QueueModule,
        RealtimeModule,
        AuditModule,
        CalendarModule,
        ...FEATURES,
        GraphQLModule.forRoot<ApolloDriverConfig>({ ...graphqlOptions(config, logger), driver: ApolloDriver }),
        // Embedded mode has one process: it runs the job processors too.
        ...(config.runWorkers ? [QueueWorkersModule] : []),
      ],
      controllers: [OpsController],
      providers: [
        { provide: JsonLogger, useValue: logger },
        { provide: APP_FILTER, useFactory: () => new AllExceptionsFilter(logger) },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        AuditResolver,
        DemoSeeder,
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpContextMiddleware).forRoutes('*path');
  }
}
