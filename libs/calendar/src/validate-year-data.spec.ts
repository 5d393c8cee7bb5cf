import type { CalendarYearData } from './calendar-year-data.js';
import { CalendarDataIssueCode, validateCalendarData, validateYearData } from './validate-year-data.js';

function year2025(overrides: Partial<CalendarYearData> = {}): CalendarYearData {
  return {
    year: 2025,
    holidays: ['2025-10-01', '2025-10-04', '2025-10-08'],
    makeUpWorkdays: ['2025-09-28', '2025-10-11'],
    names: { '2025-10-01': '国庆节', '2025-10-11': '国庆节' },
    ...overrides,
  };
}

const codes = (data: CalendarYearData): string[] => validateYearData(data).map((issue) => issue.code);

describe(validateYearData.name, () => {
  it('should accept a valid year, including a holiday that falls on a Saturday', () => {
    expect(validateYearData(year2025())).toEqual([]);
  });

  it('should reject a make-up working day that is not a weekend day, saying which weekday it is', () => {
    const issues = validateYearData(year2025({ makeUpWorkdays: ['2025-09-28', '2025-09-30'], names: {} }));
    expect(issues).toEqual([
      {
        code: CalendarDataIssueCode.MAKE_UP_WORKDAY_NOT_WEEKEND,
        field: 'makeUpWorkdays.1',
        reason: '2025-09-30 is a Tuesday; a make-up working day must be a Saturday or Sunday',
        year: 2025,
      },
    ]);
  });

  it('should reject dates of another year', () => {
    const issues = validateYearData(year2025({ holidays: ['2025-10-01', '2026-01-01'] }));
    expect(issues).toMatchObject([
      { code: CalendarDataIssueCode.DATE_OUTSIDE_YEAR, field: 'holidays.1', reason: '2026-01-01 is not in 2025' },
    ]);
  });

  it('should reject malformed and impossible dates', () => {
    expect(codes(year2025({ holidays: ['2025-10-1', '2025-02-29', 20251001 as unknown as string], names: {} }))).toEqual([
      CalendarDataIssueCode.INVALID_DATE,
      CalendarDataIssueCode.INVALID_DATE,
      CalendarDataIssueCode.INVALID_DATE,
    ]);
  });

  it('should reject duplicates', () => {
    const issues = validateYearData(year2025({ holidays: ['2025-10-01', '2025-10-02', '2025-10-01'] }));
    expect(issues).toMatchObject([{ code: CalendarDataIssueCode.DUPLICATE_DATE, field: 'holidays.2' }]);
  });

  it('should reject a date that is both a holiday and a make-up working day', () => {
    expect(codes(year2025({ holidays: ['2025-10-01', '2025-10-11'] }))).toEqual([CalendarDataIssueCode.HOLIDAY_AND_MAKE_UP_WORKDAY]);
  });

  it('should reject a year without holidays, which would be plain weekdays', () => {
    expect(codes(year2025({ holidays: [], names: {} }))).toEqual([CalendarDataIssueCode.NO_HOLIDAYS]);
  });

  it('should reject names of dates that are not listed, and empty names', () => {
    const issues = validateYearData(year2025({ names: { '2025-10-09': '国庆节', '2025-10-01': ' ' } }));
    expect(issues).toMatchObject([
      { code: CalendarDataIssueCode.NAME_FOR_UNLISTED_DATE, field: 'names.2025-10-09' },
      { code: CalendarDataIssueCode.INVALID_NAME, field: 'names.2025-10-01' },
    ]);
  });

  it('should reject a year that is not a whole number and lists that are not lists', () => {
    expect(codes(year2025({ year: 2025.5 }))).toEqual([CalendarDataIssueCode.INVALID_YEAR]);
    expect(codes(year2025({ makeUpWorkdays: '2025-09-28' as unknown as string[] }))).toEqual([CalendarDataIssueCode.INVALID_SHAPE]);
  });
});

describe(validateCalendarData.name, () => {
  it('should reject the same year twice and prefix fields with the year index', () => {
    const issues = validateCalendarData([year2025(), year2025({ makeUpWorkdays: ['2025-09-29'] })]);
    expect(issues).toMatchObject([
      { code: CalendarDataIssueCode.MAKE_UP_WORKDAY_NOT_WEEKEND, field: '1.makeUpWorkdays.0' },
      { code: CalendarDataIssueCode.NAME_FOR_UNLISTED_DATE, field: '1.names.2025-10-11' },
      { code: CalendarDataIssueCode.DUPLICATE_YEAR, field: '1.year', year: 2025 },
    ]);
  });
});
