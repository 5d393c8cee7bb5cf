import './pg-types.js';
import type { DataSourceOptions, MixedList } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

export interface ConnectionInput {
  url: string;
  embedded: boolean;
  migrations: MixedList<Function>;
  entities?: MixedList<Function>;
  runMigrations: boolean;
  /** Pool size for server mode; embedded mode always uses one (pglite-socket mixes up concurrent connections). */
  poolSize?: number;
}

/** The one place that knows how each mode connects; everything above it is identical. */
export function connectionOptions(input: ConnectionInput): DataSourceOptions {
  return {
    type: 'postgres',
    url: input.url,
    entities: input.entities ?? [],
    migrations: input.migrations,
    migrationsRun: input.runMigrations,
    migrationsTransactionMode: 'each',
    synchronize: false,
    installExtensions: false,
    namingStrategy: new SnakeNamingStrategy(),
    extra: {
      max: input.embedded ? 1 : (input.poolSize ?? 20),
      // An idle embedded connection is free to keep; a server pool recycles.
      idleTimeoutMillis: input.embedded ? 0 : 30_000,
      options: '-c timezone=UTC',
    },
    logging: ['error'],
  };
}
