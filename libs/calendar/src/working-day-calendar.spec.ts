import { CalendarDataError, CalendarYearUnknownError, InvalidCalendarDateError } from './calendar.errors.js';
import { DayKind, type CalendarYearData } from './calendar-year-data.js';
import { createOfficialCalendar, loadOfficialCalendar } from './official-calendar.js';
import { WorkingDayCalendar } from './working-day-calendar.js';

function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected the action to throw');
}

describe(WorkingDayCalendar.name, () => {
  const calendar = createOfficialCalendar();

  describe('isWorkingDay', () => {
    it('should treat the weekend make-up days around National Day 2025 as working days', () => {
      expect(calendar.isWorkingDay('2025-09-28')).toBe(true); // Sunday
      expect(calendar.isWorkingDay('2025-10-11')).toBe(true); // Saturday
    });

    it('should treat every day of the 2025 National Day holiday as off, 2025-10-08 included', () => {
      for (let day = 1; day <= 8; day += 1) expect(calendar.isWorkingDay(`2025-10-0${day}`)).toBe(false);
      expect(calendar.isWorkingDay('2025-10-09')).toBe(true);
    });

    it('should treat the 2026 Spring Festival make-up Saturdays as working days and an ordinary Saturday as off', () => {
      expect(calendar.isWorkingDay('2026-02-14')).toBe(true);
      expect(calendar.isWorkingDay('2026-02-28')).toBe(true);
      expect(calendar.isWorkingDay('2026-02-07')).toBe(false);
    });

    it('should treat an ordinary weekday as a working day', () => {
      expect(calendar.isWorkingDay('2025-09-26')).toBe(true);
    });
  });

  describe('describeDay', () => {
    it('should name the holiday and the make-up day worked for it', () => {
      expect(calendar.describeDay('2025-10-06')).toEqual({
        date: '2025-10-06',
        kind: DayKind.PUBLIC_HOLIDAY,
        working: false,
        name: '中秋节',
      });
      expect(calendar.describeDay('2025-10-11')).toEqual({
        date: '2025-10-11',
        kind: DayKind.MAKE_UP_WORKDAY,
        working: true,
        name: '国庆节',
      });
      expect(calendar.describeDay('2025-10-12')).toEqual({ date: '2025-10-12', kind: DayKind.WEEKEND, working: false });
    });
  });

  describe('addWorkingDays', () => {
    it('should put a 7-working-day deadline from Friday 2025-09-26 on 2025-10-13, across National Day', () => {
      // 09-28 (Sun, make-up), 09-29, 09-30, [10-01..10-08 off], 10-09, 10-10, 10-11 (Sat, make-up), 10-13
      expect(calendar.addWorkingDays('2025-09-26', 7)).toBe('2025-10-13');
    });

    it('should put a 7-working-day deadline from 2025-01-24 on 2025-02-10, across Spring Festival', () => {
      // 01-26 (Sun, make-up), 01-27, [01-28..02-04 off], 02-05, 02-06, 02-07, 02-08 (Sat, make-up), 02-10
      expect(calendar.addWorkingDays('2025-01-24', 7)).toBe('2025-02-10');
    });

    it('should count the 2024 Spring Festival make-up Sundays', () => {
      // 02-04 (Sun, make-up), 02-05..02-09 (Eve is worked), [02-10..02-17 off], 02-18 (Sun, make-up)
      expect(calendar.addWorkingDays('2024-02-02', 1)).toBe('2024-02-04');
      expect(calendar.addWorkingDays('2024-02-09', 1)).toBe('2024-02-18');
    });

    it('should land on the 2026 Spring Festival make-up Saturdays', () => {
      expect(calendar.addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
      expect(calendar.addWorkingDays('2026-02-14', 1)).toBe('2026-02-24');
      expect(calendar.addWorkingDays('2026-02-13', 6)).toBe('2026-02-28');
    });

    it('should cross into the next year, landing on its make-up Sunday', () => {
      // 2026-01-01..01-03 are New Year's Day; Sunday 2026-01-04 is worked.
      expect(calendar.addWorkingDays('2025-12-31', 1)).toBe('2026-01-04');
      expect(calendar.addWorkingDays('2024-12-31', 1)).toBe('2025-01-02');
    });

    it('should not count the start date, even when it is a working day', () => {
      expect(calendar.addWorkingDays('2025-10-09', 1)).toBe('2025-10-10');
    });

    it('should return the date itself for n = 0, even on a holiday', () => {
      expect(calendar.addWorkingDays('2025-10-03', 0)).toBe('2025-10-03');
    });

    it('should count backwards for a negative n', () => {
      expect(calendar.addWorkingDays('2025-10-09', -1)).toBe('2025-09-30');
      expect(calendar.subtractWorkingDays('2025-02-05', 2)).toBe('2025-01-26');
      expect(calendar.subtractWorkingDays('2026-01-05', 2)).toBe('2025-12-31');
    });

    it('should span several years', () => {
      const end = calendar.addWorkingDays('2020-01-02', 1000);
      expect(end.startsWith('2024-')).toBe(true);
      expect(calendar.workingDaysBetween('2020-01-02', end)).toBe(1000);
      expect(calendar.subtractWorkingDays(end, 1000)).toBe('2020-01-02');
    });

    it('should refuse a fractional number of working days', () => {
      expect(() => calendar.addWorkingDays('2025-10-09', 1.5)).toThrow(RangeError);
    });
  });

  describe('workingDaysBetween', () => {
    it('should count 4 working days after 2025-09-30 up to 2025-10-13', () => {
      // 10-09, 10-10, 10-11 (Sat, make-up), 10-13
      expect(calendar.workingDaysBetween('2025-09-30', '2025-10-13')).toBe(4);
    });

    it('should be negative when the end is before the start', () => {
      expect(calendar.workingDaysBetween('2025-10-13', '2025-09-30')).toBe(-4);
    });

    it('should be 0 for the same date and across a holiday with no working day in it', () => {
      expect(calendar.workingDaysBetween('2025-10-05', '2025-10-05')).toBe(0);
      expect(calendar.workingDaysBetween('2025-09-30', '2025-10-08')).toBe(0);
    });

    it('should count across years', () => {
      expect(calendar.workingDaysBetween('2025-12-30', '2026-01-05')).toBe(3); // 12-31, 01-04 (Sun), 01-05
    });
  });

  describe('unknown years', () => {
    it('should throw CalendarYearUnknownError naming 2027 instead of assuming Monday–Friday', () => {
      const errors = [
        thrownBy(() => calendar.isWorkingDay('2027-01-04')),
        thrownBy(() => calendar.addWorkingDays('2026-12-31', 1)),
        thrownBy(() => calendar.addWorkingDays('2026-12-25', 10)),
        thrownBy(() => calendar.workingDaysBetween('2026-12-30', '2027-01-04')),
        thrownBy(() => calendar.subtractWorkingDays('2027-01-08', 1)),
      ];
      for (const error of errors) {
        expect(error).toBeInstanceOf(CalendarYearUnknownError);
        expect(error).toMatchObject({ year: 2027, code: 'CALENDAR_YEAR_UNKNOWN' });
        expect((error as Error).message).toContain('2027');
      }
    });

    it('should compute up to the last known day without needing the next year', () => {
      expect(calendar.addWorkingDays('2026-12-30', 1)).toBe('2026-12-31');
      expect(calendar.workingDaysBetween('2026-12-01', '2026-12-31')).toBe(22);
    });

    it('should name the missing year inside a gap between known years', () => {
      const years = loadOfficialCalendar().filter((data) => data.year !== 2025);
      const gappy = new WorkingDayCalendar(years);
      expect(gappy.hasYear(2025)).toBe(false);
      expect(thrownBy(() => gappy.workingDaysBetween('2024-12-01', '2026-01-31'))).toMatchObject({ year: 2025 });
      expect(thrownBy(() => gappy.addWorkingDays('2024-12-31', 1))).toMatchObject({ year: 2025 });
    });

    it('should reach into the year before when counting back from its first days', () => {
      expect(thrownBy(() => calendar.subtractWorkingDays('2020-01-02', 1))).toMatchObject({ year: 2019 });
    });
  });

  describe('years', () => {
    it('should know exactly the shipped years 2020–2026', () => {
      expect(calendar.knownYears()).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
      expect(calendar.hasYear(2026)).toBe(true);
      expect(calendar.hasYear(2027)).toBe(false);
    });
  });

  describe('input', () => {
    it.each(['2025-9-26', '2025-02-29', '2025/09/26', '2025-09-26T00:00:00Z', ''])('should reject %j as a date', (date) => {
      expect(() => calendar.isWorkingDay(date)).toThrow(InvalidCalendarDateError);
    });

    it('should refuse invalid year data at construction', () => {
      const bad: CalendarYearData = { year: 2025, holidays: ['2025-10-01'], makeUpWorkdays: ['2025-09-30'] };
      expect(thrownBy(() => new WorkingDayCalendar([bad]))).toBeInstanceOf(CalendarDataError);
    });
  });
});
