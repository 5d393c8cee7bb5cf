import { gql, type ApiUser } from './graphql.js';

type Item = { code: string; kind: string; maxPoints?: number; children?: Item[] };

/** Full marks on a rubric: every EARN leaf earns its maximum (what a clean file gets). */
export function fullMarks(template: { sections: { items: Item[] }[] }): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  const walk = (items: Item[]): void =>
    items.forEach((i) => (i.children?.length ? walk(i.children) : i.kind === 'EARN' && (answers[i.code] = { points: i.maxPoints! })));
  template.sections.forEach((s) => walk(s.items));
  return answers;
}

export const MEE_RUBRIC = { code: 'MEE-PENALTY-GENERAL', version: '2024' };

/** The demo inspectors' ids by username, as the `inspectors` picker lists them. */
export async function inspectorIds(baseUrl: string, user: ApiUser): Promise<Map<string, string>> {
  const data = await gql<{ inspectors: { id: string; username: string }[] }>(baseUrl, `{ inspectors { id username } }`, {}, user.token);
  return new Map(data.inspectors.map((i) => [i.username, i.id]));
}

/** An account with the inspector role in a unit (arranged as the admin would). */
export async function createInspector(
  baseUrl: string,
  admin: ApiUser,
  username: string,
  displayName: string,
  unitId: string,
): Promise<string> {
  const data = await gql<{ createUser: { id: string } }>(
    baseUrl,
    `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`,
    { i: { username, displayName, unitId, roles: ['INSPECTOR'], password: 'Ducha@2026' } },
    admin.token,
  );
  return data.createUser.id;
}

/** A one-file penalty campaign over one department, drawn and assigned to two reviewers; returns its id. */
export async function assignedCampaign(
  baseUrl: string,
  inspector: ApiUser,
  name: string,
  seed: string,
  departmentId: string,
  reviewerIds: string[],
): Promise<string> {
  const year = new Date().getFullYear();
  const created = await gql<{ createReviewCampaign: { id: string } }>(
    baseUrl,
    `mutation($i: CreateReviewCampaignInput!) { createReviewCampaign(input: $i) { id } }`,
    {
      i: {
        name,
        year,
        periodFrom: `${year - 1}-01-01`,
        periodTo: `${year}-12-31`,
        caseTypes: ['PENALTY'],
        rubrics: [{ caseType: 'PENALTY', ...MEE_RUBRIC }],
        departmentIds: [departmentId],
        filesPerDepartment: 1,
        reviewerIds,
        reviewersPerFile: 2,
        recheckRule: { belowFailLine: false, differentGrades: true, maxSpread: null },
      },
    },
    inspector.token,
  );
  const c = created.createReviewCampaign.id;
  await gql(baseUrl, `mutation($c: ID!, $s: String) { drawSample(campaignId: $c, seed: $s) { id } }`, { c, s: seed }, inspector.token);
  await gql(baseUrl, `mutation($c: ID!) { assignReviewers(campaignId: $c) { id } }`, { c }, inspector.token);
  return c;
}

/** Submits the reviewer's (only) sheet of a campaign with these answers. */
export async function submitOwnSheet(
  baseUrl: string,
  reviewer: ApiUser,
  campaignId: string,
  answers: Record<string, unknown>,
): Promise<void> {
  const mine = await gql<{ myScoreSheets: { items: { id: string; version: number }[] } }>(
    baseUrl,
    `query($c: ID!) { myScoreSheets(campaignId: $c) { items { id version } } }`,
    { c: campaignId },
    reviewer.token,
  );
  const sheet = mine.myScoreSheets.items[0]!;
  await gql(
    baseUrl,
    `mutation($i: ScoreSheetInput!) { submitScoreSheet(input: $i) { id } }`,
    { i: { sheetId: sheet.id, version: sheet.version, answers } },
    reviewer.token,
  );
}
