import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { screenshot } from './support/browser.js';
import { apiLogin, gql } from './support/graphql.js';
import { browserSuite } from './support/suite.js';

/** Exports are jobs: the button asks for the file, a bar follows the job's events, the file downloads itself. */
describe('exports (browser)', () => {
  const suite = browserSuite(['inspector']);
  let inspector: Page;
  beforeAll(() => {
    inspector = suite.page('inspector');
  });

  it('exports the rectification ledger: the progress bar reaches every row, then the file downloads', async () => {
    const { token } = await apiLogin(suite.baseUrl, 'inspector');
    const { rectificationLedger } = await gql<{ rectificationLedger: { total: number } }>(
      suite.baseUrl,
      `{ rectificationLedger(pageSize: 1) { total } }`,
      {},
      token,
    );
    const rows = rectificationLedger.total;
    expect(rows).toBeGreaterThan(0);

    await inspector.goto(`${suite.baseUrl}/rectification`);
    const download = inspector.waitForEvent('download', { timeout: 60_000 });
    await inspector.getByTestId('ledger-export').click();
    const progress = inspector.getByTestId('ledger-export-progress');
    await progress.getByText(`导出进度：已处理 ${rows} / ${rows} 行`).waitFor();

    const file = await download;
    expect(file.suggestedFilename()).toBe('整改台账.xlsx');
    // An .xlsx is a zip: the bytes the browser saved are the workbook, not an error page.
    expect(
      readFileSync(await file.path())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    await screenshot(inspector, 'exports-ledger-done');
  });
});
