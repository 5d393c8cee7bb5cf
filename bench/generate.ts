// Builds the province-scale data set into DATABASE_URL: migrations, then the organisation (5,000
// departments), then every module of bench/generate/index.ts in order (one line each): case files,
// their review results, three-systems checks and rates, rectification tasks.
// Run: `npm run build:server && DATABASE_URL=postgres://postgres@127.0.0.1:5432/<db> npx tsx bench/generate.ts [seed=1] [caseFiles=1000000]`
// Deterministic: the same seed and the same BENCH_TODAY (default: today in Asia/Shanghai) give the same rows.
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { GENERATOR_MODULES, generateOrg, PROVINCE_SCALE, type GeneratorContext } from './generate/index.js';

const dist = (p: string) => resolve(import.meta.dirname, '../dist', p);

/** Runs the migrations with the built code (the same as `npm run migration:run`). */
export async function migrate(url: string): Promise<void> {
  const { MIGRATIONS } = await import(dist('migrations/index.js'));
  const { connectionOptions } = await import(dist('libs/database/src/index.js'));
  const { DataSource } = await import('typeorm');
  const migrator = new DataSource(connectionOptions({ url, embedded: false, migrations: MIGRATIONS, runMigrations: false }));
  await migrator.initialize();
  await migrator.runMigrations({ transaction: 'each' });
  await migrator.destroy();
}

/**
 * Generates the province into an empty, migrated database; returns the context the modules saw.
 * Dates are laid out before `today` (by default today in Asia/Shanghai, or BENCH_TODAY=YYYY-MM-DD):
 * the same seed and the same `today` give the same data.
 */
export async function generateProvince(
  client: pg.Client,
  seed: string,
  caseFiles = PROVINCE_SCALE.caseFiles,
  log = console.log,
  today = process.env.BENCH_TODAY ?? new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10),
): Promise<GeneratorContext> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error(`BENCH_TODAY must be a date YYYY-MM-DD, got ${today}`);
  const { hashPassword } = await import(dist('libs/common/src/index.js'));
  const scale = { ...PROVINCE_SCALE, caseFiles, reviewedFiles: Math.min(caseFiles, PROVINCE_SCALE.reviewedFiles) };
  let started = performance.now();
  const org = await generateOrg(client, seed, scale, await hashPassword('Ducha@2026'));
  log(`organisation: ${org.departmentIds.length} departments in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const ctx: GeneratorContext = { client, seed, today, scale, ...org };
  for (const module of GENERATOR_MODULES) {
    started = performance.now();
    const summary = await module.run(ctx);
    log(`${module.name}: ${summary} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  // What autovacuum would have done on a live database (visibility map for index-only scans).
  await client.query('VACUUM ANALYZE');
  return ctx;
}

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('Set DATABASE_URL to the (empty) database to fill');
  await migrate(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await generateProvince(client, process.argv[2] ?? '1', Number(process.argv[3] ?? PROVINCE_SCALE.caseFiles));
  } finally {
    await client.end();
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('bench/generate.ts')) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
