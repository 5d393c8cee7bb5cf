import { readFileSync } from 'node:fs';
import { AppConfig } from './app-config.js';
import { ENV_SCHEMA, EnvError, parseEnv } from './env.schema.js';

describe(AppConfig.name, () => {
  it('should run embedded mode when nothing is set', () => {
    const config = new AppConfig({});
    expect(config.mode).toBe('embedded');
    expect(config.port).toBe(3000);
    expect(config.runWorkers).toBe(true);
    expect(config.runRelay).toBe(true);
  });

  it('should run server mode with DATABASE_URL and REDIS_URL, leaving jobs to the worker', () => {
    const config = new AppConfig({ DATABASE_URL: 'postgres://u@db:5432/ducha', REDIS_URL: 'redis://r:6379' });
    expect(config.mode).toBe('server');
    expect(config.runWorkers).toBe(false);
  });

  it('should name every bad variable at once', () => {
    expect(() => parseEnv({ PORT: 'eighty', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x' })).toThrow(EnvError);
    try {
      parseEnv({ PORT: 'eighty', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x' });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toMatch(/PORT must be a whole number/);
      expect(message).toMatch(/LOG_LEVEL must be one of/);
      expect(message).toMatch(/DATABASE_URL must start with postgres:/);
    }
  });

  it('should refuse server mode without REDIS_URL, and a short JWT secret', () => {
    expect(() => parseEnv({ DATABASE_URL: 'postgres://u@db/ducha' })).toThrow(/REDIS_URL is required in server mode/);
    expect(() => parseEnv({ JWT_SECRET: 'short' })).toThrow(/JWT_SECRET must be at least 32 characters/);
  });

  it('should document every variable in .env.example and nothing else', () => {
    const example = readFileSync('.env.example', 'utf8');
    const documented = [...example.matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]).sort();
    expect(documented).toEqual(Object.keys(ENV_SCHEMA).sort());
  });
});
