// `npm start`: build what changed, then run the api in the foreground (embedded mode unless
// DATABASE_URL is set). On a fresh clone the embedded databases are initialised in parallel with
// the build. Signals pass through so Ctrl-C and SIGTERM shut down gracefully.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildIfStale } from './build-if-stale.mjs';

function prepareEmbeddedData() {
  if (process.env.DATABASE_URL) return [];
  const dataDir = resolve(process.env.DATA_DIR || './data');
  if (existsSync(join(dataDir, 'ducha.lock'))) return []; // in use: the api will say so
  return ['pg', 'queue']
    .map((name) => join(dataDir, name))
    .filter((dir) => !existsSync(join(dir, 'PG_VERSION')))
    .map((dir) => {
      const child = spawn(process.execPath, ['scripts/prepare-data-dir.mjs', dir], { stdio: 'inherit' });
      return new Promise((done) => child.on('exit', done));
    });
}

const preparing = prepareEmbeddedData();
buildIfStale();
await Promise.all(preparing);
const child = spawn(process.execPath, ['--enable-source-maps', 'dist/apps/api/src/main.js'], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
