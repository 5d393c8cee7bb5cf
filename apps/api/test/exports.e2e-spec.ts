import { readSheet } from '@ducha/common';
import type { DomainEventPayloads } from '@ducha/contracts';
import { ExportFileJob } from '@ducha/exports';
import type { RelayedEvent } from '@ducha/realtime';
import type { Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import { userId, waitFor } from './compliance-helpers.js';
import { startTestApp, type TestApp } from './harness.js';
import { RectificationDriver } from './rectification-helpers.js';
import { watchEvents } from './socket-helpers.js';

const REQUEST = `mutation($i: RequestExportInput!) { requestExport(input: $i) { id kind status done total fileName error } }`;
const STATUS = `query($id: ID!) { exportJob(id: $id) { id status done total fileName error } }`;
const LEDGER = `query($page: Int!, $states: [RectificationState!]) {
  rectificationLedger(page: $page, pageSize: 200, states: $states) { total items { taskNo state } } }`;

const COMPUTE = `mutation($f: ID!, $y: Int!, $q: Int) { computeAssessmentScores(frameworkId: $f, year: $y, quarter: $q) { rank } }`;

type Progressed = DomainEventPayloads['import.progressed'];
type Job = { id: string; status: string; done: number; total: number; fileName: string | null; error: string | null };

/**
 * Exports are jobs: the request is checked and answered at once, the WORK queue builds the file
 * with progress events to the requester alone, and only the requester can read its state or fetch
 * the file. Runs in both modes (TEST_MODE=server: PostgreSQL and Redis).
 */
describe('Exports (e2e)', () => {
  let t: TestApp;
  let r: RectificationDriver;
  let db: DataSource;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    // Server mode runs jobs and the outbox relay in a worker process; here the api runs them too.
    t = await startTestApp({ RUN_WORKERS: 'true', RUN_RELAY: 'true' });
    r = new RectificationDriver(t);
    db = t.app.get(DataSource);
  });
  afterAll(async () => {
    sockets.splice(0).forEach((s) => s.disconnect());
    await t?.close();
  });

  const watch = async (username: string, lastSeq?: number): Promise<RelayedEvent[]> => {
    const { socket, events } = await watchEvents(t, username, lastSeq);
    sockets.push(socket);
    return events;
  };
  const progressOf = (events: RelayedEvent[], id: string): Progressed[] =>
    events
      .filter((e) => e.type === 'import.progressed')
      .map((e) => e.payload as Progressed)
      .filter((p) => p.importId === id);
  const request = async (username: string, input: Record<string, unknown>): Promise<Job> =>
    (await r.gql(username, REQUEST, { i: input })).requestExport;
  const ended = (username: string, id: string): Promise<Job> =>
    waitFor(
      async () => (await r.gql(username, STATUS, { id })).exportJob as Job,
      (job) => job.status === 'DONE' || job.status === 'FAILED',
    );
  const ledgerTaskNos = async (username: string, states?: string[]): Promise<string[]> => {
    const taskNos: string[] = [];
    for (let page = 1; ; page++) {
      const { total, items } = (await r.gql(username, LEDGER, { page, states })).rectificationLedger;
      taskNos.push(...items.map((i: { taskNo: string }) => i.taskNo));
      if (taskNos.length >= total) return taskNos;
    }
  };
  const rowsOf = async (content: Buffer) => (await readSheet(content)).rows.map((row) => row.cells);
  const exportRows = async () => Number((await db.query(`SELECT count(*)::int AS n FROM export_file`))[0].n);

  it('should build the ledger with progress up to every row, seen by the requester alone, rows as the ledger shows', async () => {
    const [mine, colleague] = [await watch('inspector'), await watch('inspector2')];
    const taskNos = await ledgerTaskNos('inspector');
    expect(taskNos.length).toBeGreaterThan(0);

    const job = await request('inspector', { kind: 'RECTIFICATION_LEDGER' });
    expect(job).toMatchObject({ status: 'QUEUED', fileName: null, error: null });
    expect(await ended('inspector', job.id)).toEqual({
      id: job.id,
      status: 'DONE',
      done: taskNos.length,
      total: taskNos.length,
      fileName: '整改台账.xlsx',
      error: null,
    });

    const progress = await waitFor(
      async () => progressOf(mine, job.id),
      (list) => list.some((p) => p.finished),
    );
    expect(progress[0]).toMatchObject({ kind: 'EXPORT', done: 0, total: taskNos.length, finished: false });
    const dones = progress.map((p) => p.done);
    expect(dones).toEqual([...dones].sort((a, b) => a - b));
    expect(progress.at(-1)).toMatchObject({ kind: 'EXPORT', done: taskNos.length, total: taskNos.length, finished: true });
    expect(progress.at(-1)?.failed).toBeUndefined();
    // The same office, same rooms: still nothing of another user's export, live or replayed.
    expect(progressOf(colleague, job.id)).toEqual([]);
    expect(progressOf(await watch('inspector2', 0), job.id)).toEqual([]);
    expect(progressOf(await watch('inspector', 0), job.id)).toEqual(progress);

    const file = await r.get('inspector', `/exports/files/${job.id}`);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    expect(file.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''${encodeURIComponent('整改台账.xlsx')}`);
    const rows = await rowsOf(file.body);
    expect(rows.map((row) => row['任务编号'])).toEqual(taskNos);

    // Nobody else gets the file or its state, not even the same office.
    expect((await r.get('inspector2', `/exports/files/${job.id}`)).status).toBe(404);
    expect(await r.code('inspector2', STATUS, { id: job.id })).toBe('NOT_FOUND');
    expect((await r.get('officer', `/exports/files/${job.id}`)).status).toBe(404);
  });

  it('should export the ledger with the filters shown, like the GET export', async () => {
    const open = await ledgerTaskNos('inspector', ['ISSUED', 'IN_PROGRESS']);
    const job = await request('inspector', { kind: 'RECTIFICATION_LEDGER', filter: { states: 'ISSUED,IN_PROGRESS' } });
    expect(await ended('inspector', job.id)).toMatchObject({ status: 'DONE', total: open.length });
    const fromJob = await rowsOf((await r.get('inspector', `/exports/files/${job.id}`)).body);
    const fromGet = await rowsOf((await r.get('inspector', `/exports/rectification-ledger.xlsx?states=ISSUED,IN_PROGRESS`)).body);
    expect(fromJob.map((row) => row['任务编号'])).toEqual(open);
    expect(fromJob).toEqual(fromGet);
  });

  it('should build a department’s own notice (.docx) and refuse another department’s', async () => {
    const events = await watch('officer');
    const mine = (await r.gql('officer', `{ rectificationLedger(pageSize: 1) { items { id taskNo } } }`)).rectificationLedger.items[0];
    const job = await request('officer', { kind: 'RECTIFICATION_NOTICE', targetId: mine.id });
    expect(await ended('officer', job.id)).toMatchObject({ status: 'DONE', done: 2, total: 2, fileName: `整改通知书-${mine.taskNo}.docx` });
    const file = await r.get('officer', `/exports/files/${job.id}`);
    expect(file.headers['content-type']).toContain('wordprocessingml');
    expect(file.body.subarray(0, 2).toString()).toBe('PK');
    expect(file.headers['content-disposition']).toContain(encodeURIComponent(`整改通知书-${mine.taskNo}.docx`));
    await waitFor(
      async () => progressOf(events, job.id),
      (list) => list.some((p) => p.finished && p.done === 2),
    );

    const [other] = await db.query(
      `SELECT t.id FROM rectification_task t JOIN unit u ON u.id = t.department_id WHERE u.code <> 'QH-SCJG'
        AND NOT EXISTS (SELECT 1 FROM rectification_task_department d JOIN unit cu ON cu.id = d.department_id WHERE d.task_id = t.id AND cu.code = 'QH-SCJG')
        LIMIT 1`,
    );
    expect(await r.code('officer', REQUEST, { i: { kind: 'RECTIFICATION_NOTICE', targetId: other.id } })).toBe('NOT_FOUND');
  });

  it('should build every other document the office may read', async () => {
    const [campaign] = await db.query(`SELECT id FROM review_campaign WHERE stage = 'PUBLISHED' LIMIT 1`);
    const [round] = await db.query(`SELECT id FROM compliance_round WHERE stage = 'PUBLISHED' LIMIT 1`);
    const [framework] = await db.query(`SELECT id FROM assessment_framework LIMIT 1`);
    const period = { id: framework.id, year: 2026, quarter: 1 };
    await r.gql('inspector', COMPUTE, { f: period.id, y: period.year, q: period.quarter });
    const requests = [
      { kind: 'REVIEW_BULLETIN', targetId: campaign.id },
      { kind: 'REVIEW_RESULTS', targetId: campaign.id },
      { kind: 'COMPLIANCE_RESULTS', targetId: round.id },
      { kind: 'COMPLIANCE_BULLETIN', targetId: round.id },
      { kind: 'ASSESSMENT_RESULTS', targetId: period.id, year: period.year, quarter: period.quarter },
      { kind: 'ASSESSMENT_REPORT', targetId: period.id, year: period.year, quarter: period.quarter },
    ];
    for (const input of requests) {
      const job = await request('inspector', input);
      const done = await ended('inspector', job.id);
      const file = await r.get('inspector', `/exports/files/${job.id}`);
      const type = done.fileName?.endsWith('.docx') ? 'wordprocessingml' : 'spreadsheetml';
      expect([input.kind, done.status, file.status, file.body.subarray(0, 2).toString()]).toEqual([input.kind, 'DONE', 200, 'PK']);
      expect(file.headers['content-type']).toContain(type);
    }
  });

  it('should refuse bad requests with a clear error and store nothing', async () => {
    const before = await exportRows();
    const none = '00000000-0000-4000-8000-000000000000';
    const refusals: [string, Record<string, unknown>, string][] = [
      ['inspector', { kind: 'NO_SUCH_EXPORT' }, 'BAD_USER_INPUT'],
      ['inspector', { kind: 'COMPLIANCE_RESULTS' }, 'BAD_USER_INPUT'],
      ['inspector', { kind: 'REVIEW_RESULTS', targetId: 'not-an-id' }, 'BAD_USER_INPUT'],
      ['inspector', { kind: 'ASSESSMENT_RESULTS', targetId: none, year: 2026 }, 'BAD_USER_INPUT'],
      ['inspector', { kind: 'ASSESSMENT_RESULTS', targetId: none, year: 2026, quarter: 9 }, 'BAD_USER_INPUT'],
      ['inspector', { kind: 'RECTIFICATION_LEDGER', filter: { from: 'yesterday' } }, 'BAD_USER_INPUT'],
      ['inspector', { kind: 'RECTIFICATION_LEDGER', filter: { source: 42 } }, 'BAD_USER_INPUT'],
      ['inspector', { kind: 'RECTIFICATION_LEDGER', filter: { from: '2026-06-01', to: '2026-01-01' } }, 'BAD_USER_INPUT'],
      ['inspector', { kind: 'REVIEW_RESULTS', targetId: none }, 'NOT_FOUND'],
      ['inspector', { kind: 'ASSESSMENT_REPORT', targetId: none, year: 2026, quarter: 1 }, 'NOT_FOUND'],
      ['inspector', { kind: 'RECTIFICATION_NOTICE', targetId: none }, 'NOT_FOUND'],
    ];
    for (const [username, input, code] of refusals) expect([input, await r.code(username, REQUEST, { i: input })]).toEqual([input, code]);
    expect(await r.code('inspector', STATUS, { id: none })).toBe('NOT_FOUND');
    expect(await r.code('inspector', STATUS, { id: 'not-an-id' })).toBe('NOT_FOUND');
    expect((await r.get('inspector', `/exports/files/not-an-id`)).status).toBe(404);
    expect(await exportRows()).toBe(before);
  });

  it('should check access again when the job runs: a file the requester may no longer read fails and says why', async () => {
    const [other] = await db.query(
      `SELECT t.id FROM rectification_task t JOIN unit u ON u.id = t.department_id WHERE u.code <> 'QH-SCJG'
        AND NOT EXISTS (SELECT 1 FROM rectification_task_department d JOIN unit cu ON cu.id = d.department_id WHERE d.task_id = t.id AND cu.code = 'QH-SCJG')
        LIMIT 1`,
    );
    // As if the officer could read the task when asking and was moved before the job ran.
    const [{ id }] = await db.query(
      `INSERT INTO export_file (requested_by, kind, params) VALUES ($1, 'RECTIFICATION_NOTICE', $2) RETURNING id`,
      [await userId(t, 'officer'), JSON.stringify({ targetId: other.id })],
    );
    await t.app.get(ExportFileJob).run(id);
    expect(await ended('officer', id)).toMatchObject({ status: 'FAILED', fileName: null, error: expect.stringContaining('not found') });
    expect((await r.get('officer', `/exports/files/${id}`)).status).toBe(404);
  });

  it('should delete exports older than a day when the next one runs', async () => {
    const old = await request('inspector', { kind: 'RECTIFICATION_LEDGER' });
    await ended('inspector', old.id);
    await db.query(`UPDATE export_file SET created_at = now() - interval '25 hours' WHERE id = $1`, [old.id]);
    const fresh = await request('inspector', { kind: 'RECTIFICATION_LEDGER' });
    await ended('inspector', fresh.id);
    expect(await r.code('inspector', STATUS, { id: old.id })).toBe('NOT_FOUND');
    expect((await r.get('inspector', `/exports/files/${old.id}`)).status).toBe(404);
    expect((await r.get('inspector', `/exports/files/${fresh.id}`)).status).toBe(200);
  });
});
