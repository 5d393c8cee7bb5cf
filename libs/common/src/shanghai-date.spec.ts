import { shanghaiDate, shanghaiYear } from './shanghai-date.js';

describe('shanghaiDate', () => {
  it('should turn to the next day at midnight in Shanghai, eight hours before UTC does', () => {
    expect(shanghaiDate(new Date('2026-03-31T15:59:59Z'))).toBe('2026-03-31');
    expect(shanghaiDate(new Date('2026-03-31T16:00:00Z'))).toBe('2026-04-01');
  });

  it('should give the new year from 16:00 UTC on 31 December', () => {
    expect(shanghaiYear(new Date('2026-12-31T15:59:59Z'))).toBe(2026);
    expect(shanghaiYear(new Date('2026-12-31T16:00:00Z'))).toBe(2027);
  });
});
