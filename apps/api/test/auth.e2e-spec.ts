import { forgeToken } from '@ducha/testing';
import { TokenService } from '@ducha/auth';
import { startTestApp, type TestApp } from './harness.js';

const ME = `{ me { username displayName roles unit { name } } }`;
const LOGIN = `mutation($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { accessToken refreshToken user { username } } }`;
const REFRESH = `mutation($t: String!) { refreshToken(input: { refreshToken: $t }) { accessToken refreshToken } }`;

describe('Sign-in and access (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_SECONDS: '5' });
  });
  afterAll(async () => t.close());

  it('should sign in the demo inspector and answer me', async () => {
    const token = await t.token('inspector');
    const data = await t.gql.ok(ME, {}, token);
    expect(data.me).toEqual({
      username: 'inspector',
      displayName: '李督察',
      roles: ['INSPECTOR'],
      unit: { name: '清河区司法局（区委依法治区办）' },
    });
  });

  it('should refuse every guarded operation without a token, and with a forged one', async () => {
    expect(await t.gql.code(ME)).toBe('UNAUTHENTICATED');
    expect(await t.gql.code(`{ units { total } }`)).toBe('UNAUTHENTICATED');
    const forged = forgeToken(await t.token('inspector'));
    expect(await t.gql.code(ME, {}, forged)).toBe('UNAUTHENTICATED');
  });

  it('should refuse an expired access token', async () => {
    const tokens = t.app.get(TokenService);
    const me = await t.gql.ok(`{ me { id } }`, {}, await t.token('inspector'));
    const { token } = await tokens.signAccess(me.me.id, '00000000-0000-4000-8000-000000000000', new Date(Date.now() - 3600_000));
    const result = await t.gql.run(ME, {}, token);
    expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(result.errors?.[0].message).toMatch(/expired/);
  });

  it('should rotate refresh tokens: a new pair each time, the old token dead, a replay ending the session', async () => {
    const first = (await t.gql.ok(LOGIN, { u: 'officer', p: 'Ducha@2026' })).login;
    const second = (await t.gql.ok(REFRESH, { t: first.refreshToken })).refreshToken;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect((await t.gql.ok(ME, {}, second.accessToken)).me.username).toBe('officer');
    // The spent token is refused, and replaying it revokes the whole family, including the newest token.
    expect(await t.gql.code(REFRESH, { t: first.refreshToken })).toBe('UNAUTHENTICATED');
    expect(await t.gql.code(REFRESH, { t: second.refreshToken })).toBe('UNAUTHENTICATED');
  });

  it('should let only one of two concurrent refreshes with the same token succeed', async () => {
    const { refreshToken } = (await t.gql.ok(LOGIN, { u: 'leader', p: 'Ducha@2026' })).login;
    const results = await Promise.all([t.gql.run(REFRESH, { t: refreshToken }), t.gql.run(REFRESH, { t: refreshToken })]);
    expect(results.filter((r) => r.data?.refreshToken).length).toBe(1);
  });

  it('should end a session at logout', async () => {
    const { refreshToken } = (await t.gql.ok(LOGIN, { u: 'leader', p: 'Ducha@2026' })).login;
    expect((await t.gql.ok(`mutation($t: String!) { logout(input: { refreshToken: $t }) }`, { t: refreshToken })).logout).toBe(true);
    expect(await t.gql.code(REFRESH, { t: refreshToken })).toBe('UNAUTHENTICATED');
  });

  it('should slow down and then lock an account after repeated failures, and let it in after the lock', async () => {
    const wrong = { u: 'officer2', p: 'wrong-password' };
    expect(await t.gql.code(LOGIN, wrong)).toBe('UNAUTHENTICATED');
    const started = Date.now();
    expect(await t.gql.code(LOGIN, wrong)).toBe('UNAUTHENTICATED');
    expect(Date.now() - started).toBeGreaterThanOrEqual(350); // the second failure waits 0.4 s
    const locked = await t.gql.run(LOGIN, wrong);
    expect(locked.errors?.[0].extensions?.code).toBe('TOO_MANY_REQUESTS');
    // Even the right password is refused while locked.
    const stillLocked = await t.gql.run(LOGIN, { u: 'officer2', p: 'Ducha@2026' });
    expect(stillLocked.errors?.[0].extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    expect(stillLocked.errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 5100));
    expect((await t.gql.ok(LOGIN, { u: 'officer2', p: 'Ducha@2026' })).login.user.username).toBe('officer2');
  });

  it("should stop a disabled user's tokens at once", async () => {
    const admin = await t.token('admin');
    const victim = await t.gql.login('inspector2', 'Ducha@2026');
    const users = await t.gql.ok(`{ users(search: "inspector2") { items { id version } } }`, {}, admin);
    const { id, version } = users.users.items[0];
    await t.gql.ok(
      `mutation($id: ID!, $v: Int!) { updateUser(input: { id: $id, version: $v, disabled: true }) { disabled } }`,
      { id, v: version },
      admin,
    );
    expect(await t.gql.code(ME, {}, victim.accessToken)).toBe('UNAUTHENTICATED');
    expect(await t.gql.code(REFRESH, { t: victim.refreshToken })).toBe('UNAUTHENTICATED');
    expect(await t.gql.code(LOGIN, { u: 'inspector2', p: 'Ducha@2026' })).toBe('FORBIDDEN');
  });

  it('should answer BAD_USER_INPUT naming the field for invalid input, and refuse unknown fields', async () => {
    const admin = await t.token('admin');
    const bad = await t.gql.run(
      `mutation { createUser(input: { username: "x", displayName: "X", unitId: "not-a-uuid", roles: [LEADER], password: "short" }) { id } }`,
      {},
      admin,
    );
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const fields = bad.errors?.[0].extensions?.issues?.map((i) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['username', 'unitId', 'password']));
    expect(await t.gql.code(`{ me { username secretField } }`, {}, admin)).toBe('BAD_USER_INPUT');
    expect(await t.gql.code(`{ units(pageSize: 5000) { total } }`, {}, admin)).toBe('BAD_USER_INPUT');
  });

  it('should refuse a leader changing anything, and an officer reading users', async () => {
    const leader = await t.token('leader');
    const officer = await t.token('officer');
    expect(
      await t.gql.code(
        `mutation { createOfficer(input: { certificateNo: "QH99999999", name: "x", unitId: "00000000-0000-4000-8000-000000000000", validFrom: "2025-01-01", validTo: "2030-01-01" }) { id } }`,
        {},
        leader,
      ),
    ).toBe('FORBIDDEN');
    expect(await t.gql.code(`{ users { total } }`, {}, officer)).toBe('FORBIDDEN');
  });

  it('should change a password, ending other sessions', async () => {
    const session = await t.gql.login('officer', 'Ducha@2026');
    await new Promise((r) => setTimeout(r, 1100)); // tokens carry whole seconds
    const change = `mutation($c: String!, $n: String!) { changePassword(input: { currentPassword: $c, newPassword: $n }) }`;
    expect(await t.gql.code(change, { c: 'nope', n: 'New@Pass2026' }, session.accessToken)).toBe('BAD_USER_INPUT');
    expect((await t.gql.ok(change, { c: 'Ducha@2026', n: 'New@Pass2026' }, session.accessToken)).changePassword).toBe(true);
    expect(await t.gql.code(ME, {}, session.accessToken)).toBe('UNAUTHENTICATED');
    expect(await t.gql.code(REFRESH, { t: session.refreshToken })).toBe('UNAUTHENTICATED');
    expect((await t.gql.login('officer', 'New@Pass2026')).accessToken).toBeTruthy();
  });
});
