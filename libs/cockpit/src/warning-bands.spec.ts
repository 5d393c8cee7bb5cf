import { createOfficialCalendar, WorkingDayCalendar } from '@ducha/calendar';
import { warningBands } from './warning-bands.js';

const level = (deadline: string, today: string) => {
  const bands = warningBands(today, createOfficialCalendar(), () => undefined);
  return deadline < bands.today ? 'RED' : deadline <= bands.yellowUntil ? 'YELLOW' : 'GREEN';
};

describe('cockpit warning bands', () => {
  it('should count working days across the National Day holiday, not calendar days', () => {
    // 2026-09-30 (Wed): 1–7 October are holidays, the 8th and 9th working days, the 10th (Sat) a make-up working day.
    expect(warningBands('2026-09-30', createOfficialCalendar(), () => undefined).yellowUntil).toBe('2026-10-10');
    expect(level('2026-10-09', '2026-09-30')).toBe('YELLOW'); // nine calendar days away, two working days
    expect(level('2026-10-10', '2026-09-30')).toBe('YELLOW');
    expect(level('2026-10-12', '2026-09-30')).toBe('GREEN');
    expect(level('2026-09-29', '2026-09-30')).toBe('RED');
    expect(level('2026-09-30', '2026-09-30')).toBe('YELLOW');
  });

  it('should span the Spring Festival and end at the third working day after it', () => {
    // 2026-02-13 (Fri): the 14th (Sat) is a make-up working day, 15–23 February the holiday, the 24th and 25th working days.
    expect(warningBands('2026-02-13', createOfficialCalendar(), () => undefined).yellowUntil).toBe('2026-02-25');
    expect(level('2026-02-20', '2026-02-13')).toBe('YELLOW');
    expect(level('2026-02-26', '2026-02-13')).toBe('GREEN');
  });

  it('should keep an ordinary week at three working days (Friday → the next Wednesday)', () => {
    expect(warningBands('2026-11-20', createOfficialCalendar(), () => undefined).yellowUntil).toBe('2026-11-25');
  });

  it('should fall back to five calendar days, and say so, in a year without official data', () => {
    const warnings: string[] = [];
    expect(warningBands('2031-05-06', new WorkingDayCalendar([]), (m) => warnings.push(m))).toEqual({
      today: '2031-05-06',
      yellowUntil: '2031-05-11',
    });
    expect(warnings).toHaveLength(1);
  });
});
