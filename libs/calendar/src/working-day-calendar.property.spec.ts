import fc from 'fast-check';
import { CalendarYearUnknownError } from './calendar.errors.js';
import { createOfficialCalendar, loadOfficialCalendar } from './official-calendar.js';
import { WorkingDayCalendar } from './working-day-calendar.js';

// A deliberately naive oracle: walk one day at a time with UTC Date arithmetic.
const DAY_MS = 86_400_000;
const years = loadOfficialCalendar();
const holidays = new Set(years.flatMap((data) => data.holidays));
const makeUpWorkdays = new Set(years.flatMap((data) => data.makeUpWorkdays));
const FIRST = Date.UTC(2020, 0, 1);
const LAST = Date.UTC(2026, 11, 31);

const DAYS = (LAST - FIRST) / DAY_MS + 1;

const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const offset = (date: string): number => (Date.parse(`${date}T00:00:00Z`) - FIRST) / DAY_MS;

const naiveWorking = Array.from({ length: DAYS }, (_, i) => {
  const date = iso(FIRST + i * DAY_MS);
  const weekday = new Date(FIRST + i * DAY_MS).getUTCDay();
  return makeUpWorkdays.has(date) || (weekday !== 0 && weekday !== 6 && !holidays.has(date));
});

function naiveAdd(date: string, n: number): string | undefined {
  let i = offset(date);
  const step = n >= 0 ? 1 : -1;
  for (let left = Math.abs(n); left > 0;) {
    i += step;
    if (i < 0 || i >= DAYS) return undefined;
    if (naiveWorking[i]) left -= 1;
  }
  return iso(FIRST + i * DAY_MS);
}

function naiveBetween(a: string, b: string): number {
  const [from, to, sign] = offset(a) <= offset(b) ? [offset(a), offset(b), 1] : [offset(b), offset(a), -1];
  let count = 0;
  for (let i = from + 1; i <= to; i += 1) if (naiveWorking[i]) count += 1;
  return sign * count;
}

const knownDate = fc.integer({ min: 0, max: DAYS - 1 }).map((i) => iso(FIRST + i * DAY_MS));

describe(WorkingDayCalendar.name, () => {
  const calendar = createOfficialCalendar();

  it('should agree with a day-by-day count on every day of 2020–2026', () => {
    const answers = naiveWorking.map((_, i) => calendar.isWorkingDay(iso(FIRST + i * DAY_MS)));
    expect(answers).toEqual(naiveWorking);
  });

  it('should add and subtract working days like a day-by-day walk, or name the missing year', () => {
    fc.assert(
      fc.property(knownDate, fc.integer({ min: -400, max: 400 }), (date, n) => {
        const expected = naiveAdd(date, n);
        if (expected === undefined) {
          expect(() => calendar.addWorkingDays(date, n)).toThrow(CalendarYearUnknownError);
        } else {
          expect(calendar.addWorkingDays(date, n)).toBe(expected);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('should count working days between two dates like a day-by-day walk', () => {
    fc.assert(
      fc.property(knownDate, knownDate, (a, b) => {
        expect(calendar.workingDaysBetween(a, b)).toBe(naiveBetween(a, b));
      }),
      { numRuns: 1000 },
    );
  });

  it('should land n working days after the start: between(date, add(date, n)) = n', () => {
    fc.assert(
      fc.property(knownDate, fc.integer({ min: 0, max: 200 }), (date, n) => {
        fc.pre(Date.parse(`${date}T00:00:00Z`) < Date.UTC(2026, 0, 1));
        const end = calendar.addWorkingDays(date, n);
        expect(calendar.workingDaysBetween(date, end)).toBe(n);
        if (n > 0) expect(calendar.isWorkingDay(end)).toBe(true);
      }),
    );
  });
});
