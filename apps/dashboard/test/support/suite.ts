import type { Page } from 'playwright-core';
import { startApiProcess, type ApiProcess } from './api-process.js';
import { launchBrowser, signIn, type TestBrowser } from './browser.js';
import { loadNextYearCalendar } from './calendar.js';

/** What a browser spec works with: the api, and one signed-in page per demo user. */
export interface BrowserSuite {
  readonly baseUrl: string;
  readonly api: ApiProcess;
  /** The page of a user named in `browserSuite(...)`, signed in, in their own browser profile. */
  page(username: string): Page;
}

/**
 * Registers the start-up every browser spec shares: before all tests the real api (fresh data,
 * demo seed, next year's calendar loaded unless the spec enters it itself) and one Chromium per user, signed in; after each test, no console error in any of
 * them; after all, everything closed. Each user has their own profile, hence their own session.
 */
export function browserSuite(
  usernames: readonly string[],
  viewport?: { width: number; height: number },
  { nextYearCalendar = true }: { nextYearCalendar?: boolean } = {},
): BrowserSuite {
  let api: ApiProcess | undefined;
  const browsers = new Map<string, TestBrowser>();
  const pages = new Map<string, Page>();

  beforeAll(async () => {
    api = await startApiProcess();
    if (nextYearCalendar) await loadNextYearCalendar(api.baseUrl);
    for (const username of usernames) {
      const browser = await launchBrowser(viewport);
      browsers.set(username, browser);
      const page = await browser.newPage();
      pages.set(username, page);
      await signIn(page, api.baseUrl, username);
    }
  }, 180_000);

  afterAll(async () => {
    for (const browser of browsers.values()) await browser.close();
    await api?.stop();
  });

  afterEach(() => {
    for (const [username, browser] of browsers) expect({ username, errors: browser.consoleErrors }).toEqual({ username, errors: [] });
  });

  const started = (): ApiProcess => {
    if (!api) throw new Error('the api is not started yet: use the suite inside tests');
    return api;
  };
  return {
    get api() {
      return started();
    },
    get baseUrl() {
      return started().baseUrl;
    },
    page(username: string): Page {
      const page = pages.get(username);
      if (!page) throw new Error(`${username} is not a user of this suite`);
      return page;
    },
  };
}
