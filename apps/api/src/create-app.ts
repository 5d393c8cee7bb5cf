import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { JsonLogger } from '@ducha/common';
import { AppConfig } from '@ducha/config';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppModule } from './app.module.js';

/** Paths the single-page dashboard must never shadow. */
const SERVER_PATHS = /^\/(graphql|health|metrics|socket\.io|imports|files|exports)(\/|$)/;

/** Builds the api application (also used by the e2e tests, which then call `init()` instead of `listen()`). */
export async function createApp(config: AppConfig, logger = new JsonLogger(config.logLevel)): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, logger), { logger, bodyParser: false });
  app.useBodyParser('json', { limit: config.maxBodyBytes });
  app.useBodyParser('urlencoded', { limit: config.maxBodyBytes, extended: false });
  app.disable('x-powered-by');
  const dashboard = resolve('dist/dashboard');
  if (config.serveDashboard && existsSync(join(dashboard, 'index.html'))) {
    app.useStaticAssets(dashboard, { index: false, maxAge: '1h' });
    app.use((req: { method: string; path: string }, res: { sendFile(p: string): void }, next: () => void) => {
      if (req.method === 'GET' && !SERVER_PATHS.test(req.path)) res.sendFile(join(dashboard, 'index.html'));
      else next();
    });
  }
  return app;
}
