import type { Page } from 'playwright-core';
import { startApiProcess, type ApiProcess } from './support/api-process.js';
import { launchBrowser, screenshot, signIn, type TestBrowser } from './support/browser.js';
import { loadNextYearCalendar } from './support/calendar.js';
import { apiLogin, gql, type ApiUser } from './support/graphql.js';

/** The demo's statistics are seeded for this year in Asia/Shanghai. */
const THIS_YEAR = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();

async function issueTask(
  baseUrl: string,
  inspector: ApiUser,
  departmentId: string,
  text: string,
): Promise<{ id: string; version: number; taskNo: string }> {
  const finding = await gql<{ createFinding: { id: string } }>(
    baseUrl,
    `mutation($f: CreateFindingInput!) { createFinding(input: $f) { id } }`,
    { f: { departmentId, source: 'INSPECTION', severity: 'GENERAL', category: '执法程序', description: text } },
    inspector.token,
  );
  const task = await gql<{ issueRectification: { id: string; version: number; taskNo: string } }>(
    baseUrl,
    `mutation($i: IssueRectificationInput!) { issueRectification(input: $i) { id version taskNo } }`,
    { i: { findingIds: [finding.createFinding.id], requirements: '限期整改', responsiblePerson: '王科长', coDepartmentIds: [] } },
    inspector.token,
  );
  return task.issueRectification;
}

/** The HEAD_IN_COURT row of the assessment's rates table, cell of quarter `q`. */
function headInCourt(page: Page, q: number) {
  return page.getByTestId('cockpit-assessment-rates').locator('tr', { hasText: '负责人出庭应诉率' }).locator('td').nth(q);
}

async function kpi(page: Page, key: string): Promise<number> {
  return Number((await page.getByTestId(`kpi-${key}`).locator('.ant-statistic-content').textContent())?.replace(/[^\d.]/g, ''));
}

/** 领导驾驶舱: the demo leader watches figures and the feed change without a reload, and catches up after a drop. */
describe('cockpit (browser)', () => {
  let api: ApiProcess;
  let browser: TestBrowser;
  let page: Page;

  beforeAll(async () => {
    api = await startApiProcess();
    await loadNextYearCalendar(api.baseUrl);
    browser = await launchBrowser({ width: 1920, height: 1080 });
    page = await browser.newPage();
    await signIn(page, api.baseUrl, 'leader');
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  afterEach(() => {
    expect(browser.consoleErrors).toEqual([]);
  });

  it('updates the numbers and the feed live, and catches up after the socket is dropped', async () => {
    await page.goto(`${api.baseUrl}/cockpit`);
    await page.locator('[data-testid="cockpit-connection"][data-status="live"]').waitFor({ timeout: 30_000 });
    await page.getByTestId('chart-ranking').locator('canvas').waitFor();
    await screenshot(page, 'cockpit-1920');
    const issuedBefore = await kpi(page, 'tasksIssued');

    // Warning levels and the assessment (seeded: Q1–Q2 statistics, the plan's measures) are on the page.
    for (const level of ['RED', 'YELLOW', 'GREEN']) await page.getByTestId(`warning-${level}`).waitFor();
    expect(await headInCourt(page, 1).textContent()).toMatch(/^\d+\.\d%$/);
    expect(await headInCourt(page, 3).textContent()).toBe('—');
    const measures = await page.getByTestId('cockpit-measures').locator('.ant-statistic-content').allTextContents();
    expect(measures.map((m) => Number(m.replace(/[^\d]/g, ''))).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);

    const [inspector, officer] = [await apiLogin(api.baseUrl, 'inspector'), await apiLogin(api.baseUrl, 'officer')];
    const task = await issueTask(api.baseUrl, inspector, officer.unitId, '驾驶舱测试：执法公示不及时');
    await page.getByTestId('cockpit-feed').getByText(`收到整改通知（${task.taskNo}）`).waitFor({ timeout: 20_000 });
    await page.waitForFunction(
      ([before]) =>
        Number(document.querySelector('[data-testid="kpi-tasksIssued"] .ant-statistic-content')?.textContent?.replace(/[^\d.]/g, '')) ===
        before + 1,
      [issuedBefore],
      { timeout: 20_000 },
    );

    // Drop the socket, mutate while it is down, and see the event arrive after the reconnect.
    await page.evaluate(() => (window as unknown as { __cockpitLive: { drop(): void } }).__cockpitLive.drop());
    await gql(
      api.baseUrl,
      `mutation($i: TaskRefInput!) { acknowledgeRectification(input: $i) { id } }`,
      { i: { taskId: task.id, version: task.version } },
      officer.token,
    );
    await page.getByTestId('cockpit-feed').getByText(`区市场监督管理局 签收了整改通知（${task.taskNo}）`).waitFor({ timeout: 30_000 });
    await page.locator('[data-testid="cockpit-connection"][data-status="live"]').waitFor();
    const feed = await page.getByTestId('cockpit-feed').locator('.ant-list-item').allTextContents();
    expect(feed.filter((line) => line.includes(`签收了整改通知（${task.taskNo}）`))).toHaveLength(1);
    await screenshot(page, 'cockpit-live');

    // A department reports its Q3 statistics: the head-in-court rate for Q3 appears without a reload (3 of 4).
    const admin = await apiLogin(api.baseUrl, 'admin');
    const frameworks = await gql<{ assessmentFrameworks: { items: { id: string }[] } }>(
      api.baseUrl,
      `{ assessmentFrameworks { items { id } } }`,
      {},
      admin.token,
    );
    const frameworkId = frameworks.assessmentFrameworks.items[0].id;
    // The same keys the department reported for Q1 (seeded).
    const q1 = await gql<{ assessmentStatistics: { key: string }[] }>(
      api.baseUrl,
      `query($f: ID!) { assessmentStatistics(frameworkId: $f, year: ${THIS_YEAR}, quarter: 1) { key } }`,
      { f: frameworkId },
      officer.token,
    );
    const keys = [...new Set(q1.assessmentStatistics.map((x) => x.key))];
    await gql(
      api.baseUrl,
      `mutation($input: StatisticsInput!) { submitAssessmentStatistics(input: $input) { key } }`,
      {
        input: {
          frameworkId,
          year: THIS_YEAR,
          quarter: 3,
          items: keys.map((key) => ({ key, numerator: 3, denominator: 4 })),
        },
      },
      officer.token,
    );
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('[data-testid="cockpit-assessment-rates"] tr')]
          .find((row) => row.textContent?.includes('负责人出庭应诉率'))
          ?.querySelectorAll('td')[3]?.textContent === '75.0%',
      undefined,
      { timeout: 20_000 },
    );
    await page.getByTestId('cockpit-assessment').scrollIntoViewIfNeeded();
    await screenshot(page, 'cockpit-assessment');

    await page.setViewportSize({ width: 1366, height: 768 });
    await screenshot(page, 'cockpit-laptop');
  });

  it('speaks English after the switch: headings, the overdue table and new lines of the feed', async () => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`${api.baseUrl}/cockpit`);
    await page.locator('[data-testid="cockpit-connection"][data-status="live"]').waitFor({ timeout: 30_000 });
    await page.getByTestId('language-switch').getByText('English').click();
    await page.getByText('Supervision cockpit').waitFor();
    const headers = await page.getByTestId('cockpit-overdue').locator('thead th').allTextContents();
    expect(headers.slice(0, 5)).toEqual(['Notice no.', 'Department', 'Deadline', 'State', 'Overdue']);
    // Every overdue row's state is an English label (department names are data and stay Chinese).
    const states = await page.getByTestId('cockpit-overdue').locator('tbody tr.ant-table-row td:nth-child(4)').allTextContents();
    expect(states.length).toBeGreaterThan(0);
    for (const state of states) expect(state).toMatch(/^[A-Za-z ]+$/);
    const [inspector, officer] = [await apiLogin(api.baseUrl, 'inspector'), await apiLogin(api.baseUrl, 'officer')];
    const task = await issueTask(api.baseUrl, inspector, officer.unitId, '驾驶舱英文测试');
    await page
      .getByTestId('cockpit-feed')
      .getByText(`区市场监督管理局 received a rectification notice (${task.taskNo})`)
      .waitFor({ timeout: 20_000 });
    await screenshot(page, 'cockpit-english');
    // Back to Chinese: the same line in Chinese (lines are rendered in the language of the moment).
    await page.getByTestId('language-switch').getByText('中文').click();
    await page.getByTestId('cockpit-feed').getByText(`区市场监督管理局 收到整改通知（${task.taskNo}）`).waitFor();
  });

  it('drills down from the district to a street office and back up, each level with its own figures', async () => {
    await page.goto(`${api.baseUrl}/cockpit`);
    await page.locator('[data-testid="cockpit-connection"][data-status="live"]').waitFor({ timeout: 30_000 });
    const leader = await apiLogin(api.baseUrl, 'leader');
    const { regions } = await gql<{ regions: { id: string; name: string }[] }>(api.baseUrl, `{ regions { id name } }`, {}, leader.token);
    const issued = async (name: string) =>
      (
        await gql<{ cockpit: { kpis: { tasksIssued: number } } }>(
          api.baseUrl,
          `query($r: ID!, $p: String!) { cockpit(regionId: $r, period: $p) { kpis { tasksIssued } } }`,
          { r: regions.find((r) => r.name === name)!.id, p: String(THIS_YEAR) },
          leader.token,
        )
      ).cockpit.kpis.tasksIssued;
    const shows = (n: number) =>
      page.waitForFunction(
        (expected) =>
          Number(document.querySelector('[data-testid="kpi-tasksIssued"] .ant-statistic-content')?.textContent?.replace(/[^\d.]/g, '')) ===
          expected,
        n,
        { timeout: 20_000 },
      );
    await page.getByTestId('cockpit-region-path').getByText('清河区').waitFor();
    await page.getByTestId('cockpit-subregions').getByRole('button', { name: '城关街道' }).click();
    await page.getByTestId('cockpit-region-path').getByText('城关街道').waitFor();
    await shows(await issued('城关街道'));
    await screenshot(page, 'cockpit-drill-down');
    await page.getByTestId('cockpit-region-path').getByText('清河区').click();
    await page.getByTestId('cockpit-subregions').getByRole('button', { name: '城关街道' }).waitFor();
    await shows(await issued('清河区'));
    expect(await issued('清河区')).toBeGreaterThan(await issued('城关街道'));
  });
});
