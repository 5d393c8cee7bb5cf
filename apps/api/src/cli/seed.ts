import 'reflect-metadata';
import { AppConfig } from '@ducha/config';
import { JsonLogger } from '@ducha/common';
import { createApp } from '../create-app.js';
import { DemoSeeder } from '../seed/demo-seeder.js';

/** `npm run seed`: seeds the demo district into an empty server-mode database (refuses a non-empty one). */
async function main(): Promise<void> {
  const config = new AppConfig({ ...process.env, RUN_WORKERS: 'false', RUN_RELAY: 'false' });
  const app = await createApp(config, new JsonLogger('warn'));
  await app.init();
  try {
    const seeded = await app.get(DemoSeeder).seedIfEmpty();
    process.stdout.write(
      seeded ? `Demo district seeded.\n${app.get(DemoSeeder).loginsText()}\n` : 'The database already has data; nothing seeded.\n',
    );
  } finally {
    await app.close();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`Seeding failed: ${error.message}\n`);
  process.exit(1);
});
