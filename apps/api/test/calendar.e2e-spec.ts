import { startTestApp, type TestApp } from './harness.js';

const ADD = `query($d: String!, $n: Int!) { addWorkingDays(date: $d, n: $n) { date } }`;
const UPSERT = `mutation($i: CalendarYearInput!) { upsertCalendarYear(input: $i) { year source holidays makeUpWorkdays } }`;

describe('Working-day calendar (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({}, { seed: true });
  });
  afterAll(async () => t.close());

  it('should ship the official years 2020–2026', async () => {
    const status = (await t.gql.ok(`{ calendarStatus { knownYears } }`, {}, await t.token('inspector'))).calendarStatus;
    expect(status.knownYears).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
  });

  it('should count working days across the 2025 National Day holiday and its make-up days', async () => {
    const token = await t.token('inspector');
    // Decided Friday 2025-09-26: the 7th working day counts Sunday 09-28 and Saturday 10-11 (make-up days)
    // and skips 10-01..10-08.
    expect((await t.gql.ok(ADD, { d: '2025-09-26', n: 7 }, token)).addWorkingDays.date).toBe('2025-10-13');
    // Across the 2025 Spring Festival (01-28..02-04; make-up 01-26 Sunday and 02-08 Saturday).
    expect((await t.gql.ok(ADD, { d: '2025-01-24', n: 7 }, token)).addWorkingDays.date).toBe('2025-02-10');
  });

  it('should refuse a deadline reaching into a year with no official calendar, naming the year', async () => {
    const result = await t.gql.run(ADD, { d: '2026-12-24', n: 10 }, await t.token('inspector'));
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toMatch(/2027/);
  });

  it('should let an administrator add a year, and refuse an invalid one naming the field', async () => {
    const admin = await t.token('admin');
    const bad = await t.gql.run(UPSERT, { i: { year: 2027, holidays: ['2027-01-01'], makeUpWorkdays: ['2027-01-05'] } }, admin);
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0].extensions?.issues?.[0].field).toBe('makeUpWorkdays.0');
    expect(await t.gql.code(UPSERT, { i: { year: 2027, holidays: ['2027-01-01'], makeUpWorkdays: [] } }, await t.token('inspector'))).toBe(
      'FORBIDDEN',
    );
    const saved = await t.gql.ok(
      UPSERT,
      { i: { year: 2027, holidays: ['2027-01-01', '2027-02-05', '2027-02-08'], makeUpWorkdays: ['2027-02-07'] } },
      admin,
    );
    expect(saved.upsertCalendarYear).toMatchObject({ year: 2027, source: 'admin:admin', makeUpWorkdays: ['2027-02-07'] });
    expect((await t.gql.ok(ADD, { d: '2026-12-31', n: 1 }, admin)).addWorkingDays.date).toBe('2027-01-04');
  });
});
