import type { IndicatorAnswers } from './answer.types.js';
import { isMultipleOf } from './decimal.js';
import type { ScoringIssue } from './scoring.error.js';
import { isRecord, type Json } from './template-checks.js';
import type { Indicator, IndicatorFramework } from './template.types.js';
import { MAX_NOTE_LENGTH } from './validate-answers.js';
import { SELF_REPORT_STEP } from './validate-framework.js';

interface IndicatorNode {
  readonly indicator: Indicator;
  readonly parent?: IndicatorNode;
}

const cache = new WeakMap<IndicatorFramework, ReadonlyMap<string, IndicatorNode>>();

function indexFramework(framework: IndicatorFramework): ReadonlyMap<string, IndicatorNode> {
  let index = cache.get(framework);
  if (!index) {
    const nodes = new Map<string, IndicatorNode>();
    const visit = (indicator: Indicator, parent?: IndicatorNode): void => {
      const node = { indicator, parent };
      nodes.set(indicator.code, node);
      indicator.children?.forEach((child) => visit(child, node));
    };
    framework.indicators.forEach((indicator) => visit(indicator));
    index = nodes;
    cache.set(framework, index);
  }
  return index;
}

/** A field and the reason it is refused. */
type Problem = readonly [field: string, reason: string];

function isMarkedNotApplicable(code: string, answers: Json): boolean {
  const answer = answers[code];
  return isRecord(answer) && answer['notApplicable'] === true;
}

/**
 * Every problem with a department's indicator answers, without throwing; `evaluateFramework`
 * throws a ScoringError carrying exactly these.
 */
export function validateFrameworkAnswers(framework: IndicatorFramework, answers: IndicatorAnswers): ScoringIssue[] {
  if (!isRecord(answers)) return [{ itemCode: '', field: '', reason: 'answers must be an object keyed by indicator code' }];
  const index = indexFramework(framework);
  const issues: ScoringIssue[] = [];
  for (const [code, answer] of Object.entries(answers)) {
    if (answer === undefined) continue;
    const node = index.get(code);
    const problems: readonly Problem[] = !node
      ? [['itemCode', `no indicator ${code} in framework ${framework.code} ${framework.version}`]]
      : isRecord(answer)
        ? answerProblems(node, answer, answers)
        : [['', 'must be an object']];
    for (const [field, reason] of problems) issues.push({ itemCode: code, field, reason });
  }
  if (!issues.length && !anyWeightApplies(framework.indicators, answers)) {
    issues.push({
      itemCode: '',
      field: 'notApplicable',
      reason: 'every weighted indicator is marked not applicable; ' + 'at least one must apply to compute a total',
    });
  }
  return issues;
}

function answerProblems(node: IndicatorNode, answer: Json, answers: Json): Problem[] {
  const { indicator } = node;
  const valueField = indicator.level !== 3 ? undefined : indicator.method === 'SELF_REPORT' ? 'score' : 'rate';
  const allowed = valueField ? [valueField, 'notApplicable', 'note'] : ['notApplicable', 'note'];
  const kind = indicator.method ?? `level-${indicator.level}`;
  const problems: Problem[] = Object.keys(answer)
    .filter((field) => !allowed.includes(field))
    .map((field) => [field, `a ${kind} indicator does not take ${field}; it takes ${allowed.join(', ')}`]);
  const notApplicable = answer['notApplicable'];
  if (notApplicable !== undefined && typeof notApplicable !== 'boolean') problems.push(['notApplicable', 'must be true or false']);
  const note = answer['note'];
  if (note !== undefined && (typeof note !== 'string' || note.length > MAX_NOTE_LENGTH)) {
    problems.push(['note', `must be a string of at most ${MAX_NOTE_LENGTH} characters`]);
  }
  const value = valueField ? answer[valueField] : undefined;
  if (valueField && value !== undefined) {
    const problem = valueProblem(indicator, valueField, value, notApplicable === true, answers, node);
    if (problem) problems.push([valueField, problem]);
  }
  return problems;
}

function valueProblem(
  indicator: Indicator,
  field: string,
  value: unknown,
  notApplicable: boolean,
  answers: Json,
  node: IndicatorNode,
): string | undefined {
  const weight = indicator.weight ?? 0;
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a number';
  if (notApplicable) return 'cannot be given with notApplicable: true';
  for (let up = node.parent; up; up = up.parent) {
    if (isMarkedNotApplicable(up.indicator.code, answers)) return `${up.indicator.code} is marked not applicable`;
  }
  if (field === 'rate') return value < 0 || value > 1 ? `rate ${value} must be between 0 and 1` : undefined;
  if (value < 0) return `must not be negative (score ${value})`;
  if (!isMultipleOf(value, SELF_REPORT_STEP)) return `score ${value} is not a multiple of ${SELF_REPORT_STEP}`;
  if (value > weight) return `score ${value} is above the indicator's weight ${weight}`;
  return undefined;
}

function anyWeightApplies(indicators: readonly Indicator[], answers: Json): boolean {
  return indicators.some(
    (indicator) =>
      !isMarkedNotApplicable(indicator.code, answers) &&
      (indicator.children ? anyWeightApplies(indicator.children, answers) : (indicator.weight ?? 0) > 0),
  );
}
