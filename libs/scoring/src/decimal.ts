// Exact decimal arithmetic for the last step of scoring.
//
// Why not Math.round(x * 100) / 100, even with an epsilon? Binary doubles cannot hold most decimal
// ties: 93.485 is stored as 93.48499999999999943…, and a sum like 50 + 50 × E ÷ M − B can land a
// hair below or above the true tie depending on the order of operations; no fixed epsilon is right
// for every magnitude. So scores are computed as exact fractions of BigInts, from the decimal
// numbers the reviewer and the template actually wrote, and rounded once with integer arithmetic.

/** An exact fraction n / d with d > 0 (not necessarily reduced). */
export interface Ratio {
  readonly n: bigint;
  readonly d: bigint;
}

/** n / d with d > 0. Not reduced: the per-sheet formulas build one fraction and round it. */
export function ratio(n: bigint | number, d: bigint | number = 1n): Ratio {
  const num = BigInt(n);
  const den = BigInt(d);
  if (den === 0n) throw new RangeError('ratio: zero denominator');
  return den < 0n ? { n: -num, d: -den } : { n: num, d: den };
}

/** n / d in lowest terms, so long chains of sums do not grow their denominators without bound. */
function reduced(n: bigint, d: bigint): Ratio {
  const { n: num, d: den } = ratio(n, d);
  let a = num < 0n ? -num : num;
  let b = den;
  while (b !== 0n) [a, b] = [b, a % b];
  return a > 1n ? { n: num / a, d: den / a } : { n: num, d: den };
}

export const addRatio = (a: Ratio, b: Ratio): Ratio => reduced(a.n * b.d + b.n * a.d, a.d * b.d);
export const mulRatio = (a: Ratio, b: Ratio): Ratio => reduced(a.n * b.n, a.d * b.d);
export const divRatio = (a: Ratio, b: Ratio): Ratio => reduced(a.n * b.d, a.d * b.n);

/** Negative, zero or positive as a < b, a = b, a > b. */
export function compareRatio(a: Ratio, b: Ratio): number {
  const diff = a.n * b.d - b.n * a.d;
  return diff < 0n ? -1 : diff > 0n ? 1 : 0;
}

export function clampRatio(value: Ratio, low: Ratio, high: Ratio): Ratio {
  if (compareRatio(value, low) < 0) return low;
  if (compareRatio(value, high) > 0) return high;
  return value;
}

/** Nearest double (within a few ulps), for display and sorting only. */
export function ratioToNumber(value: Ratio): number {
  const whole = value.n / value.d;
  const rest = value.n - whole * value.d;
  // Split off the integer part so that huge numerators and denominators do not overflow to Infinity.
  return Number(whole) + Number((rest * 10n ** 18n) / value.d) / 1e18;
}

/** Rounds half up (ties away from zero, 四舍五入) to `decimals` places, exactly. */
export function roundRatio(value: Ratio, decimals = 2): number {
  if (value.n < 0n) {
    const positive = roundRatio({ n: -value.n, d: value.d }, decimals);
    return positive === 0 ? 0 : -positive;
  }
  const scale = 10n ** BigInt(decimals);
  // floor(x · scale + 1/2) in integers: (2 · n · scale + d) div (2 · d).
  const units = (2n * value.n * scale + value.d) / (2n * value.d);
  return Number(units) / Number(scale);
}

const SHORTEST_DECIMAL = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

/**
 * The exact value of the decimal a number prints as (its shortest round-trip form): the decimal a
 * person or a JSON file wrote, not the binary approximation stored in the double.
 */
export function decimalToRatio(value: number): Ratio {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const match = SHORTEST_DECIMAL.exec(String(value));
  if (!match) throw new RangeError(`cannot read ${value} as a decimal`);
  const [, sign, whole, fraction = '', exponent = '0'] = match;
  const digits = BigInt(`${sign}${whole}${fraction}`);
  const power = Number(exponent) - fraction.length;
  return power >= 0 ? ratio(digits * 10n ** BigInt(power)) : ratio(digits, 10n ** BigInt(-power));
}

/** Rounds half up (ties away from zero) the decimal that `value` prints as: 93.485 → 93.49, 1.005 → 1.01. */
export function roundHalfUp(value: number, decimals = 2): number {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 15) {
    throw new RangeError(`decimals must be an integer in 0…15, got ${decimals}`);
  }
  return roundRatio(decimalToRatio(value), decimals);
}

/** Places after the decimal point in the number's shortest form: 0.5 → 1, 1e-7 → 7, 12 → 0. */
export function decimalPlaces(value: number): number {
  const match = SHORTEST_DECIMAL.exec(String(Math.abs(value)));
  if (!match) return Number.POSITIVE_INFINITY;
  const fraction = match[3] ?? '';
  return Math.max(0, fraction.length - Number(match[4] ?? '0'));
}

/**
 * Whether `value` is a whole multiple of `step`. Tolerant of float noise from clients that add
 * decimals in binary (0.1 + 0.2 counts as 0.3) while still refusing 3 on a step of 5.
 */
export function isMultipleOf(value: number, step: number): boolean {
  const quotient = value / step;
  return Math.abs(quotient - Math.round(quotient)) <= 1e-9 * Math.max(1, Math.abs(quotient));
}
