import type { TestApp } from './harness.js';
import { readFileSync } from 'node:fs';

export const CHECKLIST = JSON.parse(
  readFileSync(new URL('../../../libs/compliance/src/data/three-systems-checklist.json', import.meta.url), 'utf8'),
);

export const CHECK_FIELDS = `id departmentId departmentName inspectorId status score grade version subtotals { system earned max }
  items { id itemCode system auto mayNotApply screenResult screenPassed screenTotal screenFailures { subject label reason } screenFailuresOmitted result note overrideReason files { id fileName contentType } }`;
export const ROUND = `query($id: ID!) { complianceRound(id: $id) { id stage screening screeningError version checks { ${CHECK_FIELDS} } } }`;
export const SAVE = `mutation($input: SaveComplianceCheckInput!) { saveComplianceCheck(input: $input) { ${CHECK_FIELDS} } }`;
export const SUBMIT = `mutation($id: ID!, $v: Int!) { submitComplianceCheck(checkId: $id, version: $v) { id status score grade version subtotals { system earned max } } }`;

/** Polls until `done` holds (jobs run asynchronously). */
export async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting; last value ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function unitIds(t: TestApp, token: string): Promise<Map<string, string>> {
  const data = await t.gql.ok(`{ units(pageSize: 200) { items { id code } } }`, {}, token);
  return new Map(data.units.items.map((u: { id: string; code: string }) => [u.code, u.id]));
}

export async function userId(t: TestApp, username: string): Promise<string> {
  return (await t.gql.ok(`{ me { id } }`, {}, await t.token(username))).me.id;
}

/** A case file row for importCaseFiles with defaults that pass every screen. */
export function caseRow(departmentCode: string, fileNo: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    departmentCode,
    fileNo,
    caseType: 'PENALTY',
    cause: '未按规定明码标价',
    partyName: '清河某商贸有限公司',
    partyKind: 'ORGANISATION',
    officerCertificateNos: ['E2E-A1', 'E2E-A2'],
    filedDate: '2025-05-06',
    decisionDate: '2025-06-10',
    disclosedDate: '2025-06-12',
    closedDate: '2025-07-01',
    penaltyKinds: ['FINE'],
    fineFen: 300_000,
    ...over,
  };
}

/** PDF and PNG bytes good enough for content sniffing. */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
export const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
