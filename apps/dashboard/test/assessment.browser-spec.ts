import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_FRAMEWORK } from '@ducha/assessment';
import { writeSheet } from '@ducha/common';
import type { Page } from 'playwright-core';
import { pick, settle } from './support/antd.js';
import { screenshot } from './support/browser.js';
import { browserSuite } from './support/suite.js';

const PLAN_HEADERS = ['重点任务编号', '重点任务', '措施编号', '具体措施', '牵头单位编码', '责任单位编码', '完成时限', '对应指标'];
const YEAR = new Date().getFullYear();

/** 目标考核 end to end: the office's plan, a department's report with evidence and statistics, an inspector's scores and ranking. */
describe('target management and assessment (browser)', () => {
  const suite = browserSuite(['admin', 'officer', 'inspector', 'leader']);
  const dir = mkdtempSync(join(tmpdir(), 'ducha-assessment-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** One user's signed-in page on an assessment screen, loaded. */
  async function open(username: string, path: string): Promise<Page> {
    const page = suite.page(username);
    await page.goto(`${suite.baseUrl}${path}`);
    await page.getByTestId('assessment-page').waitFor();
    await settle(page);
    return page;
  }

  it('shows the demo plan with late measures, imports a plan sheet (row errors first), and previews a framework as a tree', async () => {
    const page = await open('admin', '/assessment');
    await page.getByText('共 60 条').waitFor();
    expect(await page.getByTestId('as-measures').getByTestId('as-late').count()).toBeGreaterThan(0);
    await screenshot(page, 'assessment-plan');

    const sheet = async (name: string, rows: string[][]) => {
      const path = join(dir, name);
      writeFileSync(path, await writeSheet('计划', PLAN_HEADERS, rows));
      return path;
    };
    const row = ['B01', '浏览器测试重点任务', 'B01-1', '建立行政执法案卷自查机制', 'QH-SCJG', 'QH-ZHZF', `${YEAR}-12-31`, 'I1.1.1'];
    await page.getByTestId('as-plan-import').click();
    await page
      .getByTestId('as-plan-upload')
      .locator('input[type=file]')
      .setInputFiles(
        await sheet('有误计划.xlsx', [
          row,
          ['B01', '浏览器测试重点任务', 'B01-2', '措施', 'QH-NOPE', 'QH-ZHZF', `${YEAR}-12-31`, 'I1.1.1'],
        ]),
      );
    await page.getByTestId('as-plan-result').getByText('导入未完成').waitFor();
    const errors = page.getByTestId('as-plan-errors').locator('tbody tr.ant-table-row');
    expect(await errors.count()).toBe(1);
    expect(await errors.first().textContent()).toContain('您的辖区内没有单位“QH-NOPE”');
    await screenshot(page, 'assessment-plan-import-errors');
    await page
      .getByTestId('as-plan-upload')
      .locator('input[type=file]')
      .setInputFiles(await sheet('年度计划.xlsx', [row]));
    await page.getByTestId('as-plan-result').getByText('导入成功：共 1 行，新增 1 行').waitFor();
    await page.keyboard.press('Escape');
    await page.getByText('共 61 条').waitFor();

    await page.getByTestId('as-tab-framework').click();
    await page.getByTestId('as-indicator-tree').getByText('I1 政府职能依法全面履行').waitFor();
    await page.getByTestId('as-framework-import').click();
    const json = join(dir, 'framework.json');
    writeFileSync(json, JSON.stringify({ ...DEMO_FRAMEWORK, version: `${YEAR}-B` }));
    await page.locator('.ant-modal input[type=file]').setInputFiles(json);
    await page.locator('.ant-modal').getByTestId('as-indicator-tree').getByText('I1.1.1').first().waitFor();
    await screenshot(page, 'assessment-framework-import');
  });

  it('has a department officer report a measure with an evidence file and submit, then correct, the quarter’s statistics', async () => {
    const page = await open('officer', '/assessment');
    await page.getByTestId('as-report-B01-1').click();
    await page.getByTestId('as-progress-status').getByText('已完成').click();
    await page.getByTestId('as-progress-text').fill('已印发自查制度并组织首次自查');
    await page.getByTestId('as-progress-save').click();
    await page.getByText('进展已保存').waitFor();
    const pdf = join(dir, '自查制度.pdf');
    writeFileSync(pdf, '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    await page.getByTestId('as-evidence-upload').locator('input[type=file]').setInputFiles(pdf);
    await page.getByTestId('as-evidence-files').getByText('自查制度.pdf').waitFor();
    await screenshot(page, 'assessment-report');
    await page.locator('.ant-modal-close').click();
    await page.getByTestId('as-my-measures').getByText('佐证 1 份').waitFor();

    const stats = page.getByTestId('as-statistics');
    const keys = await stats
      .locator('[data-testid^="as-num-"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice(7)));
    expect(keys).toContain('HEAD_IN_COURT');
    for (const key of keys) {
      await stats.getByTestId(`as-num-${key}`).fill('3');
      await stats.getByTestId(`as-den-${key}`).fill('4');
    }
    /** Sets the head-in-court numerator (of 4), submits, and waits for the answer the officer sees. */
    const submit = async (headInCourt: string, answer: string) => {
      await stats.getByTestId('as-num-HEAD_IN_COURT').fill(headInCourt);
      await stats.getByTestId('as-stats-submit').click();
      await page.getByText(answer).waitFor();
    };
    await submit('5', '分子不能大于分母');
    await submit('2', '统计数据已提交');
    await stats.getByTestId('as-stats-correct').click();
    await submit('3', '请填写更正理由');
    await stats.getByTestId('as-stats-reason').fill('漏报一件出庭案件');
    await stats.getByTestId('as-stats-submit').click();
    await page.getByText('统计数据已更正，原数据保留在历史中').waitFor();
    await stats.getByText('当前为第 2 版').waitFor();
    // The first revision's head-in-court figure (2 of 4) stays in the history.
    expect(await stats.getByTestId('as-stats-history').textContent()).toContain('50.0%');
    await screenshot(page, 'assessment-statistics');
  });

  it('has an inspector score a SELF_REPORT indicator from the evidence (off-step refused), compute the ranking and publish it', async () => {
    const page = await open('inspector', '/assessment?tab=scores');
    await pick(page, 'as-score-department', '区市场监督管理局');
    const row = page.getByTestId('as-self-report').locator('tr', { has: page.getByTestId('as-score-I1.1.1') });
    await row.locator('.ant-table-row-expand-icon').click();
    await page.getByTestId('as-self-report').getByText('自查制度.pdf').waitFor();
    const editor = page.getByTestId('as-score-I1.1.1');
    await editor.locator('input.ant-input-number-input').fill('2.3');
    await editor.getByRole('button', { name: /保\s*存/ }).click();
    await editor.getByText('得分须为 0.5 的整数倍').waitFor();
    await editor.locator('input.ant-input-number-input').fill('2.5');
    await editor.getByPlaceholder('评分说明').fill('制度已印发，自查记录齐全');
    await editor.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('已保存').waitFor();
    await screenshot(page, 'assessment-self-report');

    await page.getByTestId('as-compute').click();
    await page.getByText('得分已计算并排名').waitFor();
    const ranks = page.getByTestId('as-results').locator('tbody tr.ant-table-row');
    await ranks.first().waitFor();
    expect(await ranks.count()).toBeGreaterThan(10);
    expect((await ranks.first().locator('td').nth(1).textContent())?.trim()).toBe('1');
    await page.getByTestId('as-publish').click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await page.getByText('考核结果已发布').waitFor();
    await page.getByTestId('as-ranking').scrollIntoViewIfNeeded();
    await screenshot(page, 'assessment-ranking');
  });

  it('shows a department its own published score indicator by indicator, and nothing for a period not yet published', async () => {
    const page = await open('officer', '/assessment?tab=scores');
    const own = page.getByTestId('as-own');
    await own.getByTestId('as-own-score').waitFor();
    expect((await own.getByTestId('as-own-score').textContent())?.trim()).toMatch(/^\d+\.\d{2}$/);
    expect(Number(await own.getByTestId('as-own-rank').textContent())).toBeGreaterThanOrEqual(1);
    // The SELF_REPORT score the inspector gave (2.5 of its 3 points) is there, with the indicator's title.
    const scored = own.getByTestId('as-own-indicators').locator('tr', { hasText: 'I1.1.1' });
    expect((await scored.locator('td').nth(2).textContent())?.trim()).toBe('2.50');
    expect(await own.getByTestId('as-own-indicators').locator('tbody tr.ant-table-row').count()).toBeGreaterThan(10);
    // No other department's figures, no office actions.
    expect(await page.getByTestId('as-results').count()).toBe(0);
    expect(await page.getByTestId('as-compute').count()).toBe(0);
    expect(await page.getByTestId('as-export-results').count()).toBe(0);
    await screenshot(page, 'assessment-own-score');
    await page.getByTestId('as-quarter').getByText('全年').click();
    await own.getByText('本期考核结果尚未发布').waitFor();
  });

  it('shows a leader the ranking without any action', async () => {
    const page = await open('leader', '/assessment?tab=scores');
    await page.getByTestId('as-results').locator('tbody tr.ant-table-row').first().waitFor();
    expect(await page.getByTestId('as-compute').count()).toBe(0);
    expect(await page.getByTestId('as-self-report').count()).toBe(0);
    expect(await page.getByTestId('as-tab-reports').count()).toBe(0);
  });
});
