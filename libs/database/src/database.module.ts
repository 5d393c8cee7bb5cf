import { Global, Injectable, Logger, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@ducha/config';
import { DataSource, type MixedList } from 'typeorm';
import { connectionOptions } from './connection-options.js';
import { EmbeddedDatabase } from './embedded-database.js';
import { TransactionRunner } from './transaction-runner.js';

export const MIGRATIONS = Symbol('MIGRATIONS');

/** Starts (embedded mode) and stops the PGlite server around the TypeORM connection. */
@Injectable()
export class EmbeddedDatabaseHolder implements OnApplicationShutdown {
  private readonly logger = new Logger('Database');
  database: EmbeddedDatabase | undefined;

  constructor(
    private readonly config: AppConfig,
    private readonly moduleRef: ModuleRef,
  ) {}

  async url(): Promise<string> {
    if (!this.config.isEmbedded) return this.config.databaseUrl!;
    if (!this.database) {
      this.database = await EmbeddedDatabase.start(this.config.dataDir);
      this.logger.log(`Embedded PostgreSQL (PGlite) on 127.0.0.1:${this.database.port}, data in ${this.config.dataDir}`);
    }
    return this.database.url;
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.database) return;
    const dataSource = this.moduleRef.get(DataSource, { strict: false });
    if (dataSource.isInitialized) await dataSource.destroy();
    await this.database.stop();
    this.database = undefined;
  }
}

@Global()
@Module({})
export class DatabaseModule {
  /** `migrations` come from the app (the top-level migrations/ folder), so libs never import it. */
  static forRoot(migrations: MixedList<Function>): DynamicModule {
    const holderModule: DynamicModule = {
      module: class EmbeddedHolderModule {},
      providers: [EmbeddedDatabaseHolder, { provide: MIGRATIONS, useValue: migrations }],
      exports: [EmbeddedDatabaseHolder, MIGRATIONS],
    };
    return {
      module: DatabaseModule,
      imports: [
        holderModule,
        TypeOrmModule.forRootAsync({
          imports: [holderModule],
          inject: [AppConfig, EmbeddedDatabaseHolder, MIGRATIONS],
          useFactory: async (config: AppConfig, holder: EmbeddedDatabaseHolder, all: MixedList<Function>) => ({
            ...connectionOptions({
              url: await holder.url(),
              embedded: config.isEmbedded,
              migrations: all,
              // Server mode migrates only through `npm run migration:run`, never implicitly.
              runMigrations: config.isEmbedded,
            }),
            autoLoadEntities: true,
          }),
          // Server mode never migrates implicitly: on an unmigrated database the process stops
          // here, before anything queries, saying what to run.
          dataSourceFactory: async (options) => {
            const dataSource = await new DataSource(options!).initialize();
            if (!options!.migrationsRun && (await dataSource.showMigrations())) {
              await dataSource.destroy();
              throw new Error('The database has pending migrations: run `npm run migration:run` (compose: the migrate service) first');
            }
            return dataSource;
          },
        }),
      ],
      providers: [TransactionRunner],
      exports: [TransactionRunner, holderModule],
    };
  }
}
