import { createOfficialCalendar, loadOfficialCalendar } from './official-calendar.js';
import { validateCalendarData } from './validate-year-data.js';

function dateRange(first: string, last: string): string[] {
  const dates: string[] = [];
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= Date.parse(`${last}T00:00:00Z`); t += 86_400_000) {
    dates.push(new Date(t).toISOString().slice(0, 10));
  }
  return dates;
}

// Make-up working days as published in the State Council's notices (国务院办公厅关于…部分节假日安排的通知).
const PUBLISHED_MAKE_UP_WORKDAYS: Record<number, string[]> = {
  2020: ['01-19', '04-26', '05-09', '06-28', '09-27', '10-10'], // 02-01 was cancelled when Spring Festival was extended
  2021: ['02-07', '02-20', '04-25', '05-08', '09-18', '09-26', '10-09'],
  2022: ['01-29', '01-30', '04-02', '04-24', '05-07', '10-08', '10-09'],
  2023: ['01-28', '01-29', '04-23', '05-06', '06-25', '10-07', '10-08'],
  2024: ['02-04', '02-18', '04-07', '04-28', '05-11', '09-14', '09-29', '10-12'],
  2025: ['01-26', '02-08', '04-27', '09-28', '10-11'],
  2026: ['01-04', '02-14', '02-28', '05-09', '09-20', '10-10'],
};

const PUBLISHED_HOLIDAY_PERIODS: [string, string, string][] = [
  ['2020-01-24', '2020-02-02', '春节'],
  ['2024-02-10', '2024-02-17', '春节'],
  ['2024-06-08', '2024-06-10', '端午节'],
  ['2024-10-01', '2024-10-07', '国庆节'],
  ['2025-01-28', '2025-02-04', '春节'],
  ['2025-10-01', '2025-10-05', '国庆节'],
  ['2025-10-07', '2025-10-08', '国庆节'],
  ['2026-02-15', '2026-02-23', '春节'],
];

describe(loadOfficialCalendar.name, () => {
  const years = loadOfficialCalendar();
  const byYear = new Map(years.map((data) => [data.year, data]));

  it('should ship valid data for 2020 through 2026 and nothing for 2027', () => {
    expect(years.map((data) => data.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    expect(validateCalendarData(years)).toEqual([]);
  });

  it.each(Object.entries(PUBLISHED_MAKE_UP_WORKDAYS))('should list the published make-up working days of %s', (year, days) => {
    expect(byYear.get(Number(year))?.makeUpWorkdays).toEqual(days.map((day) => `${year}-${day}`));
  });

  it.each(PUBLISHED_HOLIDAY_PERIODS)('should list every day from %s to %s as %s', (first, last, name) => {
    const data = byYear.get(Number(first.slice(0, 4)));
    for (const date of dateRange(first, last)) {
      expect(data?.holidays).toContain(date);
      expect(data?.names?.[date]).toBe(name);
    }
  });

  it('should name 2025-10-06 as Mid-Autumn inside the National Day holiday', () => {
    expect(byYear.get(2025)?.names?.['2025-10-06']).toBe('中秋节');
  });

  it('should keep 2024 Spring Festival Eve (2024-02-09) a working day, as the notice only encouraged leave', () => {
    expect(byYear.get(2024)?.holidays).not.toContain('2024-02-09');
    expect(createOfficialCalendar().isWorkingDay('2024-02-09')).toBe(true);
  });

  it('should hand out a fresh copy each time', () => {
    loadOfficialCalendar()[0].holidays.push('2020-12-25');
    expect(loadOfficialCalendar()[0].holidays).not.toContain('2020-12-25');
  });
});
