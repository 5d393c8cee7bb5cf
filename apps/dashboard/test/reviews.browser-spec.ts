import type { Page } from 'playwright-core';
import { startApiProcess, type ApiProcess } from './support/api-process.js';
import { launchBrowser, screenshot, signIn, type TestBrowser } from './support/browser.js';
import { apiLogin, gql } from './support/graphql.js';

async function pick(page: Page, selectTestId: string, option: string): Promise<void> {
  await page.getByTestId(selectTestId).click();
  await page.keyboard.type(option.slice(0, 6));
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
  await page.keyboard.press('Escape');
}

/** 案卷评查: the demo inspector plans a campaign, draws with a seed, and scores a file with a veto and an N/A item. */
describe('case-file review (browser)', () => {
  let api: ApiProcess;
  let browser: TestBrowser;
  let page: Page;

  beforeAll(async () => {
    api = await startApiProcess();
    browser = await launchBrowser();
    page = await browser.newPage();
    await signIn(page, api.baseUrl, 'inspector');
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  afterEach(() => {
    expect(browser.consoleErrors).toEqual([]);
  });

  it('creates a campaign with the step form, draws with the seed shown, scores a file live and matches the server score', async () => {
    await page.goto(`${api.baseUrl}/reviews`);
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
    const inspector = await apiLogin(api.baseUrl, 'inspector');
    const campaignId = new URL(page.url()).pathname.split('/')[2]!;
    const sheets = await gql<{ myScoreSheets: { items: { id: string; score: number | null; vetoHits: string[]; status: string }[] } }>(
      api.baseUrl,
      `query($id: ID!) { myScoreSheets(campaignId: $id, page: 1, pageSize: 50) { items { id score vetoHits status } } }`,
      { id: campaignId },
      inspector.token,
    );
    const submitted = sheets.myScoreSheets.items.find((s) => s.status === 'SUBMITTED')!;
    expect(submitted.score).toBe(0);
    expect(submitted.vetoHits).toEqual(['L02']);
  });
});
