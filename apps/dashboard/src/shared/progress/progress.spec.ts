import { describe, expect, it } from '@jest/globals';
import { progressPercent } from './progress';

describe('progressPercent', () => {
  it('should hold below 100 until the job says it finished, and reach 100 when it does', () => {
    expect(progressPercent({ done: 0, total: 0, finished: false, failed: false })).toBe(0);
    expect(progressPercent({ done: 1000, total: 2001, finished: false, failed: false })).toBe(49);
    expect(progressPercent({ done: 2001, total: 2001, finished: false, failed: false })).toBe(99);
    expect(progressPercent({ done: 0, total: 0, finished: true, failed: false })).toBe(100);
  });
});
