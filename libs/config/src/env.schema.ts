/**
 * Every environment variable ducha reads, with its parser. `.env.example` documents the same list;
 * a unit test keeps the two in step.
 */
export type RunMode = 'embedded' | 'server';

export interface Env {
  NODE_ENV: 'development' | 'production' | 'test';
  HOST: string;
  PORT: number;
  DATA_DIR: string;
  DATABASE_URL: string | undefined;
  REDIS_URL: string | undefined;
  FILES_DIR: string | undefined;
  JWT_SECRET: string | undefined;
  ACCESS_TOKEN_TTL_SECONDS: number;
  REFRESH_TOKEN_TTL_SECONDS: number;
  LOGIN_MAX_FAILURES: number;
  LOGIN_LOCK_SECONDS: number;
  LOG_LEVEL: 'debug' | 'info' | 'warn' | 'error';
  SEED_DEMO: boolean;
  RUN_WORKERS: boolean | undefined;
  RUN_RELAY: boolean | undefined;
  SERVE_DASHBOARD: boolean;
  MAX_BODY_BYTES: number;
  MAX_UPLOAD_BYTES: number;
  GRAPHQL_MAX_DEPTH: number;
  GRAPHQL_MAX_COST: number;
  SHUTDOWN_TIMEOUT_MS: number;
  QUEUE_PREFIX: string;
}

export type Parser<T> = (raw: string | undefined) => T;

export class EnvError extends Error {}

const fail = (reason: string): never => {
  throw new EnvError(reason);
};

export const str =
  (fallback?: string): Parser<string> =>
  (raw) =>
    raw !== undefined && raw !== '' ? raw : (fallback ?? fail('is required'));

export const optionalStr: Parser<string | undefined> = (raw) => (raw === undefined || raw === '' ? undefined : raw);

export const int =
  (fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): Parser<number> =>
  (raw) => {
    if (raw === undefined || raw === '') return fallback;
    if (!/^\d+$/.test(raw)) return fail(`must be a whole number, got "${raw}"`);
    const value = Number(raw);
    return value < min || value > max ? fail(`must be between ${min} and ${max}, got ${value}`) : value;
  };

export const bool =
  (fallback: boolean): Parser<boolean> =>
  (raw) =>
    optionalBool(raw) ?? fallback;

export const optionalBool: Parser<boolean | undefined> = (raw) => {
  if (raw === undefined || raw === '') return undefined;
  if (['true', '1', 'yes'].includes(raw.toLowerCase())) return true;
  if (['false', '0', 'no'].includes(raw.toLowerCase())) return false;
  return fail(`must be true or false, got "${raw}"`);
};

export const oneOf =
  <T extends string>(values: readonly T[], fallback: T): Parser<T> =>
  (raw) => {
    if (raw === undefined || raw === '') return fallback;
    return (values as readonly string[]).includes(raw) ? (raw as T) : fail(`must be one of ${values.join(', ')}, got "${raw}"`);
  };

export const url =
  (protocols: readonly string[]): Parser<string | undefined> =>
  (raw) => {
    if (raw === undefined || raw === '') return undefined;
    let parsed: URL;
    try {
      parsed = new URL(raw);
    } catch {
      return fail('must be a URL');
    }
    return protocols.includes(parsed.protocol) ? raw : fail(`must start with ${protocols.join(' or ')}`);
  };

export const ENV_SCHEMA: { [K in keyof Env]: Parser<Env[K]> } = {
  NODE_ENV: oneOf(['development', 'production', 'test'] as const, 'development'),
  HOST: str('0.0.0.0'),
  PORT: int(3000, 0, 65535),
  DATA_DIR: str('./data'),
  DATABASE_URL: url(['postgres:', 'postgresql:']),
  REDIS_URL: url(['redis:', 'rediss:']),
  FILES_DIR: optionalStr,
  JWT_SECRET: (raw) => {
    const value = optionalStr(raw);
    return value !== undefined && value.length < 32 ? fail('must be at least 32 characters') : value;
  },
  ACCESS_TOKEN_TTL_SECONDS: int(900, 10, 86400),
  REFRESH_TOKEN_TTL_SECONDS: int(14 * 86400, 60, 365 * 86400),
  LOGIN_MAX_FAILURES: int(5, 1, 100),
  LOGIN_LOCK_SECONDS: int(900, 1, 86400),
  LOG_LEVEL: oneOf(['debug', 'info', 'warn', 'error'] as const, 'info'),
  SEED_DEMO: bool(true),
  RUN_WORKERS: optionalBool,
  RUN_RELAY: optionalBool,
  SERVE_DASHBOARD: bool(true),
  MAX_BODY_BYTES: int(1024 * 1024, 1024, 100 * 1024 * 1024),
  MAX_UPLOAD_BYTES: int(20 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
  GRAPHQL_MAX_DEPTH: int(10, 2, 50),
  GRAPHQL_MAX_COST: int(5000, 10, 1_000_000),
  SHUTDOWN_TIMEOUT_MS: int(15000, 0, 600000),
  QUEUE_PREFIX: (raw) =>
    raw === undefined || raw === '' ? 'ducha' : /^[a-z0-9_-]{1,40}$/i.test(raw) ? raw : fail('must be 1-40 letters, digits, - or _'),
};

/** Parses every variable; collects all problems so one boot names every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const problems: string[] = [];
  const parsed: Partial<Record<keyof Env, unknown>> = {};
  for (const key of Object.keys(ENV_SCHEMA) as (keyof Env)[]) {
    try {
      parsed[key] = ENV_SCHEMA[key](source[key]);
    } catch (error) {
      if (!(error instanceof EnvError)) throw error;
      problems.push(`${key} ${error.message}`);
    }
  }
  if (source.DATABASE_URL && !source.REDIS_URL) {
    problems.push('REDIS_URL is required in server mode (DATABASE_URL is set)');
  }
  if (!source.DATABASE_URL && source.REDIS_URL) {
    problems.push('DATABASE_URL is required when REDIS_URL is set (server mode needs both)');
  }
  if (source.NODE_ENV === 'production' && source.DATABASE_URL && !source.JWT_SECRET) {
    problems.push('JWT_SECRET is required in server mode in production');
  }
  if (problems.length > 0) {
    throw new EnvError(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
  return parsed as Env;
}
