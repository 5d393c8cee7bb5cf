import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startApiProcess, type ApiProcess } from './support/api-process.js';
import { launchBrowser, screenshot, signIn, type TestBrowser } from './support/browser.js';

/** Administration as the demo admin, in a real Chromium against the real api. */
describe('administration (browser)', () => {
  let api: ApiProcess;
  let browser: TestBrowser;
  let page: Page;

  beforeAll(async () => {
    api = await startApiProcess();
    browser = await launchBrowser();
    page = await browser.newPage();
    await signIn(page, api.baseUrl, 'admin');
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  afterEach(() => {
    expect(browser.consoleErrors).toEqual([]);
  });

  it('imports a units sheet with one bad row and shows the row error in a table, writing nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ducha-sheet-'));
    const sheet = join(dir, '单位导入.csv');
    writeFileSync(
      sheet,
      [
        '单位编码,单位名称,单位类型,所属区划编码,执法主体,监督机关',
        'QH-NEW1,清河区新设局一,政府部门,330105,是,否',
        'QH-NEW2,清河区新设局二,外星部门,330105,是,否',
        'QH-NEW3,清河区新设局三,政府部门,330105,是,否',
      ].join('\n'),
    );
    await page.goto(`${api.baseUrl}/admin/imports`);
    await page.getByTestId('import-upload').waitFor();
    await screenshot(page, 'admin-import-empty');
    await page.locator('input[type=file]').setInputFiles(sheet);

    const result = page.getByTestId('import-result');
    await result.waitFor({ timeout: 30_000 });
    expect(await result.textContent()).toContain('导入未完成：1 处错误');
    const errorRows = page.getByTestId('import-errors').locator('tbody tr.ant-table-row');
    expect(await errorRows.count()).toBe(1);
    const cells = await errorRows.first().locator('td').allTextContents();
    expect(cells[0]).toBe('3'); // the header is row 1, so the second data row is row 3
    expect(cells[1]).toBe('单位类型');
    expect(cells[2]).toContain('须为以下之一');
    await screenshot(page, 'admin-import-row-error');

    // Nothing was written: the good rows are not in the units list either.
    await page.getByTestId('admin-tab-units').click();
    await page.getByTestId('unit-search').fill('新设局');
    await page.getByTestId('unit-search').press('Enter');
    await page.getByTestId('units-table').locator('.ant-empty').waitFor();
  });

  it('imports the corrected sheet and finds the new units in the list', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ducha-sheet-'));
    const sheet = join(dir, 'units.csv');
    writeFileSync(
      sheet,
      [
        '单位编码,单位名称,单位类型,所属区划编码,执法主体,监督机关',
        'QH-NEW1,清河区新设局一,政府部门,330105,是,否',
        'QH-NEW2,清河区新设局二,政府部门,330105,是,否',
      ].join('\n'),
    );
    await page.goto(`${api.baseUrl}/admin/imports`);
    await page.locator('input[type=file]').setInputFiles(sheet);
    const result = page.getByTestId('import-result');
    await result.waitFor({ timeout: 30_000 });
    expect(await result.textContent()).toContain('新增 2 行');

    await page.getByTestId('admin-tab-units').click();
    await page.getByTestId('unit-search').fill('新设局');
    await page.getByTestId('unit-search').press('Enter');
    await page.getByTestId('units-table').getByText('清河区新设局二').waitFor();
    expect(await page.getByTestId('units-table').locator('tbody tr.ant-table-row').count()).toBe(2);
    await screenshot(page, 'admin-units');
  });

  it('shows users, officers, the calendar and the audit trail of an edited unit', async () => {
    await page.goto(`${api.baseUrl}/admin/users`);
    await page.getByTestId('users-table').getByText('inspector2').waitFor();
    await screenshot(page, 'admin-users');

    await page.goto(`${api.baseUrl}/admin/officers`);
    await page.getByTestId('officers-table').locator('tbody tr.ant-table-row').first().waitFor();
    await screenshot(page, 'admin-officers');

    await page.goto(`${api.baseUrl}/admin/calendar`);
    await page.getByTestId('calendar-holidays').waitFor();
    await screenshot(page, 'admin-calendar');

    // Edit a unit's name, then open its audit trail from the list.
    await page.goto(`${api.baseUrl}/admin/units`);
    await page.getByTestId('unit-search').fill('新设局');
    await page.getByTestId('unit-search').press('Enter');
    const row = page.getByTestId('units-table').locator('tbody tr.ant-table-row', { hasText: '清河区新设局一' });
    await row.waitFor();
    await row.getByRole('button', { name: '编辑' }).click();
    await page.getByTestId('unit-name').fill('清河区新设局（更名）');
    await page.getByTestId('unit-submit').click();
    await page.getByText('已保存').waitFor();
    const renamed = page.getByTestId('units-table').locator('tbody tr.ant-table-row', { hasText: '清河区新设局（更名）' });
    await renamed.waitFor();
    await renamed.getByRole('link', { name: '审计' }).click();
    await page.getByTestId('audit-table').getByText('updateUnit').waitFor({ timeout: 15_000 });
    await screenshot(page, 'admin-audit');
  });
});
