import type { ItemAnswer } from './answer.types.js';
import { clampRatio, type Ratio, ratio } from './decimal.js';
import type { Finding, FindingSeverity, ItemResult, SectionResult } from './result.types.js';
import { type AnswerSlots, indexRubric, type RubricIndex, type RubricNode, toUnits } from './rubric-index.js';
import type { RubricFormula, RubricSection, RubricTemplate } from './template.types.js';

// Figures are kept in integer units (points × index.scale) so sums are exact; the formula then
// combines them as exact fractions (see decimal.ts for why).
//
// Hot path (bulk re-scoring): each subtree adds into one mutable accumulator and results are plain
// literals. Fresh tally objects per node and object spread cost several times more on Node 20
// (measured with bench/evaluate.ts), so both are avoided here on purpose.

/** Running sums of a subtree or section, in units. */
interface Tally {
  /** Σ maxPoints of applicable DEDUCT / EARN leaves. */
  maxU: number;
  earnedU: number;
  lostU: number;
  bonusU: number;
  /** Some leaf below applies. */
  applicable: boolean;
  /** Every applicable leaf below is answered. */
  complete: boolean;
}

const emptyTally = (): Tally => ({ maxU: 0, earnedU: 0, lostU: 0, bonusU: 0, applicable: false, complete: true });

export interface SectionTally extends Readonly<Tally> {
  readonly section: RubricSection;
}

/** What one pass over a sheet collects; `evaluate` turns it into an Evaluation. */
export interface RubricSheet {
  readonly index: RubricIndex;
  readonly slots: AnswerSlots;
  readonly sections: SectionTally[];
  readonly items: ItemResult[];
  readonly findings: Finding[];
  readonly unanswered: string[];
  readonly vetoHits: string[];
}

/** Walks the rubric once over answers already checked and laid out by `checkRubricAnswers`. */
export function tallyRubric(template: RubricTemplate, slots: AnswerSlots): RubricSheet {
  const index = indexRubric(template);
  const sheet: RubricSheet = { index, slots, sections: [], items: [], findings: [], unanswered: [], vetoHits: [] };
  template.sections.forEach((section, i) => {
    const sum = emptyTally();
    for (const node of index.sectionRoots[i] ?? []) tallyNode(node, true, sheet, sum);
    // Deductions stop at the section's cap (扣完为止); so does a bonus.
    const cap = section.maxPoints === undefined ? Infinity : toUnits(section.maxPoints, index.scale);
    const { maxU, earnedU, applicable, complete } = sum;
    const lostU = Math.min(sum.lostU, cap);
    sheet.sections.push({ maxU, earnedU, lostU, bonusU: Math.min(sum.bonusU, cap), applicable, complete, section });
  });
  return sheet;
}

function tallyNode(node: RubricNode, parentApplicable: boolean, sheet: RubricSheet, into: Tally): void {
  const answer = sheet.slots[node.ordinal];
  if (node.item.kind === 'VETO') return tallyVeto(node, answer, sheet);
  const applicable = parentApplicable && answer?.notApplicable !== true;
  if (node.children.length) tallyParent(node, answer, applicable, sheet, into);
  else tallyLeaf(node, answer, applicable, sheet, into);
}

function tallyVeto(node: RubricNode, answer: ItemAnswer | undefined, sheet: RubricSheet): void {
  const hit = answer?.hit === true;
  sheet.items.push(itemResult(node, answer, true, answer?.hit !== undefined, 0, 0, hit));
  if (hit) {
    sheet.vetoHits.push(node.item.code);
    sheet.findings.push(toFinding(node, 0, 'MAJOR', answer));
  }
}

// DEDUCT: points are the deduction. EARN: points are earned (no answer earns 0). BONUS: points are
// added on top and stay out of the maximum, so a bonus never dilutes the normativity share.
function tallyLeaf(node: RubricNode, answer: ItemAnswer | undefined, applicable: boolean, sheet: RubricSheet, into: Tally): void {
  const { scale } = sheet.index;
  const kind = node.item.kind;
  const points = applicable ? answer?.points : undefined;
  const answered = points !== undefined || answer?.notApplicable === true;
  const units = points === undefined ? 0 : toUnits(points, scale);
  const maxU = applicable && kind !== 'BONUS' ? node.maxUnits : 0;
  const lostU = !applicable ? 0 : kind === 'DEDUCT' ? units : kind === 'EARN' ? maxU - units : 0;
  const keptU = !applicable ? 0 : kind === 'DEDUCT' ? maxU - units : units;
  sheet.items.push(itemResult(node, answer, applicable, answered, keptU / scale, lostU / scale));
  if (!applicable) return;
  into.maxU += maxU;
  if (kind === 'BONUS') into.bonusU += units;
  else into.earnedU += keptU;
  into.lostU += lostU;
  into.applicable = true;
  into.complete &&= answered;
  if (!answered && kind === 'EARN') sheet.unanswered.push(node.item.code);
  if (points !== undefined && lostU > 0) sheet.findings.push(toFinding(node, lostU / scale, 'GENERAL', answer));
}

function tallyParent(node: RubricNode, answer: ItemAnswer | undefined, applicable: boolean, sheet: RubricSheet, into: Tally): void {
  // Reserve the parent's slot first so `items` stays in template order, parents before sub-items.
  const slot = sheet.items.length;
  sheet.items.push(RESERVED);
  const own = emptyTally();
  for (const child of node.children) tallyNode(child, applicable, sheet, own);
  const { scale } = sheet.index;
  const answered = answer?.notApplicable === true || own.complete;
  const earned = (own.earnedU + own.bonusU) / scale;
  sheet.items[slot] = itemResult(node, answer, applicable && own.applicable, answered, earned, own.lostU / scale);
  into.maxU += own.maxU;
  into.earnedU += own.earnedU;
  into.lostU += own.lostU;
  into.bonusU += own.bonusU;
  into.applicable ||= own.applicable;
  into.complete &&= own.complete;
}

/** Stands in a parent's slot of `items` until its sub-items are tallied; never returned. */
const RESERVED: ItemResult = {
  code: '',
  kind: 'EARN',
  leaf: false,
  maxPoints: 0,
  applicable: false,
  answered: false,
  earned: 0,
  lost: 0,
};

function itemResult(
  node: RubricNode,
  answer: ItemAnswer | undefined,
  applicable: boolean,
  answered: boolean,
  earned: number,
  lost: number,
  hit?: boolean,
): ItemResult {
  return {
    code: node.item.code,
    kind: node.item.kind,
    sectionCode: node.section.code,
    parentCode: node.parent?.item.code,
    leaf: node.children.length === 0,
    maxPoints: node.item.maxPoints ?? 0,
    applicable,
    answered,
    earned,
    lost,
    hit,
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

const ZERO = ratio(0);
const HUNDRED = ratio(100);

/** The exact score in [0, 100] before rounding, ignoring vetoes (the caller zeroes those). */
export function exactRubricScore(formula: RubricFormula, sheet: RubricSheet): Ratio {
  const { sections, index } = sheet;
  const scale = BigInt(index.scale);
  // Bonus minus deductions, in units: the part every formula adds to its base.
  const adjust = BigInt(sumOf(sections, (s) => s.bonusU) - deductedUnits(formula, sections));
  let score: Ratio;
  switch (formula) {
    case 'LEGALITY_PLUS_NORMATIVITY': {
      // 50 for passing legality + 50 × earned ÷ applicable maximum − basic-element deductions, as one
      // fraction over max × scale (built directly: this runs once per sheet, gcd would only cost time).
      const points = sections.filter((s) => s.section.kind === 'POINTS');
      const max = BigInt(sumOf(points, (s) => s.maxU));
      const earned = BigInt(sumOf(points, (s) => s.earnedU));
      score = ratio(50n * max * scale + 50n * earned * scale + adjust * max, max * scale);
      break;
    }
    case 'DEDUCT_FROM_100':
      score = ratio(100n * scale + adjust, scale);
      break;
    case 'PASS_FAIL':
      // Passes only if no applicable item lost anything (an unanswered EARN item loses its maximum).
      score = sections.some((s) => s.lostU > 0) ? ZERO : HUNDRED;
      break;
    default:
      return assertNever(formula);
  }
  return clampRatio(score, ZERO, HUNDRED);
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
