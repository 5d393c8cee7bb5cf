import { connectionOptions, EmbeddedDatabase } from '@ducha/database';
import { DataSource, type MixedList } from 'typeorm';
import { createTestEnvironment, testMode } from './test-app.js';

export interface TestDataSource {
  dataSource: DataSource;
  close(): Promise<void>;
}

/** A migrated database of the current TEST_MODE with a TypeORM connection, for integration tests. */
export async function openTestDataSource(migrations: Function[], entities: MixedList<Function>): Promise<TestDataSource> {
  const environment = await createTestEnvironment(migrations);
  const embedded = testMode() === 'embedded' ? await EmbeddedDatabase.start(environment.env.DATA_DIR) : undefined;
  const url = embedded ? embedded.url : environment.env.DATABASE_URL;
  const dataSource = new DataSource({
    ...connectionOptions({ url, embedded: Boolean(embedded), migrations, runMigrations: Boolean(embedded) }),
    entities,
  });
  await dataSource.initialize();
  if (embedded) await dataSource.runMigrations({ transaction: 'each' });
  return {
    dataSource,
    async close() {
      await dataSource.destroy();
      await embedded?.stop();
      await environment.cleanup();
    },
  };
}
