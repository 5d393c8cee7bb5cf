import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startApiProcess, type ApiProcess } from './support/api-process.js';
import { launchBrowser, screenshot, signIn, type TestBrowser } from './support/browser.js';
import { apiLogin, gql } from './support/graphql.js';

/** A minimal valid PDF (the server sniffs the bytes); `marker` makes each file's content distinct. */
function pdf(dir: string, name: string, marker: string): string {
  const path = join(dir, name);
  writeFileSync(path, `%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${marker}\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
  return path;
}

async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('.ant-spin-spinning').length === 0, undefined, { timeout: 15_000 });
}

/** 整改督办 end to end: the office issues, the department answers with evidence, the office returns, then closes. */
describe('rectification (browser)', () => {
  let api: ApiProcess;
  let office: TestBrowser;
  let department: TestBrowser;
  let inspector: Page;
  let officer: Page;
  const files = mkdtempSync(join(tmpdir(), 'ducha-evidence-'));

  beforeAll(async () => {
    api = await startApiProcess();
    office = await launchBrowser();
    department = await launchBrowser();
    inspector = await office.newPage();
    officer = await department.newPage();
    await signIn(inspector, api.baseUrl, 'inspector');
    await signIn(officer, api.baseUrl, 'officer');
  }, 180_000);

  afterAll(async () => {
    await office?.close();
    await department?.close();
    await api?.stop();
  });

  afterEach(() => {
    expect(office.consoleErrors).toEqual([]);
    expect(department.consoleErrors).toEqual([]);
  });

  it('issues a task from the findings inbox, and the department acknowledges, reports with evidence, is returned, resubmits and is closed', async () => {
    // Arrange: an inspection finding about the officer's department, entered by the inspector.
    const [insp, off] = [await apiLogin(api.baseUrl, 'inspector'), await apiLogin(api.baseUrl, 'officer')];
    await gql(
      api.baseUrl,
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

    // The office issues it from the inbox; the deadline default and the date it lands on are shown.
    await inspector.goto(`${api.baseUrl}/rectification?tab=findings`);
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

    // The department sees it in its ledger, with a working-day countdown, and opens it.
    await officer.goto(`${api.baseUrl}/rectification`);
    await settle(officer);
    const taskLink = officer.getByTestId('ledger-table').locator('tbody tr.ant-table-row', { hasText: '已下发' }).first().locator('a');
    const taskNo = (await taskLink.textContent())!.trim();
    await screenshot(officer, 'rectification-department-ledger');
    await taskLink.click();
    await officer.getByTestId('task-page').waitFor();
    await officer.getByRole('heading', { name: new RegExp(taskNo) }).waitFor();
    await officer.getByTestId('task-acknowledge').click();
    await officer.getByTestId('task-start').click();

    // Report with an evidence file (uploaded with a progress bar before the report is sent).
    await officer
      .getByTestId('evidence-upload')
      .locator('input[type=file]')
      .setInputFiles(pdf(files, '签名补正.pdf', 'first'));
    await officer.getByTestId('task-uploaded-files').getByText('签名补正.pdf').waitFor();
    await officer.getByTestId('task-measures').fill('已补正签名');
    await officer.getByTestId('task-report-text').fill('已对相关执法人员开展培训。');
    await screenshot(officer, 'rectification-department-report');
    await officer.getByTestId('task-submit').click();
    await officer.getByTestId('task-submit-confirm').click();
    await officer.getByTestId('task-state').getByText('已报送').waitFor();

    // The office returns it with a reason.
    await inspector.goto(`${api.baseUrl}/rectification`);
    await inspector.getByTestId('ledger-table').getByRole('link', { name: taskNo }).click();
    await inspector.getByTestId('task-files').getByText('签名补正.pdf').waitFor();
    await inspector.getByTestId('task-return').click();
    await inspector.getByTestId('reason-text').fill('培训记录未附，请补充');
    await inspector.getByTestId('reason-submit').click();
    await inspector.getByTestId('task-state').getByText('已退回').waitFor();

    // The department sees why, and resubmits with the training record.
    await officer.reload();
    await officer.getByTestId('task-returned-reason').getByText('培训记录未附，请补充').waitFor();
    await screenshot(officer, 'rectification-returned');
    await officer.getByTestId('task-start').click();
    await officer
      .getByTestId('evidence-upload')
      .locator('input[type=file]')
      .setInputFiles(pdf(files, '培训记录.pdf', 'second'));
    await officer.getByTestId('task-uploaded-files').getByText('培训记录.pdf').waitFor();
    await officer.getByTestId('task-measures').fill('补充培训记录');
    await officer.getByTestId('task-report-text').fill('附培训签到表。');
    await officer.getByTestId('task-submit').click();
    await officer.getByTestId('task-submit-confirm').click();
    await officer.getByTestId('task-state').getByText('已报送').waitFor();

    // The office verifies and closes it; the timeline shows every step.
    await inspector.reload();
    await inspector.getByTestId('task-verify').click();
    await inspector.getByTestId('task-state').getByText('复查通过').waitFor();
    await inspector.getByTestId('task-close').click();
    await inspector.getByTestId('task-close-confirm').click();
    await inspector.getByTestId('task-state').getByText('已销号').waitFor();
    const timeline = await inspector.getByTestId('task-timeline').textContent();
    expect(timeline).toContain('复查结论：退回');
    expect(timeline).toContain('复查结论：通过');
    await screenshot(inspector, 'rectification-task-closed');

    await inspector.goto(`${api.baseUrl}/rectification`);
    await settle(inspector);
    await screenshot(inspector, 'rectification-ledger');
  });
});
