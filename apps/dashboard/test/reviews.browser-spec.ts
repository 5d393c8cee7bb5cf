import type { Page } from 'playwright-core';
import { dropdownOption, pick } from './support/antd.js';
import { screenshot } from './support/browser.js';
import { apiLogin, gql } from './support/graphql.js';
import { assignedCampaign, createInspector, fullMarks, inspectorIds, MEE_RUBRIC, submitOwnSheet } from './support/reviews.js';
import { browserSuite } from './support/suite.js';

/** 案卷评查: the demo inspector plans a campaign, draws with a seed, and scores a file with a veto and an N/A item. */
describe('case-file review (browser)', () => {
  const suite = browserSuite(['inspector']);
  let page: Page;
  beforeAll(() => {
    page = suite.page('inspector');
  });

  it('creates a campaign with the step form, draws with the seed shown, scores a file live and matches the server score', async () => {
    await page.goto(`${suite.baseUrl}/reviews`);
    await page.getByTestId('campaigns-table').locator('tbody tr.ant-table-row').first().waitFor();
    await screenshot(page, 'reviews-campaigns');

    // Step form: basics → scope → reviewers.
    await page.getByTestId('campaign-new').click();
    await page.getByTestId('campaign-name').fill('浏览器测试专项评查');
    await page.getByTestId('campaign-next').click();
    await pick(page, 'campaign-case-types', 'PENALTY');
    await pick(page, 'campaign-rubric-PENALTY', '生态环境行政处罚案卷评查细则');
    await pick(page, 'campaign-departments', '区市场监督管理局');
    await screenshot(page, 'reviews-campaign-form');
    await page.getByTestId('campaign-next').click();
    // Reviewers are chosen by name among the region's inspectors (the second one joins me).
    await pick(page, 'campaign-reviewers', '赵评查');
    await page.getByTestId('campaign-create').click();

    // The campaign page: draw with a seed (shown afterwards), then assign reviewers.
    await page.getByTestId('campaign-page').waitFor();
    await page.getByTestId('draw-seed').fill('browser-2026');
    await page.getByTestId('draw').click();
    await page.getByTestId('campaign-seed').getByText('browser-2026').waitFor();
    await page.getByTestId('assign').click();
    const mySheet = page.getByTestId('my-sheets').locator('tbody tr.ant-table-row').first();
    await mySheet.waitFor();
    await screenshot(page, 'reviews-campaign');
    await mySheet.getByRole('link').click();

    // Score: deduct half a point, mark an item not applicable, watch the live score; then hit a veto.
    await page.getByTestId('score-page').waitFor();
    await page.getByTestId('case-facts').waitFor();
    await page.getByTestId('fill-full-marks').click();
    const liveScore = page.getByTestId('live-score').locator('.ant-statistic-content');
    const deduction = page.getByTestId('item-B1.1').locator('input.ant-input-number-input');
    await deduction.fill('0.5');
    await deduction.blur();
    await page.getByTestId('item-D04').getByRole('checkbox').first().check();
    const beforeVeto = await liveScore.textContent();
    expect(Number(beforeVeto)).toBeGreaterThan(60);
    expect(Number(beforeVeto)).toBeLessThan(100);
    await page.getByTestId('item-L02').getByRole('checkbox').check();
    await page.getByTestId('live-score').getByText('触发否决项').waitFor();
    expect(Number(await liveScore.textContent())).toBe(0);
    expect(await page.getByTestId('live-grade').textContent()).toBe('不合格');
    await page.getByText('草稿已自动保存').waitFor({ timeout: 15_000 });
    await screenshot(page, 'reviews-score-sheet');

    await page.getByTestId('sheet-submit').click();
    await page.getByTestId('sheet-submit-confirm').click();
    await page.getByTestId('server-score').waitFor();
    expect(await page.getByTestId('server-score').textContent()).toContain('服务器计分：0 分');

    // The server's stored score equals the one the browser computed.
    const inspector = await apiLogin(suite.baseUrl, 'inspector');
    const campaignId = new URL(page.url()).pathname.split('/')[2]!;
    const sheets = await gql<{ myScoreSheets: { items: { id: string; score: number | null; vetoHits: string[]; status: string }[] } }>(
      suite.baseUrl,
      `query($id: ID!) { myScoreSheets(campaignId: $id, page: 1, pageSize: 50) { items { id score vetoHits status } } }`,
      { id: campaignId },
      inspector.token,
    );
    const submitted = sheets.myScoreSheets.items.find((s) => s.status === 'SUBMITTED')!;
    expect(submitted.score).toBe(0);
    expect(submitted.vetoHits).toEqual(['L02']);
  });

  it('shows who scores which file, greys out the reviewers a rule blocks with the reason, reassigns, and queues a disputed file for re-check', async () => {
    const base = suite.baseUrl;
    const [admin, inspector, inspector2, officer] = await Promise.all(
      ['admin', 'inspector', 'inspector2', 'officer'].map((u) => apiLogin(base, u)),
    );
    // Arrange: an inspector working in the reviewed department (recused from its files) and a third office inspector.
    await createInspector(base, admin, 'insp-scjg', '钱回避', officer.unitId);
    await createInspector(base, admin, 'insp-third', '孙复核', inspector.unitId);
    const ids = await inspectorIds(base, inspector);
    const team = [ids.get('inspector')!, ids.get('inspector2')!];
    const reassignCampaign = await assignedCampaign(base, inspector, '改派演示评查', 'reassign-demo', officer.unitId, team);

    await page.goto(`${base}/reviews/${reassignCampaign}`);
    const rows = page.getByTestId('assignments-table').locator('tbody tr.ant-table-row');
    await rows.nth(1).waitFor();
    expect(await rows.count()).toBe(2);
    const row = rows.first();
    const before = (await row.locator('td').nth(2).textContent())!;
    await row.getByTestId('reviewer-picker').click();
    const recused = dropdownOption(page, '钱回避');
    await recused.waitFor();
    expect(await recused.getAttribute('class')).toContain('ant-select-item-option-disabled');
    expect(await recused.textContent()).toContain('不可选：评查人员不得评查本单位的案卷，应当回避');
    expect(await dropdownOption(page, before).textContent()).toContain('已是该案卷的初评人员');
    await screenshot(page, 'reviews-assignments');
    await dropdownOption(page, '孙复核').click();
    await row.getByTestId('reviewer-assign').click();
    await page.getByText('已改派').waitFor();
    await page.getByTestId('assignments-table').getByRole('cell', { name: '孙复核', exact: true }).waitFor();

    // A file both reviewers scored differently (full marks, then a veto) waits for its re-check.
    const recheckCampaign = await assignedCampaign(base, inspector, '复核演示评查', 'recheck-demo', officer.unitId, team);
    const rubric = await gql<{ rubric: { template: Parameters<typeof fullMarks>[0] } }>(
      base,
      `query($c: String!, $v: String!) { rubric(code: $c, version: $v) { template } }`,
      { c: MEE_RUBRIC.code, v: MEE_RUBRIC.version },
      inspector.token,
    );
    const clean = fullMarks(rubric.rubric.template);
    await submitOwnSheet(base, inspector, recheckCampaign, clean);
    await submitOwnSheet(base, inspector2, recheckCampaign, { ...clean, L02: { hit: true, note: '执法主体不适格' } });

    await page.goto(`${base}/reviews`);
    await page.getByTestId('recheck-queue-link').click();
    const queued = page.getByTestId('recheck-queue').locator('tbody tr.ant-table-row', { hasText: '复核演示评查' });
    await queued.waitFor();
    expect(await queued.textContent()).toContain('100 分 · 优秀');
    expect(await queued.textContent()).toContain('0 分 · 不合格');
    expect(await queued.textContent()).toContain('未指派');
    await queued.getByTestId('reviewer-picker').click();
    expect(await dropdownOption(page, '李督察').textContent()).toContain('已是该案卷的初评人员');
    await dropdownOption(page, '孙复核').click();
    await queued.getByTestId('reviewer-assign').click();
    await page.getByText('已指派复核人员').waitFor();
    await queued.getByRole('cell', { name: '孙复核', exact: true }).waitFor();
    await screenshot(page, 'reviews-recheck-queue');
  });

  it('scores a file with a deduction and a not-applicable item, and the server stores exactly the score shown', async () => {
    const base = suite.baseUrl;
    const [inspector, officer] = await Promise.all(['inspector', 'officer'].map((u) => apiLogin(base, u)));
    const ids = await inspectorIds(base, inspector);
    const campaignId = await assignedCampaign(base, inspector, '计分核对评查', 'match-demo', officer.unitId, [
      ids.get('inspector')!,
      ids.get('inspector2')!,
    ]);
    await page.goto(`${base}/reviews/${campaignId}`);
    await page.getByTestId('my-sheets').locator('tbody tr.ant-table-row').first().getByRole('link').click();
    await page.getByTestId('score-page').waitFor();
    await page.getByTestId('fill-full-marks').click();
    const deduction = page.getByTestId('item-B1.1').locator('input.ant-input-number-input');
    await deduction.fill('1.5');
    await deduction.blur();
    await page.getByTestId('item-D04').getByRole('checkbox').first().check();
    const liveScore = page.getByTestId('live-score').locator('.ant-statistic-content');
    // Neither full marks nor a veto's zero: the deduction and the rescaling for the excluded item show in it.
    const live = Number(await liveScore.textContent());
    expect(live).toBeGreaterThan(60);
    expect(live).toBeLessThan(100);
    await page.getByTestId('sheet-submit').click();
    await page.getByTestId('sheet-submit-confirm').click();
    await page.getByTestId('server-score').waitFor();
    expect(await page.getByTestId('server-score').textContent()).toContain(`服务器计分：${live} 分`);
    const sheets = await gql<{ myScoreSheets: { items: { score: number | null; status: string }[] } }>(
      base,
      `query($id: ID!) { myScoreSheets(campaignId: $id, page: 1, pageSize: 50) { items { score status } } }`,
      { id: campaignId },
      inspector.token,
    );
    expect(sheets.myScoreSheets.items).toEqual([{ score: live, status: 'SUBMITTED' }]);
  });

  it("shows a finished campaign's results: ranking and the typical problems the bulletin lists", async () => {
    const base = suite.baseUrl;
    const inspector = await apiLogin(base, 'inspector');
    const year = new Date().getFullYear() - 1;
    const campaigns = await gql<{ reviewCampaigns: { items: { id: string; name: string }[] } }>(
      base,
      `{ reviewCampaigns(pageSize: 50) { items { id name } } }`,
      {},
      inspector.token,
    );
    const demo = campaigns.reviewCampaigns.items.find((c) => c.name === `${year}年度行政执法案卷评查`)!;
    const results = await gql<{ campaignResults: { typicalProblems: { group: string; title: string; count: number }[] } }>(
      base,
      `query($id: ID!) { campaignResults(campaignId: $id) { typicalProblems } }`,
      { id: demo.id },
      inspector.token,
    );
    const expected = results.campaignResults.typicalProblems;
    expect(expected.length).toBeGreaterThan(0);
    await page.goto(`${base}/reviews/${demo.id}`);
    await page.getByTestId('campaign-results').locator('tbody tr.ant-table-row').first().waitFor();
    const lines = await page.getByTestId('campaign-typical-problems').locator('.ant-list-item').allTextContents();
    expect(lines).toEqual(expected.map((p, i) => `${i + 1}. ${p.group}方面：${p.title}（${p.count} 件）`));
    await page.getByTestId('campaign-typical-problems').scrollIntoViewIfNeeded();
    await screenshot(page, 'reviews-results');
  });
});
