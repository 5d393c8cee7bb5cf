import type { Answers, ItemAnswer } from './answer.types.js';
import { isMultipleOf } from './decimal.js';
import { type AnswerSlots, excludedBy, indexRubric, type RubricIndex, type RubricNode, toUnits } from './rubric-index.js';
import type { ScoringIssue } from './scoring.error.js';
import { isRecord, type Json } from './template-checks.js';
import { CHECK_RESULTS, type ChecklistTemplate, isChecklistTemplate, type RubricTemplate, type ScoringTemplate } from './template.types.js';

/** Notes longer than this are refused: they are printed on notices and bulletins. */
export const MAX_NOTE_LENGTH = 2000;

const NOUN = { DEDUCT: 'deduction', EARN: 'earned points', BONUS: 'bonus' } as const;

/**
 * Every problem with a sheet's answers, without throwing; `evaluate` throws a ScoringError carrying
 * exactly these. An empty list means `evaluate` will score the sheet.
 */
export function validateAnswers(template: ScoringTemplate, answers: Answers): ScoringIssue[] {
  if (!isRecord(answers)) return [issue('', '', 'answers must be an object keyed by item code')];
  return isChecklistTemplate(template) ? checklistIssues(template, answers) : checkRubricAnswers(template, answers).issues;
}

export interface RubricAnswerCheck {
  readonly issues: ScoringIssue[];
  /** The answers by node ordinal: once checked, scoring reads this array instead of the object. */
  readonly slots: AnswerSlots;
}

function issue(itemCode: string, field: string, reason: string): ScoringIssue {
  return { itemCode, field, reason };
}

/** Checks a rubric sheet and lays its answers out by node ordinal in one pass over the object. */
export function checkRubricAnswers(template: RubricTemplate, answers: Answers): RubricAnswerCheck {
  const index = indexRubric(template);
  const issues: ScoringIssue[] = [];
  const slots: (ItemAnswer | undefined)[] = new Array<ItemAnswer | undefined>(index.nodes.length).fill(undefined);
  const pointsGiven: RubricNode[] = [];
  // for…in rather than Object.entries: no pair arrays per answer (this runs for every sheet scored).
  // Answers are plain JSON objects, so for…in sees only their own keys.
  for (const code in answers) {
    const answer: unknown = answers[code];
    if (answer === undefined) continue;
    const node = index.byCode.get(code);
    if (!node) issues.push(issue(code, 'itemCode', `no item ${code} in rubric ${template.code} ${template.version}`));
    else if (!isRecord(answer)) issues.push(issue(code, '', 'must be an object'));
    else if (checkRubricAnswer(node, answer, index, issues)) pointsGiven.push(node);
    if (node && isRecord(answer)) slots[node.ordinal] = answer as ItemAnswer;
  }
  // Only now are all not-applicable marks known, whatever order the answers came in.
  for (const node of pointsGiven) {
    const excluder = excludedBy(node, slots);
    if (excluder) issues.push(issue(node.item.code, 'points', `${excluder} is marked not applicable, which excludes this sub-item`));
  }
  if (template.formula === 'LEGALITY_PLUS_NORMATIVITY' && !issues.length && !anyScoredItemApplies(index, slots)) {
    issues.push(
      issue(
        '',
        'notApplicable',
        'every DEDUCT and EARN item of the POINTS sections is marked not applicable; at least one must ' +
          'apply, since the normativity share is earned ÷ applicable maximum',
      ),
    );
  }
  return { issues, slots };
}

const VETO_FIELDS = ['hit', 'note'] as const;
const PARENT_FIELDS = ['notApplicable', 'note'] as const;
const LEAF_FIELDS = ['points', 'notApplicable', 'note'] as const;

function allowedFields(node: RubricNode): readonly string[] {
  if (node.item.kind === 'VETO') return VETO_FIELDS;
  return node.children.length ? PARENT_FIELDS : LEAF_FIELDS;
}

/** Records the answer's problems; true when it carries legal points (to check against ancestors later). */
function checkRubricAnswer(node: RubricNode, answer: Json, index: RubricIndex, out: ScoringIssue[]): boolean {
  const { code, kind } = node.item;
  const allowed = allowedFields(node);
  for (const field in answer) {
    if (!allowed.includes(field)) out.push(issue(code, field, unknownFieldReason(node, field, allowed)));
  }
  checkNote(code, answer['note'], out);
  if (kind === 'VETO') {
    if (answer['hit'] !== undefined && typeof answer['hit'] !== 'boolean') {
      out.push(issue(code, 'hit', 'must be true or false'));
    }
    return false;
  }
  const notApplicable = answer['notApplicable'];
  if (notApplicable !== undefined && typeof notApplicable !== 'boolean') {
    out.push(issue(code, 'notApplicable', 'must be true or false'));
  } else if (notApplicable === true && !node.item.mayNotApply) {
    out.push(issue(code, 'notApplicable', `${code} may not be marked not applicable: the rubric requires it`));
  }
  const points = answer['points'];
  if (points === undefined || node.children.length) return false;
  const pointsIssue = checkPoints(node, points, notApplicable === true, index.scale);
  if (pointsIssue) out.push(issue(code, 'points', pointsIssue));
  return !pointsIssue;
}

function unknownFieldReason(node: RubricNode, field: string, allowed: readonly string[]): string {
  if (field === 'points' && node.children.length) {
    const codes = node.children.map((c) => c.item.code).join(', ');
    return `${node.item.code} has sub-items (${codes}): give points on them; its points are their sum`;
  }
  return `a ${node.item.kind} item does not take ${field}; it takes ${allowed.join(', ')}`;
}

function checkPoints(node: RubricNode, points: unknown, notApplicable: boolean, scale: number): string | undefined {
  const kind = node.item.kind as keyof typeof NOUN;
  const { maxPoints = 0, step = 1 } = node.item;
  if (typeof points !== 'number' || !Number.isFinite(points)) return 'must be a number';
  if (notApplicable) return 'cannot be given with notApplicable: true (an item either applies and scores, or not)';
  if (points < 0) return `must not be negative (${NOUN[kind]} ${points})`;
  if (!isMultipleOf(points, step)) return `${NOUN[kind]} ${points} is not a multiple of the item's step ${step}`;
  if (toUnits(points, scale) > node.maxUnits) return `${NOUN[kind]} ${points} is above the item's maximum ${maxPoints}`;
  return undefined;
}

function checkNote(code: string, note: unknown, out: ScoringIssue[]): void {
  if (note === undefined) return;
  if (typeof note !== 'string') out.push(issue(code, 'note', 'must be a string'));
  else if (note.length > MAX_NOTE_LENGTH) out.push(issue(code, 'note', `must be at most ${MAX_NOTE_LENGTH} characters`));
}

function anyScoredItemApplies(index: RubricIndex, slots: AnswerSlots): boolean {
  const applies = (node: RubricNode): boolean =>
    slots[node.ordinal]?.notApplicable !== true && (node.children.length === 0 || node.children.some(applies));
  return index.sectionRoots.some((roots) =>
    roots.some((node) => node.section.kind === 'POINTS' && node.item.kind !== 'BONUS' && applies(node)),
  );
}

function checklistIssues(template: ChecklistTemplate, answers: Json): ScoringIssue[] {
  const items = new Map(template.items.map((item) => [item.code, item]));
  const issues: ScoringIssue[] = [];
  for (const [code, answer] of Object.entries(answers)) {
    if (answer === undefined) continue;
    const item = items.get(code);
    if (!item) {
      issues.push(issue(code, 'itemCode', `no item ${code} in checklist ${template.code} ${template.version}`));
      continue;
    }
    if (!isRecord(answer)) {
      issues.push(issue(code, '', 'must be an object'));
      continue;
    }
    for (const field of Object.keys(answer)) {
      if (field !== 'result' && field !== 'note') issues.push(issue(code, field, 'a CHECK item takes result, note'));
    }
    checkNote(code, answer['note'], issues);
    const result = answer['result'];
    if (!(CHECK_RESULTS as readonly unknown[]).includes(result)) {
      const why = result === undefined ? 'is required' : `${String(result)} is not a result`;
      issues.push(issue(code, 'result', `${why}; give one of ${CHECK_RESULTS.join(', ')}`));
    } else if (result === 'NOT_APPLICABLE' && !item.mayNotApply) {
      issues.push(issue(code, 'result', `NOT_APPLICABLE is not allowed: ${code} applies to every department`));
    }
  }
  if (template.formula === 'WEIGHTED_SUM' && !issues.length && template.items.every((item) => isExcluded(answers[item.code]))) {
    issues.push(issue('', 'result', 'every item is NOT_APPLICABLE; at least one must apply to compute a share'));
  }
  return issues;
}

function isExcluded(answer: unknown): boolean {
  return isRecord(answer) && answer['result'] === 'NOT_APPLICABLE';
}
