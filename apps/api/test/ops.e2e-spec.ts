import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { readFileSync } from 'node:fs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { testMode } from '@ducha/testing';
import { startTestApp, type TestApp } from './harness.js';

describe('Operations and API hygiene (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ MAX_BODY_BYTES: '20000', GRAPHQL_MAX_DEPTH: '2' });
  });
  afterAll(async () => t.close());

  it('should answer /health with the database and the job store up', async () => {
    const res = await request(t.app.getHttpServer()).get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', checks: { database: 'up', queue: 'up' } });
  });

  it('should expose Prometheus metrics: HTTP and GraphQL latency, job counts', async () => {
    await t.gql.run(`query Probe { me { id } }`);
    const res = await request(t.app.getHttpServer()).get('/metrics');
    expect(res.status).toBe(200);
    expect(res.text).toContain('ducha_http_request_duration_seconds_bucket');
    expect(res.text).toMatch(/ducha_graphql_operation_duration_seconds_count\{operation="Probe",type="query",outcome="error"\} \d/);
    expect(res.text).toMatch(/ducha_jobs\{queue="system",state="waiting"\}/);
    expect(res.text).toContain('ducha_sockets_connected');
  });

  it('should expose the relay lag as the database sees it: events waiting, the oldest one’s age, recent worst lag', async () => {
    const db = t.app.get(DataSource);
    const metric = async (name: string) => {
      const text = (await request(t.app.getHttpServer()).get('/metrics')).text;
      const line = text.split('\n').find((l) => l.startsWith(`${name} `));
      if (!line) throw new Error(`no ${name} in /metrics`);
      return Number(line.split(' ')[1]);
    };
    // An event whose transaction committed 7 s ago (written directly, as a slow commit would leave it).
    const [{ id }] = await db.query(
      `INSERT INTO outbox_event (type, region_path, department_id, payload, created_at)
       VALUES ('org.unit_changed', '/', NULL, '{}', clock_timestamp() - interval '7 seconds') RETURNING id`,
    );
    if (testMode() === 'server') {
      // No relay in this process (a worker stands for it in production): the event waits.
      expect(await metric('ducha_outbox_waiting_events')).toBeGreaterThanOrEqual(1);
      expect(await metric('ducha_outbox_oldest_waiting_seconds')).toBeGreaterThanOrEqual(7);
    } else {
      // Embedded: the api's own relay takes it, seven seconds after its commit.
      const deadline = Date.now() + 10_000;
      while (!(await db.query(`SELECT seq FROM outbox_event WHERE id = $1`, [id]))[0].seq && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
      expect(await metric('ducha_relay_recent_max_lag_seconds')).toBeGreaterThanOrEqual(7);
      expect(await metric('ducha_outbox_head_seq')).toBeGreaterThanOrEqual(
        Number((await db.query(`SELECT seq FROM outbox_event WHERE id = $1`, [id]))[0].seq),
      );
    }
  });

  it('should give every response a request id, echoing a sane one', async () => {
    const res = await request(t.app.getHttpServer()).get('/health').set('x-request-id', 'trace-123');
    expect(res.headers['x-request-id']).toBe('trace-123');
  });

  it('should refuse an oversized body', async () => {
    const res = await request(t.app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .send({ query: `{ me { id } }`, padding: 'x'.repeat(30000) });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('BAD_USER_INPUT');
  });

  it('should refuse a query nested past the depth limit or over the cost limit, before running it', async () => {
    const admin = await t.token('admin');
    expect((await t.gql.run(`{ me { id } regions { id } }`, {}, admin)).errors).toBeUndefined();
    const deep = await t.gql.run(`query { me { ...A } } fragment A on Me { unit { id } }`, {}, admin);
    expect(deep.errors?.[0]).toMatchObject({
      message: 'Query is nested 3 levels deep; the limit is 2',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const page = `units(pageSize: 200) { items { id name code kind regionId version isEnforcementBody isSupervisingOffice } }`;
    const costly = await t.gql.run(`{ a: ${page} b: ${page} c: ${page} d: ${page} }`, {}, admin);
    const costError = costly.errors?.find((e) => /would cost/.test(e.message));
    expect(costError?.message).toMatch(/would cost \d+; the limit is 5000/);
    expect(costError?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(costly.data).toBeUndefined();
  });

  it('should never leak stack traces or SQL in an error', async () => {
    const res = await t.gql.run(`{ unit(id: "00000000-0000-4000-8000-000000000000") { id } }`, {}, await t.token('admin'));
    expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const body = JSON.stringify(res);
    expect(body).not.toMatch(/stacktrace|at .*\.ts|SELECT|relation/i);
  });

  it('should serve the committed schema.gql (run `npm run schema:generate` after changing the API)', () => {
    const served = printSchema(lexicographicSortSchema(t.app.get(GraphQLSchemaHost).schema)) + '\n';
    expect(served).toBe(readFileSync('apps/api/schema.gql', 'utf8'));
  });
});
