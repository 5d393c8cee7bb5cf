import { CalendarService } from '@ducha/calendar';
import { FindingSeverity, FindingSource, type FindingDraft } from '@ducha/contracts';
import { TransactionRunner } from '@ducha/database';
import { FindingService } from '@ducha/rectification';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { TestApp } from './harness.js';

export const TASK_FIELDS = `id taskNo state version deadline departmentId departmentName warningLevel escalationStep findingCount closedOn closedOnTime`;

/** A minimal valid PDF, padded to `size` bytes. */
export function pdf(size = 600): Buffer {
  const head = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
  return Buffer.concat([head, Buffer.alloc(Math.max(0, size - head.length), 0x20)]);
}

export function shanghaiToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export class RectificationDriver {
  constructor(private readonly t: TestApp) {}

  get db(): DataSource {
    return this.t.app.get(DataSource);
  }

  async unitId(code: string): Promise<string> {
    const [row] = await this.db.query(`SELECT id FROM unit WHERE code = $1`, [code]);
    return row.id;
  }

  /**
   * Next year's calendar, as the administrator loads it once the State Council publishes it each
   * winter: deadlines issued in December reach into it, and without it they are refused. (This
   * test copy has New Year's Day off and no make-up days; the real schedule is the office's data.)
   */
  async loadNextYearCalendar(): Promise<void> {
    const next = Number(shanghaiToday().slice(0, 4)) + 1;
    const { calendarStatus } = await this.gql('admin', `{ calendarStatus { missingYears } }`);
    if (!calendarStatus.missingYears.includes(next)) return;
    const newYear = `${next}-01-01`;
    await this.gql('admin', `mutation($i: CalendarYearInput!) { upsertCalendarYear(input: $i) { year } }`, {
      i: { year: next, holidays: [newYear], makeUpWorkdays: [], names: { [newYear]: '元旦' } },
    });
  }

  addWorkingDays(date: string, n: number): Promise<string> {
    return this.t.app.get(CalendarService).addWorkingDays(date, n);
  }

  /**
   * A case-review campaign or a three-systems check round of the district office at `stage`: the
   * batch its findings carry (written directly: running one through its own workflow is that
   * capability's test).
   */
  async batch(kind: 'campaign' | 'round', stage: string): Promise<string> {
    const [office] = await this.db.query(
      `SELECT u.id, r.path, (SELECT id FROM app_user WHERE username = 'inspector') AS inspector
         FROM unit u JOIN region r ON r.id = u.region_id WHERE u.code = 'QH-SFJ'`,
    );
    const [row] =
      kind === 'campaign'
        ? await this.db.query(
            `INSERT INTO review_campaign (name, year, period_from, period_to, case_types, department_ids, rubric_ids, files_per_department,
               reviewers_per_file, reviewer_ids, recheck_rule, stage, office_unit_id, region_path, created_by)
             VALUES ('整改测试评查', 2026, '2026-01-01', '2026-06-30', '{}', '{}', '{}', 1, 1, ARRAY[$3::uuid], '{}', $4, $1, $2, $3) RETURNING id`,
            [office.id, office.path, office.inspector, stage],
          )
        : await this.db.query(
            `INSERT INTO compliance_round (name, region_path, office_unit_id, checklist_id, period_from, period_to, stage, inspector_ids, created_by)
             SELECT '整改测试检查', $2, $1, id, '2026-01-01', '2026-06-30', $4, ARRAY[$3::uuid], $3 FROM compliance_checklist LIMIT 1 RETURNING id`,
            [office.id, office.path, office.inspector, stage],
          );
    return row.id;
  }

  /** Findings as a finalized campaign hands them over (FindingService.record, in one transaction). */
  async campaignFindings(batchId: string, perUnit: Record<string, number>): Promise<void> {
    const drafts: FindingDraft[] = [];
    for (const [code, n] of Object.entries(perUnit)) {
      const departmentId = await this.unitId(code);
      for (let i = 0; i < n; i++) {
        drafts.push({
          source: FindingSource.CASE_REVIEW,
          departmentId,
          originType: 'ScoreSheetItem',
          originId: `${batchId}-${code}-${i}`,
          batchId,
          category: i % 2 ? 'PROCEDURE' : 'SUBSTANCE',
          severity: i === 0 ? FindingSeverity.MAJOR : FindingSeverity.GENERAL,
          description: `${code} 案卷问题 ${i + 1}：未告知陈述申辩权利`,
          legalBasis: '《行政处罚法》第四十四条',
          evidence: { caseNo: `${code}-2026-${i}` },
          dedupKey: `${batchId}:${code}:${i}`,
        });
      }
    }
    const service = this.t.app.get(FindingService);
    await this.t.app.get(TransactionRunner).run((m) => service.record(m, drafts));
  }

  async gql(username: string, query: string, variables: Record<string, unknown> = {}): Promise<any> {
    return this.t.gql.ok(query, variables, await this.t.token(username));
  }

  async code(username: string, query: string, variables: Record<string, unknown> = {}): Promise<string | undefined> {
    return this.t.gql.code(query, variables, await this.t.token(username));
  }

  /** Runs a task mutation taking `input: { taskId, version, ... }` and returns the task. */
  async act(username: string, mutation: string, input: Record<string, unknown>): Promise<any> {
    const data = await this.gql(username, `mutation($input: ${inputType(mutation)}!) { ${mutation}(input: $input) { ${TASK_FIELDS} } }`, {
      input,
    });
    return data[mutation];
  }

  async actCode(username: string, mutation: string, input: Record<string, unknown>): Promise<string | undefined> {
    return this.code(username, `mutation($input: ${inputType(mutation)}!) { ${mutation}(input: $input) { id } }`, { input });
  }

  async upload(username: string, taskId: string, content: Buffer, name = 'evidence.pdf'): Promise<request.Response> {
    return request(this.t.app.getHttpServer())
      .post(`/files/rectification/${taskId}`)
      .set('authorization', `Bearer ${await this.t.token(username)}`)
      .attach('file', content, name);
  }

  async get(username: string, path: string): Promise<request.Response> {
    return request(this.t.app.getHttpServer())
      .get(path)
      .set('authorization', `Bearer ${await this.t.token(username)}`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
  }
}

const INPUT_TYPES: Record<string, string> = {
  acknowledgeRectification: 'TaskRefInput',
  startRectification: 'TaskRefInput',
  verifyRectification: 'TaskRefInput',
  closeRectification: 'TaskRefInput',
  submitRectification: 'SubmitRectificationInput',
  returnRectification: 'ReasonInput',
  cancelRectification: 'ReasonInput',
  requestRectificationExtension: 'RequestExtensionInput',
  decideRectificationExtension: 'DecideExtensionInput',
  scheduleRectificationFollowUp: 'ScheduleFollowUpInput',
  recordRectificationFollowUp: 'RecordFollowUpInput',
  issueRectification: 'IssueRectificationInput',
  bulkIssueRectification: 'BulkIssueRectificationInput',
};

function inputType(mutation: string): string {
  const type = INPUT_TYPES[mutation];
  if (!type) throw new Error(`unknown mutation ${mutation}`);
  return type;
}
