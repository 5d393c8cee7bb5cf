import { isMultipleOf } from './decimal.js';
import {
  at,
  checkGradeBands,
  checkUniqueCode,
  ErrorList,
  fromTicks,
  isRecord,
  type Json,
  readArray,
  readEnum,
  readNumber,
  readRoot,
  readString,
  type TemplateValidation,
  toTicks,
  toValidation,
} from './template-checks.js';
import type { IndicatorFramework } from './template.types.js';

/** An inspector scores SELF_REPORT indicators in steps of this size. */
export const SELF_REPORT_STEP = 0.5;

const METHOD = /^(SELF_REPORT|(DATA|RATE):[A-Z][A-Z0-9_]*)$/;

/**
 * Parses (from JSON text or a parsed object) and validates an indicator framework. Returns the
 * typed framework, or every problem with its JSON path, e.g. `indicators[0].children[1].weight`.
 */
export function validateFramework(json: unknown): TemplateValidation<IndicatorFramework> {
  const errs = new ErrorList();
  const root = readRoot(json, errs);
  if (root) checkFramework(root, errs);
  return toValidation<IndicatorFramework>(root, errs);
}

function checkFramework(root: Json, errs: ErrorList): void {
  for (const key of ['code', 'version', 'name']) readString(root, key, '', errs);
  readString(root, 'note', '', errs, false);
  readEnum(root, 'formula', ['WEIGHTED_SUM'], '', errs);
  const methods = root['methods'];
  if (methods !== undefined && (!isRecord(methods) || Object.values(methods).some((v) => typeof v !== 'string'))) {
    errs.add('methods', 'must map method names to descriptions (strings)');
  }
  checkGradeBands(root, errs);
  const indicators = readArray(root, 'indicators', '', errs);
  if (!indicators) return;
  const codes = new Map<string, string>();
  const weights = indicators.map((indicator, i) => checkIndicator(indicator, at('indicators', i), 1, codes, errs));
  if (weights.every((w) => w === 0)) {
    errs.add('indicators', 'at least one level-3 indicator must carry a weight above 0');
  }
}

/** Returns the Σ of level-3 weights below (in ticks), or undefined when some could not be read. */
function checkIndicator(
  indicator: unknown,
  path: string,
  level: 1 | 2 | 3,
  codes: Map<string, string>,
  errs: ErrorList,
): number | undefined {
  if (!isRecord(indicator)) return void errs.add(path, 'must be an object');
  checkUniqueCode(readString(indicator, 'code', path, errs), path, codes, errs);
  readString(indicator, 'title', path, errs);
  if (indicator['level'] !== level) errs.add(at(path, 'level'), `must be ${level} (one below its parent)`);
  return level === 3 ? checkLeaf(indicator, path, errs) : checkBranch(indicator, path, level, codes, errs);
}

function checkLeaf(indicator: Json, path: string, errs: ErrorList): number | undefined {
  const weight = readNumber(indicator, 'weight', path, errs, { required: true, min: 0 });
  const method = indicator['method'];
  if (typeof method !== 'string' || !METHOD.test(method)) {
    errs.add(at(path, 'method'), 'must be SELF_REPORT, DATA:<KEY> or RATE:<KEY> (KEY in UPPER_SNAKE_CASE)');
  }
  if (indicator['children'] !== undefined) errs.add(at(path, 'children'), 'a level-3 indicator has no children');
  if (method === 'SELF_REPORT' && weight !== undefined && !isMultipleOf(weight, SELF_REPORT_STEP)) {
    errs.add(at(path, 'weight'), `must be a multiple of ${SELF_REPORT_STEP}, the SELF_REPORT scoring step`);
  }
  return weight === undefined ? undefined : toTicks(weight);
}

function checkBranch(indicator: Json, path: string, level: 1 | 2, codes: Map<string, string>, errs: ErrorList): number | undefined {
  const weight = readNumber(indicator, 'weight', path, errs, { min: 0 });
  if (indicator['method'] !== undefined) errs.add(at(path, 'method'), 'only level-3 indicators have a method');
  const children = readArray(indicator, 'children', path, errs);
  if (!children) return undefined;
  const next = (level + 1) as 2 | 3;
  const sums = children.map((child, i) => checkIndicator(child, at(at(path, 'children'), i), next, codes, errs));
  if (sums.some((s) => s === undefined)) return undefined;
  const sum = sums.reduce<number>((total, s) => total + (s ?? 0), 0);
  if (weight !== undefined && sum !== toTicks(weight)) {
    errs.add(at(path, 'weight'), `must equal the sum of the level-3 weights below it (${fromTicks(sum)})`);
  }
  return sum;
}
