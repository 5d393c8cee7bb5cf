// Test-only helpers (Node): load the demo templates shipped in src/fixtures and build answer sheets.
// Jest runs from the repository root, so paths are resolved from process.cwd().
import { readFileSync } from 'node:fs';
import path from 'node:path';

import {
  type Answers,
  type ChecklistTemplate,
  type IndicatorFramework,
  type ItemAnswer,
  type RubricItem,
  type RubricTemplate,
  validateFramework,
  validateTemplate,
} from '../src/index.js';

export const FIXTURES_DIR = path.resolve(process.cwd(), 'libs/scoring/src/fixtures');
/** The shared domain folder a checkout has beside the repository (absent on some CI clones). */
export const SHARED_DOMAIN_DIR = path.resolve(process.cwd(), '../shared/domain');

/** Fixture file → its original under shared/domain. */
export const FIXTURE_ORIGINS = {
  'mee-penalty-general-2024.json': 'rubrics/mee-penalty-general-2024.json',
  'example-licensing-deduct100.json': 'rubrics/example-licensing-deduct100.json',
  'three-systems-checklist.json': 'checklists/three-systems-checklist.json',
  'demo-county-framework-2026.json': 'indicators/demo-county-framework-2026.json',
} as const;

export function readFixture(file: keyof typeof FIXTURE_ORIGINS): unknown {
  return JSON.parse(readFileSync(path.join(FIXTURES_DIR, file), 'utf8')) as unknown;
}

function validTemplate(file: keyof typeof FIXTURE_ORIGINS) {
  const result = validateTemplate(readFixture(file));
  if (!result.ok) throw new Error(`${file} is invalid: ${JSON.stringify(result.errors)}`);
  return result.template;
}

export const loadMee = (): RubricTemplate => validTemplate('mee-penalty-general-2024.json') as RubricTemplate;
export const loadLicensing = (): RubricTemplate => validTemplate('example-licensing-deduct100.json') as RubricTemplate;
export const loadChecklist = (): ChecklistTemplate => validTemplate('three-systems-checklist.json') as ChecklistTemplate;

export function loadFramework(): IndicatorFramework {
  const result = validateFramework(readFixture('demo-county-framework-2026.json'));
  if (!result.ok) throw new Error(`framework is invalid: ${JSON.stringify(result.errors)}`);
  return result.template;
}

/** Every item of a rubric, parents before their sub-items. */
export function allItems(template: RubricTemplate): RubricItem[] {
  const out: RubricItem[] = [];
  const visit = (item: RubricItem): void => {
    out.push(item);
    item.children?.forEach(visit);
  };
  template.sections.forEach((section) => section.items.forEach(visit));
  return out;
}

export function findItem(template: RubricTemplate, code: string): RubricItem {
  const item = allItems(template).find((candidate) => candidate.code === code);
  if (!item) throw new Error(`no item ${code}`);
  return item;
}

/** The item and everything below it. */
export function subtreeOf(item: RubricItem): RubricItem[] {
  return [item, ...(item.children ?? []).flatMap(subtreeOf)];
}

/** Codes of the items above `code`, nearest first. */
export function ancestorCodes(template: RubricTemplate, code: string): string[] {
  const path: string[] = [];
  const find = (item: RubricItem): boolean => {
    if (item.code === code) return true;
    const found = (item.children ?? []).some(find);
    if (found) path.push(item.code);
    return found;
  };
  template.sections.some((section) => section.items.some(find));
  return path;
}

/** Leaves of `code`'s subtree (the item itself when it has no children). */
export function leavesOf(item: RubricItem): RubricItem[] {
  return item.children ? item.children.flatMap(leavesOf) : [item];
}

/** A sheet where every EARN leaf earns its maximum, then `overrides` on top. */
export function fullMarks(template: RubricTemplate, overrides: Record<string, ItemAnswer> = {}): Answers {
  const answers: Record<string, ItemAnswer> = {};
  for (const item of allItems(template)) {
    if (item.kind === 'EARN' && !item.children) answers[item.code] = { points: item.maxPoints };
  }
  return { ...answers, ...overrides };
}

/** The README's MEE worked example: no hearing, no enforcement stage. */
export function meeWorkedExample(template: RubricTemplate): Answers {
  const sheet = fullMarks(template, {
    // 6.5 points lost across D02, D06 and D11.
    'D02.4': { points: 2, note: '未记录违法行为持续时间' },
    'D06.3': { points: 0.5, note: '证据链缺少监测报告与现场照片的对应说明' },
    'D11.2': { points: 0, note: '决定书未列明证据' },
    // Basic-element deductions, 2.5 in all.
    'B1.3': { points: 1, note: '缺统一社会信用代码' },
    'B2.4': { points: 1.5, note: '笔录无出示执法证件记录' },
  });
  const notApplicable = Object.fromEntries(['D09', 'D10', 'D12', 'D13'].map((code) => [code, { notApplicable: true }]));
  // Drop the full-mark answers of the items that do not apply to this file.
  const applicable = Object.fromEntries(Object.entries(sheet).filter(([code]) => !(code in notApplicable)));
  return { ...applicable, ...notApplicable };
}
