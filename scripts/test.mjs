// `npm test`: every tier, in order, failing fast. The e2e and integration suites run twice: on the
// embedded database (PGlite) and on the real PostgreSQL and Redis (TEST_MODE=server); the browser
// suite runs embedded, and its live-cockpit test in server mode too.
import { spawnSync } from 'node:child_process';

const jest = ['--experimental-vm-modules', 'node_modules/jest/bin/jest.js'];
const steps = [
  ['lint', 'npx', ['eslint', '.']],
  ['format', 'npx', ['prettier', '--check', '{apps,libs,bench,migrations,scripts}/**/*.{ts,tsx,mjs}']],
  ['type-check', 'npm', ['run', '--silent', 'typecheck']],
  ['compose file', 'node', ['scripts/compose-check.mjs']],
  ['build', 'node', ['scripts/build-if-stale.mjs']],
  ['unit', 'node', [...jest, '--selectProjects', 'unit']],
  ['integration (embedded)', 'node', [...jest, '--selectProjects', 'integration', '--maxWorkers=2'], { TEST_MODE: 'embedded' }],
  ['integration (server)', 'node', [...jest, '--selectProjects', 'integration', '--maxWorkers=2'], { TEST_MODE: 'server' }],
  ['e2e (embedded)', 'node', [...jest, '--selectProjects', 'e2e', '--maxWorkers=2'], { TEST_MODE: 'embedded' }],
  ['e2e (server)', 'node', [...jest, '--selectProjects', 'e2e', '--maxWorkers=2'], { TEST_MODE: 'server' }],
  ['browser (embedded)', 'node', [...jest, '--selectProjects', 'browser', '--runInBand'], { TEST_MODE: 'embedded' }],
  // The live cockpit again on PostgreSQL and Redis, with a worker process standing for the relay.
  [
    'browser (server)',
    'node',
    [...jest, '--selectProjects', 'browser', '--runInBand', '--testPathPatterns', 'cockpit'],
    { TEST_MODE: 'server' },
  ],
];

const only = process.argv.slice(2);
const started = Date.now();
for (const [name, command, args, env] of steps) {
  if (only.length && !only.some((o) => name.startsWith(o))) continue;
  const stepStarted = Date.now();
  process.stdout.write(`\n▶ ${name}\n`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - stepStarted) / 1000).toFixed(0);
  if (result.status !== 0) {
    process.stdout.write(`\n✖ ${name} failed after ${seconds} s\n`);
    process.exit(result.status ?? 1);
  }
  process.stdout.write(`✔ ${name} (${seconds} s)\n`);
}
process.stdout.write(`\nAll test steps passed in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
