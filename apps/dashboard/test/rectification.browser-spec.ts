import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { settle } from './support/antd.js';
import { screenshot } from './support/browser.js';
import { apiLogin, gql } from './support/graphql.js';
import { daysAfter, issueTask } from './support/rectification.js';
import { browserSuite } from './support/suite.js';

/** A minimal valid PDF (the server sniffs the bytes); `marker` makes each file's content distinct. */
function pdf(dir: string, name: string, marker: string): string {
  const path = join(dir, name);
  writeFileSync(path, `%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${marker}\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
  return path;
}

/** 整改督办 end to end: the office issues, the department answers with evidence, the office returns, then closes. */
describe('rectification (browser)', () => {
  const suite = browserSuite(['inspector', 'officer']);
  let inspector: Page;
  let officer: Page;
  const files = mkdtempSync(join(tmpdir(), 'ducha-evidence-'));
  beforeAll(() => {
    inspector = suite.page('inspector');
    officer = suite.page('officer');
  });

  /** The department reports on its open task: one evidence file (uploaded first), measures and text, then submits. */
  async function report(evidence: string, measures: string, text: string, screenshotName?: string): Promise<void> {
    await officer.getByTestId('task-start').click();
    await officer
      .getByTestId('evidence-upload')
      .locator('input[type=file]')
      .setInputFiles(pdf(files, evidence, measures));
    await officer.getByTestId('task-uploaded-files').getByText(evidence).waitFor();
    await officer.getByTestId('task-measures').fill(measures);
    await officer.getByTestId('task-report-text').fill(text);
    if (screenshotName) await screenshot(officer, screenshotName);
    await officer.getByTestId('task-submit').click();
    await officer.getByTestId('task-submit-confirm').click();
    await officer.getByTestId('task-state').getByText('已报送').waitFor();
  }

  it('issues a task from the findings inbox, and the department acknowledges, reports with evidence, is returned, resubmits and is closed', async () => {
    // Arrange: an inspection finding about the officer's department, entered by the inspector.
    const [insp, off] = [await apiLogin(suite.baseUrl, 'inspector'), await apiLogin(suite.baseUrl, 'officer')];
    await gql(
      suite.baseUrl,
      `mutation($input: CreateFindingInput!) { createFinding(input: $input) { id } }`,
      {
        input: {
          departmentId: off.unitId,
          source: 'INSPECTION',
          severity: 'GENERAL',
          category: '执法程序',
          description: '浏览器测试：现场检查笔录缺少当事人签名',
        },
      },
      insp.token,
    );

    // The department officer has the ledger open; the bell counts their unread notices.
    await officer.goto(`${suite.baseUrl}/rectification`);
    await settle(officer);
    const unread = async () => {
      const count = officer.getByTestId('notification-count').locator('sup.ant-badge-count');
      return (await count.count()) ? Number(await count.getAttribute('title')) : 0;
    };
    const unreadBefore = await unread();

    // The office issues it from the inbox; the deadline default and the date it lands on are shown.
    await inspector.goto(`${suite.baseUrl}/rectification?tab=findings`);
    const findingRow = inspector.getByTestId('findings-table').locator('tbody tr.ant-table-row', { hasText: '现场检查笔录缺少当事人签名' });
    await findingRow.locator('input[type=checkbox]').check();
    await screenshot(inspector, 'rectification-findings-inbox');
    await inspector.getByTestId('findings-issue').click();
    await inspector.getByTestId('issue-deadline-preview').getByText('期限届满日').waitFor();
    await inspector.getByTestId('issue-requirements').fill('补正笔录签名，开展程序规范培训');
    await inspector.getByTestId('issue-responsible').fill('张科长');
    await screenshot(inspector, 'rectification-issue');
    await inspector.getByTestId('issue-submit').click();
    await inspector.getByText('已下发整改通知').waitFor();

    // The department's bell rings live (no reload); the ledger shows the task with a working-day countdown.
    await officer.waitForFunction(
      (before) =>
        Number(document.querySelector('[data-testid="notification-count"] sup.ant-badge-count')?.getAttribute('title') ?? 0) === before + 1,
      unreadBefore,
      { timeout: 20_000 },
    );
    const taskLink = officer.getByTestId('ledger-table').locator('tbody tr.ant-table-row', { hasText: '已下发' }).first().locator('a');
    const taskNo = (await taskLink.textContent())!.trim();
    await screenshot(officer, 'rectification-department-ledger');
    // The notice is in the bell's list; opening it goes to the task and marks it read.
    await officer.getByTestId('header-notifications').click();
    await officer.getByTestId('notification-list').getByText(`新整改任务 ${taskNo}`).click();
    await officer.getByTestId('task-page').waitFor();
    await officer.waitForFunction(
      (before) =>
        Number(document.querySelector('[data-testid="notification-count"] sup.ant-badge-count')?.getAttribute('title') ?? 0) === before,
      unreadBefore,
      { timeout: 10_000 },
    );
    await officer.goBack();
    await taskLink.click();
    await officer.getByTestId('task-page').waitFor();
    await officer.getByRole('heading', { name: new RegExp(taskNo) }).waitFor();
    await officer.getByTestId('task-acknowledge').click();

    // Report with an evidence file (uploaded with a progress bar before the report is sent).
    await report('签名补正.pdf', '已补正签名', '已对相关执法人员开展培训。', 'rectification-department-report');

    // The office returns it with a reason.
    await inspector.goto(`${suite.baseUrl}/rectification`);
    await inspector.getByTestId('ledger-table').getByRole('link', { name: taskNo }).click();
    await inspector.getByTestId('task-files').getByText('签名补正.pdf').waitFor();
    await inspector.getByTestId('task-return').click();
    await inspector.getByTestId('reason-text').fill('培训记录未附，请补充');
    await inspector.getByTestId('reason-submit').click();
    await inspector.getByTestId('task-state').getByText('已退回').waitFor();

    // The department, still on the task page, sees it returned live (no reload) and why, and resubmits.
    await officer.getByTestId('task-state').getByText('已退回').waitFor();
    await officer.getByTestId('task-returned-reason').getByText('培训记录未附，请补充').waitFor();
    await screenshot(officer, 'rectification-returned');
    await report('培训记录.pdf', '补充培训记录', '附培训签到表。');

    // The office, still on the task page, sees the resubmission arrive live, then verifies and closes it.
    await inspector.getByTestId('task-state').getByText('已报送').waitFor();
    await inspector.getByTestId('task-verify').click();
    await inspector.getByTestId('task-state').getByText('复查通过').waitFor();
    await inspector.getByTestId('task-close').click();
    await inspector.getByTestId('task-close-confirm').click();
    await inspector.getByTestId('task-state').getByText('已销号').waitFor();
    const timeline = await inspector.getByTestId('task-timeline').textContent();
    expect(timeline).toContain('复查结论：退回');
    expect(timeline).toContain('复查结论：通过');
    await screenshot(inspector, 'rectification-task-closed');

    await inspector.goto(`${suite.baseUrl}/rectification`);
    await settle(inspector);
    await screenshot(inspector, 'rectification-ledger');
  });

  it('approves one extension request, rejects another with a note, and cancels a task with a reason', async () => {
    const base = suite.baseUrl;
    const [insp, off] = [await apiLogin(base, 'inspector'), await apiLogin(base, 'officer')];
    const granted = await issueTask(base, insp, off.unitId, '浏览器测试：延期申请获准');
    const refused = await issueTask(base, insp, off.unitId, '浏览器测试：延期申请不予同意');
    const asked = new Map([granted, refused].map((task) => [task.id, daysAfter(task.deadline, 14)]));

    // The department asks for more time on both.
    for (const task of [granted, refused]) {
      await officer.goto(`${base}/rectification/${task.id}`);
      await officer.getByTestId('task-request-extension').click();
      const picker = officer.locator('.ant-modal .ant-picker input');
      await picker.fill(asked.get(task.id)!);
      await picker.press('Enter');
      await officer.getByTestId('reason-text').fill('涉及多部门协调，申请延期两周');
      await officer.getByTestId('reason-submit').click();
      await officer.getByTestId('task-actions').getByText('待审批').waitFor();
    }
    await screenshot(officer, 'rectification-extension-requested');

    // The office approves the first: the new deadline applies.
    await inspector.goto(`${base}/rectification/${granted.id}`);
    await inspector.getByTestId('task-approve-extension').click();
    await inspector
      .getByTestId('task-timeline')
      .getByText(/已同意/)
      .waitFor();
    await inspector.getByTestId('task-page').getByText(asked.get(granted.id)!).first().waitFor();

    // …and refuses the second with a note, which the department reads in the timeline.
    await inspector.goto(`${base}/rectification/${refused.id}`);
    await inspector.getByTestId('task-reject-extension').click();
    await inspector.getByTestId('reason-submit').click();
    await inspector.getByText('请填写').first().waitFor();
    await inspector.getByTestId('reason-text').fill('理由不充分，请按原期限完成');
    await inspector.getByTestId('reason-submit').click();
    await inspector
      .getByTestId('task-timeline')
      .getByText(/未同意/)
      .waitFor();
    await officer.goto(`${base}/rectification/${refused.id}`);
    await officer
      .getByTestId('task-timeline')
      .getByText(/理由不充分，请按原期限完成/)
      .waitFor();

    // Cancelling needs a reason too; the task then leaves everyone's work.
    await inspector.getByTestId('task-cancel').click();
    await inspector.getByTestId('reason-text').fill('问题已并入其他整改任务');
    await inspector.getByTestId('reason-submit').click();
    await inspector.getByTestId('task-state').getByText('已撤销').waitFor();
    await inspector.getByTestId('task-cancel-reason').getByText('已撤销，理由：问题已并入其他整改任务').waitFor();
    await officer.reload();
    await officer.getByTestId('task-cancel-reason').getByText('问题已并入其他整改任务', { exact: false }).waitFor();
    expect(await officer.getByTestId('task-actions').count()).toBe(0);
    await screenshot(inspector, 'rectification-task-cancelled');
  });
});
