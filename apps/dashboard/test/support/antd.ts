import type { Page } from 'playwright-core';

/** Chooses an option of an antd Select (by test id) the way a user does: open, type, click. */
export async function pick(page: Page, selectTestId: string, option: string): Promise<void> {
  // Click the free end of the field: its middle may be a chosen value's remove button.
  const select = page.getByTestId(selectTestId);
  const box = await select.boundingBox();
  await select.click(box ? { position: { x: box.width - 40, y: box.height / 2 } } : {});
  await page.locator('.ant-select-dropdown:visible').first().waitFor();
  await page.keyboard.type(option.slice(0, 6));
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
  await page.keyboard.press('Escape');
}

/** The open antd Select dropdown's option with this text. */
export function dropdownOption(page: Page, text: string) {
  return page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first();
}

/** Waits until no antd spinner spins (tables and pages loaded). */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('.ant-spin-spinning').length === 0, undefined, { timeout: 15_000 });
}
