import 'reflect-metadata';
import { AuditSealer, verifyAuditChain } from '@ducha/audit';
import { AppConfig } from '@ducha/config';
import { connectionOptions, EmbeddedDatabase } from '@ducha/database';
import { DataSource } from 'typeorm';
import { AuditEntryEntity } from '@ducha/audit';
import { MIGRATIONS } from '../../../../migrations/index.js';

/**
 * `npm run audit:verify`: seals what is pending, then walks the hash chain and names the first
 * entry that was edited, deleted, inserted or reordered. Exit code 0 when intact, 2 when broken.
 * In embedded mode the product must be stopped (the data directory is locked while it runs).
 */
async function main(): Promise<number> {
  const config = new AppConfig();
  const embedded = config.isEmbedded ? await EmbeddedDatabase.start(config.dataDir) : undefined;
  const url = embedded ? embedded.url : config.databaseUrl!;
  const dataSource = new DataSource({
    ...connectionOptions({ url, embedded: Boolean(embedded), migrations: MIGRATIONS, runMigrations: false }),
    entities: [AuditEntryEntity],
  });
  await dataSource.initialize();
  try {
    const sealed = await new AuditSealer(dataSource).sealPending();
    const result = await verifyAuditChain(dataSource);
    if (result.ok) {
      process.stdout.write(
        `Audit chain intact: ${result.checked} entries verified (${sealed} sealed just now, ${result.unsealed} still unsealed).\n`,
      );
      return 0;
    }
    const b = result.firstBreak!;
    process.stdout.write(
      `Audit chain BROKEN at entry ${b.entryId} (chain position ${b.chainSeq}): ${b.reason}. ${result.checked} entries before it verified.\n`,
    );
    return 2;
  } finally {
    await dataSource.destroy();
    await embedded?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(`Audit verification failed to run: ${error.message}\n`);
    process.exit(1);
  },
);
