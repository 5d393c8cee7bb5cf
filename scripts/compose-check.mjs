// Validates docker/docker-compose.yml with docker-compose (no Docker engine needed), and checks the
// services the design promises are there. `.ci/run` installs docker-compose when missing.
import { spawnSync } from 'node:child_process';

const result = spawnSync('docker-compose', ['-f', 'docker/docker-compose.yml', 'config'], {
  encoding: 'utf8',
  env: { ...process.env, JWT_SECRET: 'compose-check-secret-compose-check-secret' },
});
if (result.error) {
  process.stderr.write('docker-compose is not installed: apt-get install -y docker-compose (bash .ci/run does this)\n');
  process.exit(1);
}
if (result.status !== 0) {
  process.stderr.write(result.stderr);
  process.exit(result.status ?? 1);
}
const expected = ['postgres', 'redis', 'migrate', 'api1', 'api2', 'worker', 'nginx'];
const missing = expected.filter((name) => !new RegExp(`^  ${name}:`, 'm').test(result.stdout));
if (missing.length) {
  process.stderr.write(`docker-compose.yml lacks services: ${missing.join(', ')}\n`);
  process.exit(1);
}
process.stdout.write(`docker/docker-compose.yml is valid (${expected.length} services)\n`);
