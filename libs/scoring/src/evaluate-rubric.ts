import type { Answers, ItemAnswer } from './answer.types.js';
import { addRatio, clampRatio, type Ratio, ratio } from './decimal.js';
import type { Finding, FindingSeverity, ItemResult, SectionResult } from './result.types.js';
import { indexRubric, type RubricIndex, type RubricNode, toUnits } from './rubric-index.js';
import type { RubricFormula, RubricSection, RubricTemplate } from './template.types.js';

// Figures are kept in integer units (points × index.scale) so sums are exact; the formula then
// combines them as exact fractions (see decimal.ts for why).

interface Tally {
  /** Σ maxPoints of applicable DEDUCT / EARN leaves. */
  readonly maxU: number;
  readonly earnedU: number;
  readonly lostU: number;
  readonly bonusU: number;
  readonly applicable: boolean;
  /** Every applicable leaf below is answered. */
  readonly complete: boolean;
}

const NONE: Tally = { maxU: 0, earnedU: 0, lostU: 0, bonusU: 0, applicable: false, complete: true };

function addTally(a: Tally, b: Tally): Tally {
  return {
    maxU: a.maxU + b.maxU,
    earnedU: a.earnedU + b.earnedU,
    lostU: a.lostU + b.lostU,
    bonusU: a.bonusU + b.bonusU,
    applicable: a.applicable || b.applicable,
    complete: a.complete && (b.complete || !b.applicable),
  };
}

export interface SectionTally extends Tally {
  readonly section: RubricSection;
}

/** What one pass over a sheet collects; `evaluate` turns it into an Evaluation. */
export interface RubricSheet {
  readonly index: RubricIndex;
  readonly sections: readonly SectionTally[];
  readonly items: ItemResult[];
  readonly findings: Finding[];
  readonly unanswered: string[];
  readonly vetoHits: string[];
}

/** Walks the rubric once over already validated answers. */
export function tallyRubric(template: RubricTemplate, answers: Answers): RubricSheet {
  const index = indexRubric(template);
  const sheet: RubricSheet = { index, sections: [], items: [], findings: [], unanswered: [], vetoHits: [] };
  const sections = template.sections.map((section, i) => {
    const sum = (index.sectionRoots[i] ?? []).map((node) => tallyNode(node, true, answers, sheet)).reduce(addTally, NONE);
    // Deductions stop at the section's cap (扣完为止); so does a bonus.
    const cap = section.maxPoints === undefined ? Infinity : toUnits(section.maxPoints, index.scale);
    return { ...sum, lostU: Math.min(sum.lostU, cap), bonusU: Math.min(sum.bonusU, cap), section };
  });
  return { ...sheet, sections };
}

function tallyNode(node: RubricNode, parentApplicable: boolean, answers: Answers, sheet: RubricSheet): Tally {
  const answer = answers[node.item.code];
  if (node.item.kind === 'VETO') return tallyVeto(node, answer, sheet);
  const applicable = parentApplicable && answer?.notApplicable !== true;
  return node.children.length
    ? tallyParent(node, answer, applicable, answers, sheet)
    : tallyLeaf(node, answer, applicable, sheet);
}

function tallyVeto(node: RubricNode, answer: ItemAnswer | undefined, sheet: RubricSheet): Tally {
  const hit = answer?.hit === true;
  sheet.items.push({
    ...describe(node, answer),
    applicable: true,
    answered: answer?.hit !== undefined,
    earned: 0,
    lost: 0,
    hit,
  });
  if (hit) {
    sheet.vetoHits.push(node.item.code);
    sheet.findings.push(toFinding(node, 0, 'MAJOR', answer));
  }
  return NONE;
}

function tallyLeaf(node: RubricNode, answer: ItemAnswer | undefined, applicable: boolean, sheet: RubricSheet): Tally {
  const { scale } = sheet.index;
  const points = applicable ? answer?.points : undefined;
  const answered = points !== undefined || answer?.notApplicable === true;
  const units = toUnits(points ?? 0, scale);
  const kind = node.item.kind;
  const tally = applicable ? leafTally(kind, node.maxUnits, units, answered) : NONE;
  sheet.items.push({
    ...describe(node, answer),
    applicable,
    answered,
    earned: (tally.earnedU + tally.bonusU) / scale,
    lost: tally.lostU / scale,
  });
  if (applicable && !answered && kind === 'EARN') sheet.unanswered.push(node.item.code);
  if (applicable && points !== undefined && tally.lostU > 0) {
    sheet.findings.push(toFinding(node, tally.lostU / scale, 'GENERAL', answer));
  }
  return tally;
}

// DEDUCT: points are the deduction. EARN: points are earned (no answer earns 0). BONUS: points are
// added on top and stay out of the maximum, so a bonus never dilutes the normativity share.
function leafTally(kind: RubricNode['item']['kind'], maxU: number, units: number, complete: boolean): Tally {
  const base = { maxU, earnedU: 0, lostU: 0, bonusU: 0, applicable: true, complete };
  if (kind === 'DEDUCT') return { ...base, earnedU: maxU - units, lostU: units };
  if (kind === 'EARN') return { ...base, earnedU: units, lostU: maxU - units };
  return { ...base, maxU: 0, bonusU: units };
}

function tallyParent(
  node: RubricNode,
  answer: ItemAnswer | undefined,
  applicable: boolean,
  answers: Answers,
  sheet: RubricSheet,
): Tally {
  // Reserve the parent's slot first so `items` stays in template order, parents before sub-items.
  const slot = sheet.items.length;
  sheet.items.push(undefined as never);
  const sum = node.children.map((child) => tallyNode(child, applicable, answers, sheet)).reduce(addTally, NONE);
  const tally = { ...sum, applicable: applicable && sum.applicable };
  sheet.items[slot] = {
    ...describe(node, answer),
    applicable: tally.applicable,
    answered: answer?.notApplicable === true || tally.complete,
    earned: (tally.earnedU + tally.bonusU) / sheet.index.scale,
    lost: tally.lostU / sheet.index.scale,
  };
  return tally;
}

function describe(node: RubricNode, answer: ItemAnswer | undefined) {
  return {
    code: node.item.code,
    kind: node.item.kind,
    sectionCode: node.section.code,
    parentCode: node.parent?.item.code,
    leaf: node.children.length === 0,
    maxPoints: node.item.maxPoints ?? 0,
    note: answer?.note,
  };
}

function toFinding(node: RubricNode, pointsLost: number, severity: FindingSeverity, answer?: ItemAnswer): Finding {
  return {
    itemCode: node.item.code,
    title: node.item.title,
    parentTitle: node.parent?.item.title,
    group: node.group,
    sectionCode: node.section.code,
    kind: node.item.kind,
    pointsLost,
    severity,
    note: answer?.note,
  };
}

const sumOf = (sections: readonly SectionTally[], pick: (s: SectionTally) => number): number =>
  sections.reduce((total, s) => total + pick(s), 0);

/** Units the formula subtracts from the score (see Evaluation.deducted). */
export function deductedUnits(formula: RubricFormula, sections: readonly SectionTally[]): number {
  if (formula === 'DEDUCT_FROM_100') return sumOf(sections, (s) => s.lostU);
  if (formula === 'LEGALITY_PLUS_NORMATIVITY') return sumOf(sections, (s) => (s.section.kind === 'BASIC_DEDUCTION' ? s.lostU : 0));
  return 0;
}

/** The exact score in [0, 100] before rounding, ignoring vetoes (the caller zeroes those). */
export function exactRubricScore(formula: RubricFormula, sheet: RubricSheet): Ratio {
  const { sections, index } = sheet;
  const points = sections.filter((s) => s.section.kind === 'POINTS');
  const bonusMinusDeducted = ratio(sumOf(sections, (s) => s.bonusU) - deductedUnits(formula, sections), index.scale);
  let score: Ratio;
  switch (formula) {
    case 'LEGALITY_PLUS_NORMATIVITY': {
      // 50 for passing legality + 50 × earned ÷ applicable maximum − basic-element deductions.
      const share = ratio(50 * sumOf(points, (s) => s.earnedU), sumOf(points, (s) => s.maxU));
      score = addRatio(addRatio(ratio(50), share), bonusMinusDeducted);
      break;
    }
    case 'DEDUCT_FROM_100':
      score = addRatio(ratio(100), bonusMinusDeducted);
      break;
    case 'PASS_FAIL':
      // Passes only if no applicable item lost anything (an unanswered EARN item loses its maximum).
      score = sections.some((s) => s.lostU > 0) ? ratio(0) : ratio(100);
      break;
    default:
      return assertNever(formula);
  }
  return clampRatio(score, ratio(0), ratio(100));
}

function assertNever(value: never): never {
  throw new Error(`unknown formula ${String(value)}`);
}

export function toSectionResult(s: SectionTally, scale: number): SectionResult {
  return {
    code: s.section.code,
    kind: s.section.kind,
    maxApplicable: s.maxU / scale,
    earned: s.earnedU / scale,
    lost: s.lostU / scale,
    bonus: s.bonusU / scale,
  };
}
