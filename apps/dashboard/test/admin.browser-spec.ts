import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { screenshot } from './support/browser.js';
import { apiLogin, gql } from './support/graphql.js';
import { browserSuite } from './support/suite.js';

const FIXTURES = resolve(import.meta.dirname, '../../../libs/scoring/src/fixtures');
const CASE_HEADERS = [
  '执法单位编码',
  '案卷编号',
  '案件类型',
  '案由',
  '当事人',
  '当事人类型',
  '执法人员证号',
  '立案日期',
  '决定日期',
  '结案日期',
  '重大案件',
  '全程音像记录',
  '音像资料归档',
];

/** A units sheet (.csv) with the import's header row, in a fresh folder. */
function unitsSheet(name: string, rows: string[]): string {
  const path = join(mkdtempSync(join(tmpdir(), 'ducha-sheet-')), name);
  writeFileSync(path, ['单位编码,单位名称,单位类型,所属区划编码,执法主体,监督机关', ...rows].join('\n'));
  return path;
}

/** Administration as the demo admin, in a real Chromium against the real api. */
describe('administration (browser)', () => {
  // This spec enters next year's calendar through the screen itself.
  const suite = browserSuite(['admin'], undefined, { nextYearCalendar: false });
  let page: Page;
  beforeAll(() => {
    page = suite.page('admin');
  });

  it('warns on every page while next year has no calendar, and the warning goes once the admin enters it', async () => {
    const admin = await apiLogin(suite.baseUrl, 'admin');
    const status = () =>
      gql<{ calendarStatus: { missingYears: number[] } }>(suite.baseUrl, `{ calendarStatus { missingYears } }`, {}, admin.token);
    const next = new Date(Date.now() + 8 * 3600_000).getUTCFullYear() + 1;
    const { missingYears } = (await status()).calendarStatus;
    expect(missingYears).toContain(next);

    await page.goto(`${suite.baseUrl}/admin/users`);
    const banner = page.getByTestId('calendar-banner');
    await banner.getByText(`尚未录入 ${missingYears.join('、')} 年的工作日历`).waitFor();
    await page.getByTestId('users-table').getByText('inspector2').waitFor();
    await screenshot(page, 'calendar-banner');
    await banner.getByRole('link', { name: '去录入' }).click();
    await page.waitForURL(/\/admin\/calendar$/);

    for (const year of missingYears) {
      await page.getByPlaceholder('年度').fill(String(year));
      await page.getByRole('button', { name: '新增年度' }).click();
      await page.getByText('放假 0 天，调休上班 0 天').waitFor();
      const picker = page.getByTestId('calendar-holidays').getByPlaceholder('添加日期');
      await picker.fill(`${year}-01-01`);
      await picker.press('Enter');
      await page.getByTestId('calendar-holidays').getByText(`${year}-01-01`).waitFor();
      await page.getByTestId('calendar-save').click();
      await page.getByText(`${year} 年工作日历已保存`).waitFor();
    }
    await banner.waitFor({ state: 'detached' });
    expect((await status()).calendarStatus.missingYears).toEqual([]);
  });

  it('imports a units sheet with one bad row and shows the row error in a table, writing nothing', async () => {
    const sheet = unitsSheet('单位导入.csv', [
      'QH-NEW1,清河区新设局一,政府部门,330105,是,否',
      'QH-NEW2,清河区新设局二,外星部门,330105,是,否',
      'QH-NEW3,清河区新设局三,政府部门,330105,是,否',
    ]);
    await page.goto(`${suite.baseUrl}/admin/imports`);
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
    const sheet = unitsSheet('units.csv', ['QH-NEW1,清河区新设局一,政府部门,330105,是,否', 'QH-NEW2,清河区新设局二,政府部门,330105,是,否']);
    await page.goto(`${suite.baseUrl}/admin/imports`);
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
    await page.goto(`${suite.baseUrl}/admin/users`);
    await page.getByTestId('users-table').getByText('inspector2').waitFor();
    await screenshot(page, 'admin-users');

    await page.goto(`${suite.baseUrl}/admin/officers`);
    await page.getByTestId('officers-table').locator('tbody tr.ant-table-row').first().waitFor();
    await screenshot(page, 'admin-officers');

    await page.goto(`${suite.baseUrl}/admin/calendar`);
    await page.getByTestId('calendar-holidays').waitFor();
    await screenshot(page, 'admin-calendar');

    // Edit a unit's name, then open its audit trail from the list.
    await page.goto(`${suite.baseUrl}/admin/units`);
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

  it('previews a rubric as a tree before importing it, and lists the problems of a broken one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ducha-template-'));
    const mee = JSON.parse(readFileSync(join(FIXTURES, 'mee-penalty-general-2024.json'), 'utf8'));
    const file = (name: string, content: unknown): string => {
      const path = join(dir, name);
      writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
      return path;
    };
    await page.goto(`${suite.baseUrl}/admin/templates`);
    const upload = page.getByTestId('template-upload').locator('input[type=file]');

    await upload.setInputFiles(file('半截.json', '{"code": "X",'));
    await page.getByTestId('template-errors').getByText('文件不是有效的 JSON').waitFor();

    const broken = structuredClone(mee);
    broken.sections[2].items[0].children[0].step = 0.3;
    await upload.setInputFiles(file('步长错误.json', broken));
    const errors = page.getByTestId('template-errors');
    await errors.getByText('sections[2].items[0].children[0].step').waitFor();
    expect(await errors.textContent()).toContain('须能整除满分');
    await expect(page.getByTestId('template-confirm').count()).resolves.toBe(0);
    await screenshot(page, 'admin-template-errors');

    await upload.setInputFiles(file('新版标准.json', { ...mee, version: '2026-browser', name: '浏览器测试评查标准' }));
    const preview = page.getByTestId('template-preview');
    await preview.getByText('浏览器测试评查标准（MEE-PENALTY-GENERAL，版本 2026-browser）').waitFor();
    const veto = preview.locator('.ant-tree-treenode', { hasText: 'L02' });
    expect(await veto.textContent()).toContain('否决项');
    expect(await preview.locator('.ant-tree-treenode', { hasText: 'D01' }).first().textContent()).toContain('2 分');
    await screenshot(page, 'admin-template-preview');
    await page.getByTestId('template-confirm').click();
    await page.getByText('已导入：浏览器测试评查标准（版本 2026-browser）').waitFor();
    const admin = await apiLogin(suite.baseUrl, 'admin');
    const stored = await gql<{ rubric: { name: string } }>(
      suite.baseUrl,
      `{ rubric(code: "MEE-PENALTY-GENERAL", version: "2026-browser") { name } }`,
      {},
      admin.token,
    );
    expect(stored.rubric.name).toBe('浏览器测试评查标准');

    // A checklist shows its systems and, per item, its weight and whether a screen pre-fills it.
    await upload.setInputFiles(join(FIXTURES, 'three-systems-checklist.json'));
    await preview.getByText('三项制度检查表', { exact: false }).first().waitFor();
    expect(await preview.locator('.ant-tree-treenode', { hasText: 'DIS-03' }).textContent()).toContain('自动筛查 TWO_CERTIFIED_OFFICERS');
    expect(await preview.locator('.ant-tree-treenode', { hasText: 'DIS-01' }).textContent()).toContain('人工检查');
  });

  it('imports a large case-file sheet in the background with a progress bar fed by the job’s events', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ducha-cases-'));
    const sheet = join(dir, '案卷.csv');
    const rows = Array.from({ length: 2001 }, (_, i) =>
      [
        `QH-SCJG`,
        `QH-SCJG-BT-${String(i + 1).padStart(5, '0')}`,
        '行政处罚',
        '未按规定公示信息',
        '某某商贸有限公司',
        '单位',
        'QH20190001、QH20190002',
        '2025-03-03',
        '2025-04-01',
        '2025-04-10',
        '否',
        '是',
        '是',
      ].join(','),
    );
    writeFileSync(sheet, [CASE_HEADERS.join(','), ...rows].join('\n'));
    await page.goto(`${suite.baseUrl}/admin/imports`);
    await page.getByTestId('import-kind').getByText('案卷').click();
    await page.locator('input[type=file]').setInputFiles(sheet);
    const progress = page.getByTestId('import-job-progress');
    await progress.waitFor({ timeout: 30_000 });
    await page.getByTestId('import-result').waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('import-result').textContent()).toContain('新增 2001 行');
    expect(await progress.textContent()).toContain('已处理 2001 / 2001 件');
    await screenshot(page, 'admin-case-import');
  });

  it('switches the whole interface to English and back', async () => {
    await page.goto(`${suite.baseUrl}/admin/units`);
    await page.getByTestId('language-switch').getByText('English').click();
    await page.getByTestId('side-menu').getByText('Administration').waitFor();
    await page.getByTestId('admin-tab-templates').getByText('Rubrics & checklists').waitFor();
    await screenshot(page, 'admin-english');
    await page.reload();
    await page.getByTestId('side-menu').getByText('Administration').waitFor();
    await page.getByTestId('language-switch').getByText('中文').click();
    await page.getByTestId('side-menu').getByText('系统管理').waitFor();
  });
});
