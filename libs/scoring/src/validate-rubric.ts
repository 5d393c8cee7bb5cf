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
  readBoolean,
  readEnum,
  readNumber,
  readString,
  toTicks,
} from './template-checks.js';
import { CASE_TYPES, RUBRIC_FORMULAS, type RubricItemKind, SECTION_KINDS, type SectionKind } from './template.types.js';

const KINDS_BY_SECTION: Record<SectionKind, readonly RubricItemKind[]> = {
  VETO: ['VETO'],
  BASIC_DEDUCTION: ['DEDUCT'],
  POINTS: ['DEDUCT', 'EARN', 'BONUS'],
};

interface RubricContext {
  readonly errs: ErrorList;
  /** Item codes are unique across the whole rubric: answers are keyed by them. */
  readonly itemCodes: Map<string, string>;
}

/** Records every problem of a rubric document (a JSON object with `sections`). */
export function checkRubric(root: Json, errs: ErrorList): void {
  for (const key of ['code', 'version', 'name', 'issuer', 'documentNo']) readString(root, key, '', errs);
  checkCaseTypes(root, errs);
  if (root['formula'] === 'WEIGHTED_SUM') {
    errs.add('formula', 'WEIGHTED_SUM scores a checklist of weighted items; a rubric with sections uses ' + RUBRIC_FORMULAS.join(', '));
  } else {
    readEnum(root, 'formula', RUBRIC_FORMULAS, '', errs);
  }
  checkGradeBands(root, errs);
  const sections = readArray(root, 'sections', '', errs);
  if (!sections) return;
  const ctx: RubricContext = { errs, itemCodes: new Map() };
  const sectionCodes = new Map<string, string>();
  sections.forEach((section, i) => checkSection(section, at('sections', i), sectionCodes, ctx));
  if (root['formula'] === 'LEGALITY_PLUS_NORMATIVITY' && !sections.some(isScoredPointsSection)) {
    errs.add(
      'sections',
      'LEGALITY_PLUS_NORMATIVITY needs a POINTS section with DEDUCT or EARN items ' + '(their maxPoints form the normativity denominator)',
    );
  }
}

function checkCaseTypes(root: Json, errs: ErrorList): void {
  const caseTypes = readArray(root, 'caseTypes', '', errs);
  caseTypes?.forEach((caseType, i) => {
    if (!(CASE_TYPES as readonly unknown[]).includes(caseType)) {
      errs.add(at('caseTypes', i), `must be one of ${CASE_TYPES.join(', ')}`);
    } else if (caseTypes.indexOf(caseType) !== i) {
      errs.add(at('caseTypes', i), `duplicate case type ${String(caseType)}`);
    }
  });
}

function isScoredPointsSection(section: unknown): boolean {
  return (
    isRecord(section) &&
    section['kind'] === 'POINTS' &&
    Array.isArray(section['items']) &&
    section['items'].some((item) => isRecord(item) && (item['kind'] === 'DEDUCT' || item['kind'] === 'EARN'))
  );
}

function checkSection(section: unknown, path: string, sectionCodes: Map<string, string>, ctx: RubricContext): void {
  const { errs } = ctx;
  if (!isRecord(section)) return errs.add(path, 'must be an object');
  checkUniqueCode(readString(section, 'code', path, errs), path, sectionCodes, errs);
  readString(section, 'title', path, errs);
  const kind = readEnum(section, 'kind', SECTION_KINDS, path, errs);
  const maxPoints = readNumber(section, 'maxPoints', path, errs, { positive: true });
  if (kind === 'VETO' && section['maxPoints'] !== undefined) {
    errs.add(at(path, 'maxPoints'), 'a VETO section has no points: any hit zeroes the score');
  }
  const items = readArray(section, 'items', path, errs);
  if (!items || !kind) return;
  let earnTicks = 0;
  items.forEach((item, i) => {
    const ticks = checkItem(item, at(at(path, 'items'), i), KINDS_BY_SECTION[kind], ctx);
    if (isRecord(item) && item['kind'] === 'EARN') earnTicks += ticks ?? 0;
  });
  // Deductions may add up past a section's cap (deduct until nothing is left), earned points may not.
  if (maxPoints !== undefined && earnTicks > toTicks(maxPoints)) {
    errs.add(at(path, 'items'), `EARN items' maxPoints add up to ${fromTicks(earnTicks)}, ` + `above the section's maxPoints ${maxPoints}`);
  }
}

/** Returns the item's maxPoints in ticks, or undefined when it could not be read. */
function checkItem(item: unknown, path: string, allowed: readonly RubricItemKind[], ctx: RubricContext): number | undefined {
  const { errs } = ctx;
  if (!isRecord(item)) return void errs.add(path, 'must be an object');
  checkUniqueCode(readString(item, 'code', path, errs), path, ctx.itemCodes, errs);
  readString(item, 'title', path, errs);
  for (const key of ['group', 'legalBasis', 'guidance']) readString(item, key, path, errs, false);
  const kind = readKind(item, path, allowed, errs);
  if (kind === 'VETO') return checkVetoItem(item, path, errs);
  readBoolean(item, 'mayNotApply', path, errs);
  return kind ? checkPointItem(item, path, kind, ctx) : undefined;
}

function readKind(item: Json, path: string, allowed: readonly RubricItemKind[], errs: ErrorList): RubricItemKind | undefined {
  if (allowed.length === 1 && item['kind'] !== allowed[0] && typeof item['kind'] === 'string') {
    errs.add(at(path, 'kind'), `must be ${allowed[0]} (the kind of its section or parent item)`);
    return undefined;
  }
  return readEnum(item, 'kind', allowed, path, errs);
}

function checkVetoItem(item: Json, path: string, errs: ErrorList): number {
  for (const key of ['maxPoints', 'step', 'children', 'mayNotApply']) {
    if (item[key] !== undefined) errs.add(at(path, key), `a VETO item takes no ${key}: any hit zeroes the score`);
  }
  return 0;
}

function checkPointItem(item: Json, path: string, kind: RubricItemKind, ctx: RubricContext): number | undefined {
  const { errs } = ctx;
  const maxPoints = readNumber(item, 'maxPoints', path, errs, { required: true, positive: true });
  const children = readArray(item, 'children', path, errs, false);
  const step = readNumber(item, 'step', path, errs, { required: !children, positive: true });
  if (maxPoints !== undefined && step !== undefined) {
    if (step > maxPoints) errs.add(at(path, 'step'), `must not exceed maxPoints ${maxPoints}`);
    else if (!isMultipleOf(maxPoints, step)) {
      errs.add(at(path, 'step'), `must divide maxPoints ${maxPoints} into whole steps`);
    }
  }
  if (children) checkChildren(children, path, maxPoints, kind, ctx);
  return maxPoints === undefined ? undefined : toTicks(maxPoints);
}

function checkChildren(children: unknown[], path: string, maxPoints: number | undefined, kind: RubricItemKind, ctx: RubricContext): void {
  const ticks = children.map((child, i) => checkItem(child, at(at(path, 'children'), i), [kind], ctx));
  // Only compare the sum when every sub-item's maxPoints could be read; otherwise the sub-item's
  // own error is the useful one.
  if (maxPoints === undefined || ticks.some((t) => t === undefined)) return;
  const sum = ticks.reduce<number>((total, t) => total + (t ?? 0), 0);
  if (sum !== toTicks(maxPoints)) {
    ctx.errs.add(at(path, 'children'), `sub-items' maxPoints add up to ${fromTicks(sum)}, ` + `but the item's maxPoints is ${maxPoints}`);
  }
}
