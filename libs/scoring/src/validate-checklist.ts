import {
  at,
  checkGradeBands,
  checkUniqueCode,
  ErrorList,
  isRecord,
  type Json,
  readArray,
  readBoolean,
  readEnum,
  readNumber,
  readString,
} from './template-checks.js';
import { CHECK_RESULTS, CHECKLIST_FORMULAS, ENFORCEMENT_SYSTEMS } from './template.types.js';

const SCREEN_KEY = /^[A-Z][A-Z0-9_]*$/;

/** Records every problem of a checklist document (a JSON object with `items`). */
export function checkChecklist(root: Json, errs: ErrorList): void {
  for (const key of ['code', 'version', 'name']) readString(root, key, '', errs);
  const basis = readArray(root, 'basis', '', errs, false);
  basis?.forEach((entry, i) => {
    if (typeof entry !== 'string' || entry.trim() === '') errs.add(at('basis', i), 'must be a non-empty string');
  });
  readEnum(root, 'formula', CHECKLIST_FORMULAS, '', errs);
  checkResultFactors(root, errs);
  checkGradeBands(root, errs);
  const items = readArray(root, 'items', '', errs);
  const codes = new Map<string, string>();
  items?.forEach((item, i) => checkCheckItem(item, at('items', i), codes, errs));
}

function checkResultFactors(root: Json, errs: ErrorList): void {
  const results = root['results'];
  if (!isRecord(results)) return errs.add('results', 'must be an object mapping PASS, PARTIAL, FAIL to a factor');
  for (const key of Object.keys(results)) {
    if (!(CHECK_RESULTS as readonly string[]).includes(key)) {
      errs.add(at('results', key), `unknown result; results are ${CHECK_RESULTS.join(', ')}`);
    }
  }
  const factors = (['PASS', 'PARTIAL', 'FAIL'] as const).map((key) =>
    readNumber(results, key, 'results', errs, { required: true, min: 0, max: 1 }),
  );
  if (results['NOT_APPLICABLE'] !== null) {
    errs.add('results.NOT_APPLICABLE', 'must be null: a not-applicable item leaves the denominator');
  }
  const [pass, partial, fail] = factors;
  if (pass !== undefined && partial !== undefined && fail !== undefined && !(pass >= partial && partial >= fail)) {
    errs.add('results', 'factors must not rise from PASS to PARTIAL to FAIL');
  }
}

function checkCheckItem(item: unknown, path: string, codes: Map<string, string>, errs: ErrorList): void {
  if (!isRecord(item)) return errs.add(path, 'must be an object');
  checkUniqueCode(readString(item, 'code', path, errs), path, codes, errs);
  readString(item, 'title', path, errs);
  readEnum(item, 'system', ENFORCEMENT_SYSTEMS, path, errs);
  readEnum(item, 'kind', ['CHECK'], path, errs);
  for (const key of ['phase', 'legalBasis', 'guidance']) readString(item, key, path, errs, false);
  readNumber(item, 'weight', path, errs, { required: true, positive: true });
  readBoolean(item, 'mayNotApply', path, errs);
  const auto = readString(item, 'auto', path, errs, false);
  if (auto !== undefined && !SCREEN_KEY.test(auto)) {
    errs.add(at(path, 'auto'), 'must be a screen key in UPPER_SNAKE_CASE, e.g. TWO_CERTIFIED_OFFICERS');
  }
}
