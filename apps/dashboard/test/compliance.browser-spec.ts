import type { Page } from 'playwright-core';
import { pick } from './support/antd.js';
import { screenshot } from './support/browser.js';
import { browserSuite } from './support/suite.js';
import { apiLogin, gql } from './support/graphql.js';

/** 三项制度检查: screening pre-fills the checklist; an override needs a reason; the check is submitted. */
describe('three-systems check (browser)', () => {
  const suite = browserSuite(['inspector', 'officer']);
  let page: Page;
  beforeAll(() => {
    page = suite.page('inspector');
  });

  it('offers the region’s inspectors by name when a round is planned', async () => {
    await page.goto(`${suite.baseUrl}/compliance`);
    await page.getByRole('button', { name: '新建检查轮次' }).click();
    await page.locator('.ant-modal').getByText('检查人员').waitFor();
    await page.getByTestId('round-inspectors').getByText('李督察').waitFor();
    await pick(page, 'round-inspectors', '赵评查');
    await page.getByTestId('round-inspectors').getByText('赵评查').waitFor();
    await screenshot(page, 'compliance-round-new');
    await page.getByRole('button', { name: /取\s*消/ }).click();
  });

  /** A round over the officer's department for this year, planned through the API. */
  async function planRound(name: string): Promise<string> {
    const [inspector, officer] = [await apiLogin(suite.baseUrl, 'inspector'), await apiLogin(suite.baseUrl, 'officer')];
    const lists = await gql<{ complianceChecklists: { items: { id: string }[] } }>(
      suite.baseUrl,
      `{ complianceChecklists(page: 1, pageSize: 5) { items { id } } }`,
      {},
      inspector.token,
    );
    const year = new Date().getFullYear();
    const round = await gql<{ createComplianceRound: { id: string } }>(
      suite.baseUrl,
      `mutation($i: CreateComplianceRoundInput!) { createComplianceRound(input: $i) { id } }`,
      {
        i: {
          name,
          checklistId: lists.complianceChecklists.items[0]!.id,
          departmentIds: [officer.unitId],
          inspectorIds: [inspector.userId],
          periodFrom: `${year}-01-01`,
          periodTo: `${year}-12-31`,
        },
      },
      inspector.token,
    );

    return round.createComplianceRound.id;
  }

  /** Waits for the round page to say the screening ended; on a timeout, says what the server thinks. */
  async function screeningEnded(on: Page, roundId: string): Promise<void> {
    try {
      await on.getByText('自动筛查：已完成').waitFor({ timeout: 60_000 });
    } catch (error) {
      const inspector = await apiLogin(suite.baseUrl, 'inspector');
      const state = await gql<{ complianceRound: { screening: string; screeningError: string | null } }>(
        suite.baseUrl,
        `query($id: ID!) { complianceRound(id: $id) { screening screeningError } }`,
        { id: roundId },
        inspector.token,
      );
      throw new Error(`the page did not show the end of the screening; the server says ${JSON.stringify(state.complianceRound)}`, {
        cause: error,
      });
    }
  }

  it('runs the screening, shows the pre-filled results, refuses an override without a reason, and submits', async () => {
    const roundId = await planRound('浏览器测试三项制度检查');
    await page.goto(`${suite.baseUrl}/compliance/${roundId}`);
    await page.getByTestId('round-page').waitFor();
    await page.getByRole('button', { name: '运行自动筛查' }).click();
    await screeningEnded(page, roundId);
    // The progress bar is fed by the job's events: it ends at every case screened.
    const progress = page.getByTestId('screening-progress');
    expect(await progress.textContent()).toMatch(/自动筛查进度：已处理 (\d+) \/ \1 件/);
    await screenshot(page, 'compliance-round');
    await page.getByRole('link', { name: '检查', exact: true }).click();
    await page.getByTestId('check-page').waitFor();
    await screenshot(page, 'compliance-check');

    // Each failing case links to its case file.
    const failing = page.getByTestId('screen-failures').getByRole('link').first();
    const fileNo = (await failing.textContent())!.trim();
    await failing.click();
    await page.getByTestId('case-file-page').getByRole('heading', { name: fileNo }).waitFor();
    await screenshot(page, 'case-file');
    // The same file in the case-file list, found by its number.
    await page.getByTestId('side-menu').getByText('案卷查阅').click();
    const search = page.getByPlaceholder('案号、当事人或案由');
    await search.fill(fileNo);
    await search.press('Enter');
    await page.getByTestId('cases-page').getByRole('link', { name: fileNo }).waitFor();
    await screenshot(page, 'cases-list');
    await page.goBack();
    await page.goBack();
    await page.getByTestId('check-page').waitFor();

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

    // The office finalizes and publishes; the department then sees its own result.
    await page.goto(`${suite.baseUrl}/compliance/${roundId}`);
    await page.getByRole('button', { name: '确定结果' }).click();
    await page.getByRole('button', { name: '发布结果' }).click();
    await page.locator('.ant-tag', { hasText: '已发布' }).waitFor();
    const department = suite.page('officer');
    await department.goto(`${suite.baseUrl}/results`);
    const result = department.getByTestId('my-compliance-result').filter({ hasText: '浏览器测试三项制度检查' });
    await result.getByText('得分').waitFor();
    // Last year's published review campaign of the demo district, with this department's rank.
    await department
      .getByTestId('my-review-result')
      .first()
      .getByText(/第 \d+ 名/)
      .waitFor();
    await screenshot(department, 'my-results');
  });

  it('ends the screening on the server’s word when the live socket is down', async () => {
    const roundId = await planRound('浏览器测试：无实时连接');
    // A second tab of the inspector whose live socket is refused at every attempt.
    const offline = await page.context().newPage();
    let refused = 0;
    await offline.routeWebSocket(/\/socket\.io\//, (socket) => {
      refused += 1;
      void socket.close();
    });
    try {
      await offline.goto(`${suite.baseUrl}/compliance/${roundId}`);
      await offline.getByTestId('round-page').waitFor();
      await offline.getByRole('button', { name: '运行自动筛查' }).click();
      await screeningEnded(offline, roundId);
      expect(refused).toBeGreaterThan(0);
      await offline.getByRole('link', { name: '检查', exact: true }).waitFor();
    } finally {
      await offline.close();
    }
  });
});
