import { startTestApp, type TestApp } from './harness.js';

type Item = { code: string; kind: string; maxPoints?: number; children?: Item[] };
/** Full marks on the MEE rubric: every EARN leaf earns its maximum. */
function fullMarks(template: { sections: { items: Item[] }[] }): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  const walk = (items: Item[]) =>
    items.forEach((i) => (i.children?.length ? walk(i.children) : i.kind === 'EARN' && (answers[i.code] = { points: i.maxPoints! })));
  template.sections.forEach((s) => walk(s.items));
  return answers;
}

const q = {
  inspectors: `query($s: String) { inspectors(search: $s) { id username displayName unitName } }`,
  assignments: `query($c: ID!) { reviewAssignments(campaignId: $c, pageSize: 50) { total items { sheetId reviewFileId fileNo departmentName reviewerId reviewerName kind status } } }`,
  options: `query($f: ID!) { reviewerOptions(reviewFileId: $f) { reviewerId displayName allowed rule reason } }`,
  queue: `{ recheckQueue(pageSize: 50) { total items { reviewFileId campaignName fileNo initialScores initialGrades recheckSheetId recheckReviewerName canAssign } } }`,
  createUser: `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`,
};

/** The read-only views an inspector needs to run a campaign: inspectors, assignments, candidates with their blocking rule, re-checks. */
describe('Review assignments, reviewer options and the re-check queue (e2e)', () => {
  let t: TestApp;
  const tok: Record<string, string> = {};
  const ids: Record<string, string> = {};
  let campaignId = '';
  const ok = (query: string, vars: Record<string, unknown>, who: string) => t.gql.ok(query, vars, tok[who]);
  const code = async (query: string, vars: Record<string, unknown>, who: string) =>
    (await t.gql.run(query, vars, tok[who])).errors?.[0]?.extensions?.code;

  beforeAll(async () => {
    t = await startTestApp();
    for (const who of ['admin', 'inspector', 'inspector2', 'officer']) tok[who] = await t.token(who);
    const me = `{ me { id unit { id } } }`;
    ids.officerUnit = (await ok(me, {}, 'officer')).me.unit.id;
    ids.officeUnit = (await ok(me, {}, 'inspector')).me.unit.id;
    const town = (await ok(`{ units(kind: TOWN, pageSize: 1) { items { id } } }`, {}, 'admin')).units.items[0].id;
    const user = async (username: string, unitId: string) => {
      const input = { username, displayName: `测试${username}`, unitId, roles: ['INSPECTOR'], password: 'Ducha@2026' };
      ids[username] = (await ok(q.createUser, { i: input }, 'admin')).createUser.id;
      tok[username] = await t.token(username);
    };
    await user('insp-scjg', ids.officerUnit); // an inspector working in the reviewed department
    await user('insp-third', ids.officeUnit);
    await user('insp-town', town);
  });
  afterAll(async () => t.close());

  it('should list the active inspectors of the caller’s region to office staff only, searchable', async () => {
    const names = async (who: string, s?: string) =>
      ((await ok(q.inspectors, { s }, who)).inspectors as { username: string }[]).map((i) => i.username).sort();
    expect(await names('inspector')).toEqual(['insp-scjg', 'insp-third', 'insp-town', 'inspector', 'inspector2']);
    expect(await names('inspector', 'third')).toEqual(['insp-third']);
    // A town's inspector sees the town's inspectors only, not the district office's.
    expect(await names('insp-town')).toEqual(['insp-town']);
    expect(await code(q.inspectors, {}, 'officer')).toBe('FORBIDDEN');
  });

  it('should show who scores which file and name the rule that blocks each refused candidate', async () => {
    const year = new Date().getFullYear();
    const input = {
      name: '分配与复核视图测试',
      year,
      periodFrom: `${year - 1}-01-01`,
      periodTo: `${year}-12-31`,
      caseTypes: ['PENALTY'],
      departmentIds: [ids.officerUnit],
      filesPerDepartment: 1,
      reviewersPerFile: 2,
      reviewerIds: ((await ok(q.inspectors, { s: 'inspector' }, 'inspector')).inspectors as { id: string; username: string }[])
        .filter((i) => i.username.startsWith('inspector'))
        .map((i) => i.id),
      rubrics: [{ caseType: 'PENALTY', code: 'MEE-PENALTY-GENERAL', version: '2024' }],
      recheckRule: { belowFailLine: false, differentGrades: true, maxSpread: null },
    };
    campaignId = (
      await ok(`mutation($i: CreateReviewCampaignInput!) { createReviewCampaign(input: $i) { id } }`, { i: input }, 'inspector')
    ).createReviewCampaign.id;
    await ok(`mutation($c: ID!) { drawSample(campaignId: $c, seed: "views") { id } }`, { c: campaignId }, 'inspector');
    await ok(`mutation($c: ID!) { assignReviewers(campaignId: $c) { id } }`, { c: campaignId }, 'inspector');

    const { total, items } = (await ok(q.assignments, { c: campaignId }, 'inspector')).reviewAssignments;
    expect(total).toBe(2);
    expect(items.map((a: { reviewerName: string }) => a.reviewerName).sort()).toEqual(['李督察', '赵评查'].sort());
    expect(items.every((a: { kind: string; status: string; departmentName: string }) => a.kind === 'INITIAL' && a.status === 'DRAFT')).toBe(
      true,
    );
    expect(await code(q.assignments, { c: campaignId }, 'officer')).toBe('FORBIDDEN');

    const options = (await ok(q.options, { f: items[0].reviewFileId }, 'inspector')).reviewerOptions as {
      displayName: string;
      allowed: boolean;
      rule: string;
    }[];
    const rule = (name: string) => options.find((o) => o.displayName === name);
    expect(rule('测试insp-scjg')).toMatchObject({ allowed: false, rule: 'RECUSAL_OWN_DEPARTMENT' });
    expect(rule('测试insp-third')).toMatchObject({ allowed: true });
    expect(options.filter((o) => o.rule === 'ALREADY_REVIEWING')).toHaveLength(2);
    expect(await code(q.options, { f: items[0].reviewFileId }, 'officer')).toBe('FORBIDDEN');
  });

  it('should queue a disputed file for re-check with its initial scores, for the organisers and then the re-check reviewer', async () => {
    const rubric = (await ok(`{ rubric(code: "MEE-PENALTY-GENERAL", version: "2024") { template } }`, {}, 'inspector')).rubric.template;
    const base = fullMarks(rubric);
    const submit = `mutation($i: ScoreSheetInput!) { submitScoreSheet(input: $i) { score } }`;
    for (const who of ['inspector', 'inspector2']) {
      const [sheet] = (await ok(`query($c: ID!) { myScoreSheets(campaignId: $c) { items { id version } } }`, { c: campaignId }, who))
        .myScoreSheets.items;
      const answers = who === 'inspector' ? base : { ...base, L02: { hit: true, note: '主体不合法' } };
      await ok(submit, { i: { sheetId: sheet.id, version: sheet.version, answers } }, who);
    }
    const queue = (await ok(q.queue, {}, 'inspector')).recheckQueue;
    expect(queue.total).toBe(1);
    expect(queue.items[0]).toMatchObject({ campaignName: '分配与复核视图测试', recheckSheetId: null, canAssign: true });
    expect([...queue.items[0].initialScores].sort()).toEqual([0, 100]);
    expect((await ok(q.queue, {}, 'officer')).recheckQueue.total).toBe(0);

    const fileId = queue.items[0].reviewFileId;
    await ok(
      `mutation($f: ID!, $r: ID!) { assignRecheck(reviewFileId: $f, reviewerId: $r) { id } }`,
      { f: fileId, r: ids['insp-third'] },
      'inspector',
    );
    const given = (await ok(q.queue, {}, 'insp-third')).recheckQueue.items[0];
    expect(given).toMatchObject({ reviewFileId: fileId, recheckReviewerName: '测试insp-third', recheckSheetId: expect.any(String) });
    // The town inspector neither runs the campaign nor holds its re-check.
    expect((await ok(q.queue, {}, 'insp-town')).recheckQueue.total).toBe(0);
  });
});
