import { apiLogin, gql } from './graphql.js';

/**
 * Next year's calendar, as the administrator loads it once the State Council publishes it each
 * winter: tasks issued in December get deadlines in it, and without it they are refused. (This test
 * copy has New Year's Day off and no make-up days; the real schedule is the office's data.)
 */
export async function loadNextYearCalendar(baseUrl: string): Promise<void> {
  const next = new Date(Date.now() + 8 * 3600_000).getUTCFullYear() + 1;
  const admin = await apiLogin(baseUrl, 'admin');
  const { calendarStatus } = await gql<{ calendarStatus: { missingYears: number[] } }>(
    baseUrl,
    `{ calendarStatus { missingYears } }`,
    {},
    admin.token,
  );
  if (!calendarStatus.missingYears.includes(next)) return;
  const newYear = `${next}-01-01`;
  await gql(
    baseUrl,
    `mutation($i: CalendarYearInput!) { upsertCalendarYear(input: $i) { year } }`,
    {
      i: { year: next, holidays: [newYear], makeUpWorkdays: [], names: { [newYear]: '元旦' } },
    },
    admin.token,
  );
}
