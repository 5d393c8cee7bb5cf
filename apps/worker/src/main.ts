import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { JsonLogger } from '@ducha/common';
import { AppConfig } from '@ducha/config';
import { RelayService } from '@ducha/realtime';
import { WorkerModule } from './worker.module.js';

/** A worker runs the job processors and stands for the relay unless told otherwise (RUN_WORKERS, RUN_RELAY). */
export function workerConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  return new AppConfig({ RUN_WORKERS: 'true', RUN_RELAY: 'true', ...env });
}

async function bootstrap(): Promise<void> {
  const config = workerConfig();
  if (config.isEmbedded)
    throw new Error('the worker runs in server mode only (set DATABASE_URL and REDIS_URL); embedded mode runs everything in the api');
  const logger = new JsonLogger(config.logLevel);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, logger), { logger });
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  await app.init();
  logger.event('info', 'ducha worker is ready', {
    relay: config.runRelay,
    jobs: config.runWorkers,
    leader: app.get(RelayService).isLeader,
  });
  const hardStop = () => setTimeout(() => process.exit(1), config.shutdownTimeoutMs).unref();
  process.once('SIGTERM', hardStop);
  process.once('SIGINT', hardStop);
}

if (process.argv[1]?.endsWith('main.js') || process.argv[1]?.endsWith('main.ts')) {
  bootstrap().catch((error: Error) => {
    process.stderr.write(`ducha worker could not start: ${error.message}\n`);
    process.exit(1);
  });
}
