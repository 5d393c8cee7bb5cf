import 'reflect-metadata';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { AppConfig } from '@ducha/config';
import { JsonLogger } from '@ducha/common';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { writeFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../create-app.js';

export const SCHEMA_FILE = 'apps/api/schema.gql';

/** `npm run schema:generate`: boots the api on a throwaway embedded database and writes the schema it serves. */
async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ducha-schema-'));
  try {
    const app = await createApp(
      new AppConfig({ DATA_DIR: dir, SEED_DEMO: 'false', SERVE_DASHBOARD: 'false', RUN_WORKERS: 'false', RUN_RELAY: 'false' }),
      new JsonLogger('error'),
    );
    await app.init();
    const schema = app.get(GraphQLSchemaHost).schema;
    writeFileSync(SCHEMA_FILE, printSchema(lexicographicSortSchema(schema)) + '\n');
    await app.close();
    process.stdout.write(`Wrote ${SCHEMA_FILE}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
