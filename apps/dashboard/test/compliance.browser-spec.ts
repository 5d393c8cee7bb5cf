import type { Page } from 'playwright-core';
import { startApiProcess, type ApiProcess } from './support/api-process.js';
import { launchBrowser, screenshot, signIn, type TestBrowser } from './support/browser.js';
import { apiLogin, gql } from './support/graphql.js';

/** 三项制度检查: screening pre-fills the checklist; an override needs a reason; the check is submitted. */
describe('three-systems check (browser)', () => {
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

  it('runs the screening, shows the pre-filled results, refuses an override without a reason, and submits', async () => {
    const [inspector, officer] = [await apiLogin(api.baseUrl, 'inspector'), await apiLogin(api.baseUrl, 'officer')];
    const lists = await gql<{ complianceChecklists: { items: { id: string }[] } }>(
      api.baseUrl,
      `{ complianceChecklists(page: 1, pageSize: 5) { items { id } } }`,
      {},
      inspector.token,
    );
    const year = new Date().getFullYear();
    const round = await gql<{ createComplianceRound: { id: string } }>(
      api.baseUrl,
      `mutation($i: CreateComplianceRoundInput!) { createComplianceRound(input: $i) { id } }`,
      {
        i: {
          name: '浏览器测试三项制度检查',
          checklistId: lists.complianceChecklists.items[0]!.id,
          departmentIds: [officer.unitId],
          inspectorIds: [inspector.userId],
          periodFrom: `${year}-01-01`,
          periodTo: `${year}-12-31`,
        },
      },
      inspector.token,
    );

    await page.goto(`${api.baseUrl}/compliance/${round.createComplianceRound.id}`);
    await page.getByTestId('round-page').waitFor();
    await page.getByRole('button', { name: '运行自动筛查' }).click();
    await page.getByText('自动筛查：已完成').waitFor({ timeout: 60_000 });
    await screenshot(page, 'compliance-round');
    await page.getByRole('link', { name: '检查', exact: true }).click();
    await page.getByTestId('check-page').waitFor();
    await screenshot(page, 'compliance-check');

    // Override the first screened item: the save is blocked until a reason is written.
    const screened = page.locator('tbody tr.ant-table-row', { has: page.locator('.ant-tag', { hasText: /符合|不符合/ }) }).first();
    await screened.locator('.ant-select').click();
    const current = (await screened.locator('.ant-select-content, .ant-select-selection-item').first().textContent())?.trim();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: current === '部分符合' ? '不符合' : '部分符合' })
      .first()
      .click();
    await page.getByText('与筛查结果不同，须填写理由').waitFor();
    await screened.getByPlaceholder('改判理由').fill('现场核查已补正');
    await page.getByTestId('fill-pass').click();
    await page.getByRole('button', { name: '提交检查' }).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await page.locator('.ant-tag', { hasText: '已提交' }).waitFor({ timeout: 20_000 });
    await screenshot(page, 'compliance-check-submitted');
  });
});
