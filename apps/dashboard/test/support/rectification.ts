import { gql, type ApiUser } from './graphql.js';

export interface IssuedTask {
  id: string;
  taskNo: string;
  deadline: string;
  version: number;
}

/** A task issued to a department from a fresh inspection finding (arranged as the office would). */
export async function issueTask(baseUrl: string, inspector: ApiUser, departmentId: string, description: string): Promise<IssuedTask> {
  const finding = await gql<{ createFinding: { id: string } }>(
    baseUrl,
    `mutation($f: CreateFindingInput!) { createFinding(input: $f) { id } }`,
    { f: { departmentId, source: 'INSPECTION', severity: 'GENERAL', category: '执法程序', description } },
    inspector.token,
  );
  const task = await gql<{ issueRectification: IssuedTask }>(
    baseUrl,
    `mutation($i: IssueRectificationInput!) { issueRectification(input: $i) { id taskNo deadline version } }`,
    { i: { findingIds: [finding.createFinding.id], requirements: '限期整改', responsiblePerson: '王科长', coDepartmentIds: [] } },
    inspector.token,
  );
  return task.issueRectification;
}

/** `date` (YYYY-MM-DD) plus some calendar days, as typed into a date picker. */
export function daysAfter(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
