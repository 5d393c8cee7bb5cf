import fc from 'fast-check';

import { compareRatio, decimalPlaces, decimalToRatio, isMultipleOf, type Ratio, ratio, roundHalfUp, roundRatio } from './decimal.js';

/** Half-up rounding of a non-negative decimal string to 2 places, done on digits only (the oracle). */
function roundDigits(whole: bigint, thousandths: number): string {
  const cents = whole * 100n + BigInt(Math.floor(thousandths / 10)) + (thousandths % 10 >= 5 ? 1n : 0n);
  return `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
}

describe(roundHalfUp.name, () => {
  it.each([
    [93.485, 93.49],
    [93.48765432098766, 93.49],
    [1.005, 1.01],
    [2.675, 2.68],
    [0.125, 0.13],
    [1.255, 1.26],
    [8.345, 8.35],
    [89.995, 90],
    [93.484999, 93.48],
    [0.0049, 0],
    [1e-7, 0],
    [100, 100],
    [0, 0],
  ])('should round %p half up to %p', (value, expected) => {
    expect(roundHalfUp(value)).toBe(expected);
  });

  it('should round ties where Math.round(x * 100) / 100 goes down', () => {
    // In binary 1.005 * 100 === 100.49999999999999, 4.475 * 100 === 447.49999999999994.
    for (const value of [1.005, 1.255, 4.475, 10.075]) {
      expect(Math.round(value * 100) / 100).toBeLessThan(roundHalfUp(value));
    }
  });

  it('should round ties where adding Number.EPSILON first is not enough', () => {
    // EPSILON is far below one ulp at these magnitudes, so it changes nothing.
    for (const [value, expected] of [
      [4.475, 4.48],
      [10.075, 10.08],
    ] as const) {
      expect(Math.round((value + Number.EPSILON) * 100) / 100).not.toBe(expected);
      expect(roundHalfUp(value)).toBe(expected);
    }
  });

  it('should round ties away from zero for negative values and never return -0', () => {
    expect(roundHalfUp(-1.005)).toBe(-1.01);
    expect(Object.is(roundHalfUp(-0.001), 0)).toBe(true);
  });

  it('should honour other decimal counts', () => {
    expect(roundHalfUp(2.5, 0)).toBe(3);
    expect(roundHalfUp(1.0005, 3)).toBe(1.001);
    expect(() => roundHalfUp(1, -1)).toThrow(RangeError);
    expect(() => roundHalfUp(Number.NaN)).toThrow(RangeError);
  });

  it('should round every 3-decimal number half up at 2 decimals, as digit arithmetic does', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 9n }), fc.integer({ min: 0, max: 999 }), (whole, thousandths) => {
        const written = `${whole}.${String(thousandths).padStart(3, '0')}`;
        expect(roundHalfUp(Number(written))).toBe(Number(roundDigits(whole, thousandths)));
      }),
    );
  });

  it('should stay within half a cent of the value and be idempotent', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1000, noNaN: true }), (value) => {
        const rounded = roundHalfUp(value);
        expect(Math.abs(rounded - value)).toBeLessThanOrEqual(0.005 + 1e-12);
        expect(roundHalfUp(rounded)).toBe(rounded);
      }),
    );
  });
});

describe(roundRatio.name, () => {
  it('should round an exact fraction half up without going through a double', () => {
    expect(roundRatio(ratio(93485, 1000))).toBe(93.49);
    expect(roundRatio(ratio(15145, 162))).toBe(93.49); // 50 + 50 × 74.5 ÷ 81 − 2.5 = 15145/162
    expect(roundRatio(ratio(1, 3))).toBe(0.33);
    expect(roundRatio(ratio(2, 3))).toBe(0.67);
  });
});

describe(decimalToRatio.name, () => {
  it('should read the decimal a number prints as', () => {
    const same = (a: Ratio, b: Ratio) => compareRatio(a, b) === 0;
    expect(same(decimalToRatio(93.485), ratio(93485, 1000))).toBe(true);
    expect(same(decimalToRatio(1e-7), ratio(1, 10_000_000))).toBe(true);
    expect(same(decimalToRatio(1e21), ratio(10n ** 21n))).toBe(true);
    expect(same(decimalToRatio(-0.5), ratio(-1, 2))).toBe(true);
    expect(same(decimalToRatio(0.1), ratio(1, 3))).toBe(false);
  });
});

describe(decimalPlaces.name, () => {
  it('should count places in the shortest form', () => {
    expect(decimalPlaces(0.5)).toBe(1);
    expect(decimalPlaces(12)).toBe(0);
    expect(decimalPlaces(0.125)).toBe(3);
    expect(decimalPlaces(1e-7)).toBe(7);
  });
});

describe(isMultipleOf.name, () => {
  it('should accept whole steps, tolerate binary noise and refuse off-step values', () => {
    expect(isMultipleOf(10, 5)).toBe(true);
    expect(isMultipleOf(1.5, 0.5)).toBe(true);
    expect(isMultipleOf(0.1 + 0.2, 0.1)).toBe(true);
    expect(isMultipleOf(3, 5)).toBe(false);
    expect(isMultipleOf(1.2, 0.5)).toBe(false);
  });
});
