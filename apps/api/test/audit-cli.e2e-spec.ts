import { EmbeddedDatabase } from '@ducha/database';
import { testMode } from '@ducha/testing';
import { spawnSync } from 'node:child_process';
import pg from 'pg';
import { startTestApp } from './harness.js';

/** Runs `npm run audit:verify` (the built CLI) against the test environment. */
function verify(env: Record<string, string>): { status: number | null; out: string } {
  const result = spawnSync(process.execPath, ['dist/apps/api/src/cli/audit-verify.js'], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  return { status: result.status, out: result.stdout + result.stderr };
}

async function sql(env: Record<string, string>, text: string): Promise<void> {
  const embedded = testMode() === 'embedded' ? await EmbeddedDatabase.start(env.DATA_DIR) : undefined;
  const client = new pg.Client({ connectionString: embedded?.url ?? env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
    await embedded?.stop();
  }
}

describe('npm run audit:verify (e2e)', () => {
  it('should report an intact chain, then name the entry someone edited', async () => {
    const t = await startTestApp({ SEED_DEMO: 'false' });
    const admin = await t.token('admin');
    const users = (await t.gql.ok(`{ users { items { id version username } } }`, {}, admin)).users.items;
    for (const u of users.filter((x: { username: string }) => x.username.startsWith('officer'))) {
      await t.gql.ok(
        `mutation($id: ID!, $v: Int!) { updateUser(input: { id: $id, version: $v, displayName: "改名" }) { id } }`,
        { id: u.id, v: u.version },
        admin,
      );
    }
    const env = t.environment.env;
    await t.app.close();
    try {
      const intact = verify(env);
      expect(intact.out).toMatch(/Audit chain intact: \d+ entries verified/);
      expect(intact.status).toBe(0);
      await sql(
        env,
        `UPDATE audit_entry SET after = jsonb_set(after, '{displayName}', '"篡改"') WHERE operation = 'updateUser' AND chain_seq = (SELECT min(chain_seq) FROM audit_entry WHERE operation = 'updateUser')`,
      );
      const broken = verify(env);
      expect(broken.status).toBe(2);
      expect(broken.out).toMatch(
        /Audit chain BROKEN at entry \d+ \(chain position \d+\): content does not match its hash \(the entry was edited\)/,
      );
    } finally {
      await t.environment.cleanup();
    }
  });
});
