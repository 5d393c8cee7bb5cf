import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseEnv, type Env, type RunMode } from './env.schema.js';

/**
 * The only reader of `process.env`. Built once at boot (fails fast naming every bad variable);
 * everything else asks it through typed getters.
 */
@Injectable()
export class AppConfig {
  private readonly env: Env;
  private cachedSecret: string | undefined;

  constructor(source: Record<string, string | undefined> = process.env) {
    this.env = parseEnv(source);
  }

  get mode(): RunMode {
    return this.env.DATABASE_URL ? 'server' : 'embedded';
  }
  get isEmbedded(): boolean {
    return this.mode === 'embedded';
  }
  get nodeEnv(): Env['NODE_ENV'] {
    return this.env.NODE_ENV;
  }
  get host(): string {
    return this.env.HOST;
  }
  get port(): number {
    return this.env.PORT;
  }
  get dataDir(): string {
    return resolve(this.env.DATA_DIR);
  }
  get databaseUrl(): string | undefined {
    return this.env.DATABASE_URL;
  }
  get redisUrl(): string | undefined {
    return this.env.REDIS_URL;
  }
  get filesDir(): string {
    return resolve(this.env.FILES_DIR ?? join(this.dataDir, 'files'));
  }
  get accessTokenTtlSeconds(): number {
    return this.env.ACCESS_TOKEN_TTL_SECONDS;
  }
  get refreshTokenTtlSeconds(): number {
    return this.env.REFRESH_TOKEN_TTL_SECONDS;
  }
  get loginMaxFailures(): number {
    return this.env.LOGIN_MAX_FAILURES;
  }
  get loginLockSeconds(): number {
    return this.env.LOGIN_LOCK_SECONDS;
  }
  get logLevel(): Env['LOG_LEVEL'] {
    return this.env.LOG_LEVEL;
  }
  get seedDemo(): boolean {
    return this.env.SEED_DEMO;
  }
  /** Embedded mode runs the job processors inside the api; server mode leaves them to apps/worker. */
  get runWorkers(): boolean {
    return this.env.RUN_WORKERS ?? this.isEmbedded;
  }
  /** The outbox relay: inside the api when embedded, in the worker in server mode. */
  get runRelay(): boolean {
    return this.env.RUN_RELAY ?? this.isEmbedded;
  }
  get serveDashboard(): boolean {
    return this.env.SERVE_DASHBOARD;
  }
  get maxBodyBytes(): number {
    return this.env.MAX_BODY_BYTES;
  }
  get maxUploadBytes(): number {
    return this.env.MAX_UPLOAD_BYTES;
  }
  get graphqlMaxDepth(): number {
    return this.env.GRAPHQL_MAX_DEPTH;
  }
  get graphqlMaxCost(): number {
    return this.env.GRAPHQL_MAX_COST;
  }
  /** Namespaces the Redis keys of the queues, so two deployments (or test runs) can share one Redis. */
  get queuePrefix(): string {
    return this.env.QUEUE_PREFIX;
  }
  get shutdownTimeoutMs(): number {
    return this.env.SHUTDOWN_TIMEOUT_MS;
  }

  /**
   * The token signing secret. Embedded mode with no JWT_SECRET keeps a random one in the data
   * directory, so tokens survive restarts without the user configuring anything.
   */
  get jwtSecret(): string {
    if (this.env.JWT_SECRET) return this.env.JWT_SECRET;
    if (this.cachedSecret) return this.cachedSecret;
    const file = join(this.dataDir, 'jwt-secret');
    if (!existsSync(file)) {
      mkdirSync(this.dataDir, { recursive: true });
      writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' });
    }
    this.cachedSecret = readFileSync(file, 'utf8').trim();
    return this.cachedSecret;
  }
}
