import fc from 'fast-check';
import { INVALID_DATE, dayIndexOf, isoDatesOfYear, packIsoDate, weekdayOfNewYear, yearOf } from './calendar-date.js';

describe(packIsoDate.name, () => {
  it('should read back every date of a leap and a common year at its own day of year', () => {
    for (const year of [2024, 2025, 2100]) {
      isoDatesOfYear(year).forEach((date, index) => {
        const packed = packIsoDate(date);
        expect([yearOf(packed), dayIndexOf(packed)]).toEqual([year, index]);
      });
    }
    expect(isoDatesOfYear(2024)).toHaveLength(366);
    expect(isoDatesOfYear(2100)).toHaveLength(365);
  });

  it.each(['2025-02-29', '2100-02-29', '2025-13-01', '2025-00-10', '2025-04-31', '0000-01-01', '2025-1-01', ' 2025-01-01'])(
    'should reject %j',
    (value) => {
      expect(packIsoDate(value)).toBe(INVALID_DATE);
    },
  );

  it('should accept 2024-02-29 and 2000-02-29', () => {
    expect(packIsoDate('2024-02-29')).not.toBe(INVALID_DATE);
    expect(packIsoDate('2000-02-29')).not.toBe(INVALID_DATE);
  });
});

describe(weekdayOfNewYear.name, () => {
  it('should match UTC Date arithmetic for any year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), (year) => {
        const newYear = new Date(0);
        newYear.setUTCFullYear(year, 0, 1);
        expect(weekdayOfNewYear(year)).toBe(newYear.getUTCDay());
      }),
    );
  });
});
