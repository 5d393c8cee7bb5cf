import 'reflect-metadata';
import { JsonLogger } from '@ducha/common';
import { AppConfig } from '@ducha/config';
import { createApp } from './create-app.js';
import { DemoSeeder } from './seed/demo-seeder.js';

async function bootstrap(): Promise<void> {
  const started = Date.now();
  const config = new AppConfig();
  const logger = new JsonLogger(config.logLevel);
  const app = await createApp(config, logger);
  await app.init();
  if (config.isEmbedded && config.seedDemo) await app.get(DemoSeeder).seedIfEmpty();
  await app.listen(config.port, config.host);
  const url = `http://localhost:${config.port}`;
  logger.event('info', 'ducha is ready', { url, mode: config.mode, bootMs: Date.now() - started });
  if (config.isEmbedded) {
    process.stdout.write(
      `\n  ducha 督察 is running (embedded mode, data in ${config.dataDir})\n` +
        `  Dashboard: ${url}/\n  GraphQL:   ${url}/graphql\n` +
        (config.seedDemo ? `${app.get(DemoSeeder).loginsText()}\n` : '\n'),
    );
  }
  // Graceful stop: stop accepting, let in-flight requests and jobs finish, close the databases,
  // then exit 0. A stop that hangs past SHUTDOWN_TIMEOUT_MS exits 1.
  const stop = (signal: string) => {
    logger.event('info', 'shutting down', { signal });
    setTimeout(() => process.exit(1), config.shutdownTimeoutMs).unref();
    app.close().then(
      () => process.exit(0),
      (error: Error) => {
        logger.event('error', 'shutdown failed', { error: error.message });
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

bootstrap().catch((error: Error) => {
  process.stderr.write(`ducha could not start: ${error.message}\n`);
  process.exit(1);
});
