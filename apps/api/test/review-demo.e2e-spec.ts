import { TransactionRunner } from '@ducha/database';
import { startTestApp, type TestApp } from './harness.js';

describe('Demo data for case-file review (e2e)', () => {
  let t: TestApp;
  const sql = (text: string) => t.app.get(TransactionRunner).manager.query(text);

  beforeAll(async () => {
    t = await startTestApp({ RUN_RELAY: 'true' });
  });
  afterAll(async () => t.close());

  it('should seed a year of closed case files of every type with flags and a few deliberate flaws', async () => {
    const [s] =
      await sql(`SELECT count(*)::int AS files, count(DISTINCT case_type)::int AS types, count(DISTINCT department_id)::int AS departments,
        count(*) FILTER (WHERE major)::int AS major,
        count(*) FILTER (WHERE major AND legal_review_finished_date IS NULL)::int AS major_unreviewed,
        count(*) FILTER (WHERE legal_review_finished_date > decision_date)::int AS reviewed_late,
        count(*) FILTER (WHERE on_site_coercion IS NOT NULL AND NOT av_recorded)::int AS seizure_without_av,
        count(*) FILTER (WHERE cardinality(officer_certificate_nos) < 2)::int AS single_officer,
        count(*) FILTER (WHERE disclosed_date IS NOT NULL)::int AS disclosed,
        min(closed_date)::text AS first, max(closed_date)::text AS last FROM case_file`);
    expect(s.files).toBe(3000);
    expect(s.types).toBe(11);
    expect(s.departments).toBeGreaterThanOrEqual(25);
    expect(s.major).toBeGreaterThan(20);
    for (const flaw of ['major_unreviewed', 'reviewed_late', 'seizure_without_av', 'single_officer']) expect(s[flaw]).toBeGreaterThan(0);
    expect(s.disclosed).toBeGreaterThan(1000);
    expect(Date.parse(s.last) - Date.parse(s.first)).toBeGreaterThan(300 * 86400000);
  });

  it("should show a newcomer both rubrics and last year's published campaign with results", async () => {
    const officer = await t.token('officer');
    const rubrics = (await t.gql.ok(`{ rubrics { total items { code } } }`, {}, officer)).rubrics;
    expect(rubrics.items.map((r: { code: string }) => r.code).sort()).toEqual(['EXAMPLE-LICENSING', 'MEE-PENALTY-GENERAL']);
    const campaigns = (await t.gql.ok(`{ reviewCampaigns { items { id name stage year } } }`, {}, officer)).reviewCampaigns.items;
    const year = new Date().getUTCFullYear() - 1;
    expect(campaigns).toEqual([expect.objectContaining({ stage: 'PUBLISHED', year, name: `${year}年度行政执法案卷评查` })]);
    const results = (
      await t.gql.ok(
        `query($c: ID!) { campaignResults(campaignId: $c) { files departments { rank departmentName meanScore } } }`,
        { c: campaigns[0].id },
        officer,
      )
    ).campaignResults;
    expect(results.files).toBeGreaterThan(10);
    expect(results.departments[0].rank).toBe(1);
    const [{ n }] = await sql(`SELECT count(*)::int AS n FROM finding WHERE source = 'CASE_REVIEW'`);
    expect(n).toBeGreaterThan(0);
  });

  it('should show a leader real figures in every part of the cockpit the first time it is opened', async () => {
    const leader = await t.token('leader');
    const { me } = await t.gql.ok(`{ me { unit { regionId } } }`, {}, leader);
    const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
    // The relay projects the standing screen's events, emitted after the seed, into the read model.
    for (let waited = 0; (await sql(`SELECT 1 FROM outbox_event WHERE seq IS NULL LIMIT 1`)).length > 0; waited += 100) {
      if (waited > 30_000) throw new Error('the relay did not relay the seed’s events');
      await new Promise((r) => setTimeout(r, 100));
    }
    const [{ head }] = await sql(`SELECT coalesce(max(seq), 0)::int AS head FROM outbox_event`);
    const { cockpit } = await t.gql.ok(
      `query($r: ID!, $p: String!) { cockpit(regionId: $r, period: $p) { asOfSeq kpis {
        filesReviewed meanScore complianceChecks meanComplianceScore disclosureOnTimeRate legalReviewCoverage avFiledRate
        tasksIssued tasksOpen tasksOverdue tasksClosed } } }`,
      { r: me.unit.regionId, p: String(year) },
      leader,
    );
    expect(cockpit.asOfSeq).toBeGreaterThanOrEqual(head);
    const k = cockpit.kpis;
    for (const count of ['filesReviewed', 'complianceChecks', 'tasksIssued', 'tasksOpen', 'tasksOverdue', 'tasksClosed'])
      expect({ count, positive: k[count] > 0 }).toEqual({ count, positive: true });
    // The three-systems rates come from the standing screen, run once after seeding as the nightly job would.
    for (const rate of ['disclosureOnTimeRate', 'legalReviewCoverage', 'avFiledRate'])
      expect({ rate, between0and1: k[rate] > 0 && k[rate] < 1 }).toEqual({ rate, between0and1: true });
  });
});
