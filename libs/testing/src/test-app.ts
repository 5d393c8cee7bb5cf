import type { INestApplication } from '@nestjs/common';
import { AppConfig } from '@ducha/config';
import { JsonLogger } from '@ducha/common';
import { connectionOptions } from '@ducha/database';
import { cpSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import pg from 'pg';

export type TestMode = 'embedded' | 'server';

/** Which mode this test run exercises: `TEST_MODE=server` runs the same suites on PostgreSQL and Redis. */
export function testMode(): TestMode {
  return process.env.TEST_MODE === 'server' ? 'server' : 'embedded';
}

const ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface TestEnvironment {
  env: Record<string, string>;
  /** Drops the database or removes the data directory. */
  cleanup(): Promise<void>;
}

/**
 * A fresh, migrated environment for one test file. Server mode: a new PostgreSQL database,
 * migrated the way `npm run migration:run` does it, and a Redis key prefix of its own. Embedded
 * mode: a new data directory (the api migrates it at start, as `npm start` does).
 */
export async function createTestEnvironment(migrations: Function[], extra: Record<string, string> = {}): Promise<TestEnvironment> {
  const id = randomBytes(5).toString('hex');
  const base = { NODE_ENV: 'test', LOG_LEVEL: 'warn', SEED_DEMO: 'false', SERVE_DASHBOARD: 'false', LOGIN_LOCK_SECONDS: '2', ...extra };
  if (testMode() === 'server') {
    const database = `ducha_test_${id}`;
    await adminQuery(`CREATE DATABASE ${database}`);
    const url = new URL(ADMIN_URL);
    url.pathname = `/${database}`;
    await migrate(url.toString(), migrations);
    return {
      env: {
        ...base,
        DATABASE_URL: url.toString(),
        REDIS_URL,
        QUEUE_PREFIX: `test-${id}`,
        DATA_DIR: mkdtempSync(join(tmpdir(), 'ducha-srv-')),
      },
      cleanup: async () => {
        await adminQuery(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'ducha-emb-'));
  copyTemplate(dir, await preparePgliteTemplate(migrations));
  return { env: { ...base, DATA_DIR: dir }, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function migrate(url: string, migrations: Function[]): Promise<void> {
  const dataSource = new DataSource(connectionOptions({ url, embedded: false, migrations, runMigrations: false }));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}

/**
 * A fresh PGlite data directory costs seconds of initdb; copying an initialised, unmigrated one
 * made once per machine costs milliseconds. The api then migrates the copy at start as usual.
 */
function copyTemplate(target: string, template: string): void {
  if (existsSync(join(template, 'pg', 'PG_VERSION'))) {
    cpSync(template, target, { recursive: true });
    rmSync(join(target, 'ducha.lock'), { force: true });
    rmSync(join(target, 'queue', 'queue.lock'), { force: true });
  }
}

/** Creates the PGlite template (both data directories, initialised and migrated) once, atomically. */
export async function preparePgliteTemplate(migrations: Function[]): Promise<string> {
  // Keyed by the migrations' code, so a changed or added migration gets a fresh template.
  const key = createHash('sha256')
    .update(migrations.map((m) => `${m.name}:${m.prototype.up.toString()}`).join('|'))
    .digest('hex')
    .slice(0, 16);
  const dir = join(tmpdir(), `ducha-pglite-template-${key}`);
  if (existsSync(join(dir, 'pg', 'PG_VERSION'))) return dir;
  const building = mkdtempSync(join(tmpdir(), 'ducha-tpl-'));
  const { EmbeddedDatabase } = await import('@ducha/database');
  const { EmbeddedQueueStore } = await import('@ducha/queue');
  const database = await EmbeddedDatabase.start(building);
  try {
    await migrate(database.url, migrations);
  } finally {
    await database.stop();
  }
  const queue = await EmbeddedQueueStore.open(building);
  await queue.close();
  // The template only ever appears whole, by this rename. Never remove it here: another worker may
  // have renamed its own copy into place a moment ago and a third may be copying it right now.
  try {
    renameSync(building, dir);
  } catch {
    rmSync(building, { recursive: true, force: true }); // another worker won the race
  }
  return dir;
}

export function testConfig(env: Record<string, string>): AppConfig {
  return new AppConfig(env);
}

export function quietLogger(): JsonLogger {
  return new JsonLogger('error');
}

export type { INestApplication };
