import 'reflect-metadata';
import { AppConfig } from '@ducha/config';
import { connectionOptions } from '@ducha/database';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../../../migrations/index.js';

/** `npm run migration:run`: the only way server mode migrates (compose runs it as the one-shot `migrate` service). */
async function main(): Promise<void> {
  const config = new AppConfig();
  if (config.isEmbedded) {
    process.stdout.write('Embedded mode migrates at start (npm start); nothing to do. Set DATABASE_URL to migrate a server.\n');
    return;
  }
  const dataSource = new DataSource(
    connectionOptions({ url: config.databaseUrl!, embedded: false, migrations: MIGRATIONS, runMigrations: false, poolSize: 2 }),
  );
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    process.stdout.write(
      applied.length ? `Applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}\n` : 'Database is up to date.\n',
    );
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`Migration failed: ${error.message}\n`);
  process.exit(1);
});
