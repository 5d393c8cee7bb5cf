import { screenResult } from './index.js';

describe('screenResult', () => {
  it('should be PASS when all pass, PARTIAL from 90%, FAIL below', () => {
    expect(screenResult(10, 10)).toBe('PASS');
    expect(screenResult(0, 0)).toBe('PASS');
    expect(screenResult(9, 10)).toBe('PARTIAL');
    expect(screenResult(89, 100)).toBe('FAIL');
  });
});
