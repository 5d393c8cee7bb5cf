import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { readFileSync } from 'node:fs';
import request from 'supertest';
import { startTestApp, type TestApp } from './harness.js';

describe('Operations and API hygiene (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ MAX_BODY_BYTES: '20000', GRAPHQL_MAX_DEPTH: '6' });
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

  it('should give every response a request id, echoing a sane one', async () => {
    const res = await request(t.app.getHttpServer()).get('/health').set('x-request-id', 'trace-123');
    expect(res.headers['x-request-id']).toBe('trace-123');
  });

  it('should refuse an oversized body', async () => {
    const res = await request(t.app.getHttpServer()).post('/graphql').set('content-type', 'application/json').send({ query: `{ me { id } }`, padding: 'x'.repeat(30000) });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('BAD_USER_INPUT');
  });

  it('should refuse a query nested past the depth limit, before running it', async () => {
    const deep = `{ me { unit { id } } regions { id } }`;
    expect((await t.gql.run(deep, {}, await t.token('admin'))).errors).toBeUndefined();
    const fragmentBomb = `query { me { ...A } } fragment A on Me { unit { ...B } } fragment B on Unit { id name kind regionId code isEnforcementBody isSupervisingOffice version }`;
    expect((await t.gql.run(fragmentBomb, {}, await t.token('admin'))).errors).toBeUndefined();
    const result = await t.gql.run(`{ a: me { unit { id } } }`.replace('id', 'id '.repeat(1)), {}, await t.token('admin'));
    expect(result.errors).toBeUndefined();
    const limitsRule = await t.gql.run(`{ units(pageSize: 200) { items { id name code kind regionId version isEnforcementBody isSupervisingOffice } } o1: units(pageSize: 200) { items { id name code kind regionId version } } o2: units(pageSize: 200) { items { id name code kind regionId version } } o3: units(pageSize: 200) { items { id name code kind regionId } } }`, {}, await t.token('admin'));
    expect(limitsRule.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(limitsRule.errors?.[0].message).toMatch(/cost/);
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
