// Builds the server and the dashboard only when their sources changed since the last build, so a
// restart takes seconds while a fresh clone still gets a full build. Used by `npm start`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const IGNORED = new Set(['node_modules', 'dist', 'data', '.git', 'coverage', 'tmp', 'artifacts']);

function newest(paths) {
  let latest = 0;
  const walk = (p) => {
    if (!existsSync(p)) return;
    const stat = statSync(p);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(p)) if (!IGNORED.has(entry)) walk(join(p, entry));
    } else if (!/\.(spec|int-spec|e2e-spec|browser-spec)\.ts$/.test(p)) latest = Math.max(latest, stat.mtimeMs);
  };
  paths.forEach(walk);
  return latest;
}

function stampTime(stamp) {
  return existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
}

function run(label, args) {
  const started = Date.now();
  process.stdout.write(`Building ${label}…\n`);
  const result = spawnSync('npm', ['run', '--silent', ...args], { stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write(`Building ${label} failed.\n`);
    process.exit(result.status ?? 1);
  }
  process.stdout.write(`Built ${label} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

const common = ['package.json', 'tsconfig.json'];
const targets = [
  {
    label: 'the server',
    stamp: 'dist/.server-stamp',
    sources: [...common, 'tsconfig.build.json', 'apps/api/src', 'apps/worker/src', 'libs', 'migrations', 'bench'],
    script: ['build:server'],
  },
  {
    label: 'the dashboard',
    stamp: 'dist/dashboard/.stamp',
    sources: [...common, 'apps/dashboard', 'libs/contracts/src', 'libs/scoring/src'],
    script: ['build:dashboard'],
  },
];

export function buildIfStale() {
  for (const target of targets) {
    if (newest(target.sources) <= stampTime(target.stamp)) continue;
    run(target.label, target.script);
    mkdirSync(join(target.stamp, '..'), { recursive: true });
    writeFileSync(target.stamp, new Date().toISOString());
  }
}

if (import.meta.url === `file://${process.argv[1]}`) buildIfStale();
