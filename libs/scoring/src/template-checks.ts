// Path-aware readers shared by the template validators. Each reader records a clear error under a
// JSON path such as `sections[2].items[3].step` and returns undefined, so one pass reports every
// problem in a file instead of stopping at the first.
import { decimalPlaces } from './decimal.js';
import { GRADES } from './template.types.js';

export interface TemplateError {
  /** JSON path of the offending value, e.g. `sections[2].items[3].step`; '' for the whole document. */
  readonly path: string;
  readonly reason: string;
}

export type TemplateValidation<T> =
  { readonly ok: true; readonly template: T } | { readonly ok: false; readonly errors: readonly TemplateError[] };

/** Points, steps and weights may carry at most this many decimals (keeps exact arithmetic small). */
export const MAX_DECIMALS = 4;

export type Json = Record<string, unknown>;

export class ErrorList {
  readonly errors: TemplateError[] = [];

  add(path: string, reason: string): void {
    this.errors.push({ path, reason });
  }
}

export function at(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function readString(obj: Json, key: string, path: string, errs: ErrorList, required = true): string | undefined {
  const value = obj[key];
  if (value === undefined && !required) return undefined;
  if (typeof value !== 'string' || value.trim() === '') {
    errs.add(at(path, key), value === undefined ? 'is required' : 'must be a non-empty string');
    return undefined;
  }
  return value;
}

export function readBoolean(obj: Json, key: string, path: string, errs: ErrorList): boolean | undefined {
  const value = obj[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') errs.add(at(path, key), 'must be true or false');
  return typeof value === 'boolean' ? value : undefined;
}

export interface NumberRule {
  readonly required?: boolean;
  /** Inclusive lower bound unless `positive`. */
  readonly min?: number;
  readonly positive?: boolean;
  readonly max?: number;
}

export function readNumber(obj: Json, key: string, path: string, errs: ErrorList, rule: NumberRule = {}): number | undefined {
  const value = obj[key];
  const where = at(path, key);
  if (value === undefined) {
    if (rule.required) errs.add(where, 'is required');
    return undefined;
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) return void errs.add(where, 'must be a number');
  if (rule.positive && value <= 0) return void errs.add(where, 'must be > 0');
  if (rule.min !== undefined && value < rule.min) return void errs.add(where, `must be >= ${rule.min}`);
  if (rule.max !== undefined && value > rule.max) return void errs.add(where, `must be <= ${rule.max}`);
  if (decimalPlaces(value) > MAX_DECIMALS) {
    return void errs.add(where, `must have at most ${MAX_DECIMALS} decimal places`);
  }
  return value;
}

export function readEnum<T extends string>(obj: Json, key: string, values: readonly T[], path: string, errs: ErrorList): T | undefined {
  const value = obj[key];
  if ((values as readonly unknown[]).includes(value)) return value as T;
  errs.add(at(path, key), value === undefined ? 'is required' : `must be one of ${values.join(', ')}`);
  return undefined;
}

export function readArray(obj: Json, key: string, path: string, errs: ErrorList, required = true): unknown[] | undefined {
  const value = obj[key];
  if (value === undefined && !required) return undefined;
  if (!Array.isArray(value) || value.length === 0) {
    errs.add(at(path, key), value === undefined ? 'is required' : 'must be a non-empty array');
    return undefined;
  }
  return value;
}

/** Records the first path of each code and reports any repeat. */
export function checkUniqueCode(code: string | undefined, path: string, seen: Map<string, string>, errs: ErrorList): void {
  if (code === undefined) return;
  const first = seen.get(code);
  if (first !== undefined) errs.add(at(path, 'code'), `duplicate code '${code}' (first used at ${first})`);
  else seen.set(code, path);
}

/** Grade bands: known grades, each once, `min` strictly falling from best, ending at FAIL with min 0. */
export function checkGradeBands(root: Json, errs: ErrorList): void {
  const bands = readArray(root, 'gradeBands', '', errs);
  if (!bands) return;
  const seen = new Set<string>();
  let previous: number | undefined;
  bands.forEach((band, i) => {
    const path = at('gradeBands', i);
    if (!isRecord(band)) return errs.add(path, 'must be an object');
    const grade = readEnum(band, 'grade', GRADES, path, errs);
    readString(band, 'label', path, errs);
    const min = readNumber(band, 'min', path, errs, { required: true, min: 0, max: 100 });
    if (grade && seen.has(grade)) errs.add(at(path, 'grade'), `duplicate grade ${grade}`);
    if (grade) seen.add(grade);
    if (min !== undefined && previous !== undefined && min >= previous) {
      errs.add(at(path, 'min'), `bands must be ordered from best: ${min} must be below the previous band's ${previous}`);
    }
    if (min !== undefined) previous = min;
  });
  const last = bands[bands.length - 1];
  if (isRecord(last) && (last['grade'] !== 'FAIL' || last['min'] !== 0)) {
    errs.add(at('gradeBands', bands.length - 1), 'the last band must be FAIL with min 0, so every score gets a grade');
  }
}

export function toValidation<T>(json: unknown, errs: ErrorList): TemplateValidation<T> {
  return errs.errors.length ? { ok: false, errors: errs.errors } : { ok: true, template: json as T };
}

/** Template values as exact integers of 10^-MAX_DECIMALS, so sums compare without float noise. */
export const toTicks = (value: number): number => Math.round(value * 10 ** MAX_DECIMALS);
export const fromTicks = (ticks: number): number => ticks / 10 ** MAX_DECIMALS;

/** Accepts a parsed document or its JSON text; records why it is not an object. */
export function readRoot(json: unknown, errs: ErrorList): Json | undefined {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json) as unknown;
    } catch (error) {
      errs.add('', `is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }
  if (isRecord(value)) return value;
  errs.add('', 'must be a JSON object');
  return undefined;
}
