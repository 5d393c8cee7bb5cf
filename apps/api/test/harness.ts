import type { NestExpressApplication } from '@nestjs/platform-express';
import { createTestEnvironment, gqlClient, quietLogger, testConfig, type GqlClient, type TestEnvironment } from '@ducha/testing';
import { MIGRATIONS } from '../../../migrations/index.js';
import { createApp } from '../src/create-app.js';
import { DemoSeeder } from '../src/seed/demo-seeder.js';

export interface TestApp {
  app: NestExpressApplication;
  gql: GqlClient;
  environment: TestEnvironment;
  /** Signs in a demo user (password Ducha@2026) and returns the access token. */
  token(username: string): Promise<string>;
  close(): Promise<void>;
}

/** Boots the whole api on a fresh environment of the current TEST_MODE, with the demo district seeded. */
export async function startTestApp(extraEnv: Record<string, string> = {}, options: { seed?: boolean } = {}): Promise<TestApp> {
  const environment = await createTestEnvironment(MIGRATIONS, extraEnv);
  const app = await createApp(testConfig(environment.env), quietLogger());
  await app.init();
  if (options.seed !== false) await app.get(DemoSeeder).seedIfEmpty();
  const gql = gqlClient(app.getHttpServer());
  const tokens = new Map<string, string>();
  return {
    app,
    gql,
    environment,
    async token(username: string) {
      if (!tokens.has(username)) tokens.set(username, (await gql.login(username, 'Ducha@2026')).accessToken);
      return tokens.get(username)!;
    },
    async close() {
      await app.close();
      await environment.cleanup();
    },
  };
}
