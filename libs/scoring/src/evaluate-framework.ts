import type { IndicatorAnswers } from './answer.types.js';
import { addRatio, decimalToRatio, divRatio, mulRatio, type Ratio, ratio, ratioToNumber, roundRatio } from './decimal.js';
import { validateFrameworkAnswers } from './framework-answers.js';
import { gradeFor } from './grade.js';
import type { FrameworkEvaluation, IndicatorResult, Level1Subtotal } from './result.types.js';
import { ScoringError } from './scoring.error.js';
import type { Indicator, IndicatorFramework } from './template.types.js';

interface Sum {
  readonly earned: Ratio;
  /** Σ weight of applicable level-3 indicators. */
  readonly weight: Ratio;
}

const ZERO: Sum = { earned: ratio(0), weight: ratio(0) };
const addSum = (a: Sum, b: Sum): Sum => ({
  earned: addRatio(a.earned, b.earned),
  weight: addRatio(a.weight, b.weight),
});

interface Walk {
  readonly answers: IndicatorAnswers;
  readonly results: IndicatorResult[];
  readonly unanswered: string[];
}

/**
 * Scores one department against an indicator framework that passed `validateFramework`.
 * Level-3 indicators earn the inspector's score (SELF_REPORT) or rate × weight (DATA / RATE; weight
 * 0 = monitored, not scored). Indicators not applicable to the department leave the total, which
 * is rescaled to 100: total = 100 × Σ earned ÷ Σ weight of applicable indicators, rounded half up
 * to two decimals from the exact value. Pure.
 *
 * @throws ScoringError with every issue `validateFrameworkAnswers` reports.
 */
export function evaluateFramework(framework: IndicatorFramework, answers: IndicatorAnswers): FrameworkEvaluation {
  const issues = validateFrameworkAnswers(framework, answers);
  if (issues.length) throw new ScoringError(issues);
  const walk: Walk = { answers, results: [], unanswered: [] };
  const level1 = framework.indicators.map((indicator) => ({ indicator, sum: walkIndicator(indicator, true, walk) }));
  const total = level1.reduce((acc, { sum }) => addSum(acc, sum), ZERO);
  const toHundred = divRatio(ratio(100), total.weight);
  const exact = mulRatio(total.earned, toHundred);
  const rounded = roundRatio(exact, 2);
  const band = gradeFor(framework.gradeBands, rounded);
  return {
    frameworkCode: framework.code,
    frameworkVersion: framework.version,
    total: rounded,
    rawTotal: ratioToNumber(exact),
    grade: band.grade,
    gradeLabel: band.label,
    applicableWeight: ratioToNumber(total.weight),
    earned: ratioToNumber(total.earned),
    level1: level1.map(({ indicator, sum }) => toSubtotal(indicator, sum, toHundred)),
    indicators: walk.results,
    unanswered: walk.unanswered,
  };
}

function walkIndicator(indicator: Indicator, parentApplicable: boolean, walk: Walk, parentCode?: string): Sum {
  const answer = walk.answers[indicator.code];
  const applicable = parentApplicable && answer?.notApplicable !== true;
  const slot = walk.results.length;
  // Reserve the slot so results stay in framework order, parents before children.
  walk.results.length = slot + 1;
  const sum = indicator.children
    ? indicator.children.map((child) => walkIndicator(child, applicable, walk, indicator.code)).reduce(addSum, ZERO)
    : leafSum(indicator, applicable, walk);
  walk.results[slot] = {
    code: indicator.code,
    level: indicator.level,
    title: indicator.title,
    parentCode,
    method: indicator.method,
    weight: nominalWeight(indicator),
    applicable,
    answered: answer?.notApplicable === true || answer?.score !== undefined || answer?.rate !== undefined,
    earned: ratioToNumber(sum.earned),
    score: answer?.score,
    rate: answer?.rate,
    note: answer?.note,
  };
  return sum;
}

function leafSum(indicator: Indicator, applicable: boolean, walk: Walk): Sum {
  if (!applicable) return ZERO;
  const answer = walk.answers[indicator.code];
  const weight = decimalToRatio(indicator.weight ?? 0);
  // An unanswered indicator earns nothing rather than being skipped: missing evidence is not full marks.
  if (answer?.score === undefined && answer?.rate === undefined) walk.unanswered.push(indicator.code);
  const earned =
    indicator.method === 'SELF_REPORT' ? decimalToRatio(answer?.score ?? 0) : mulRatio(decimalToRatio(answer?.rate ?? 0), weight);
  return { earned, weight };
}

function toSubtotal(indicator: Indicator, sum: Sum, toHundred: Ratio): Level1Subtotal {
  return {
    code: indicator.code,
    title: indicator.title,
    weight: nominalWeight(indicator),
    applicableWeight: ratioToNumber(sum.weight),
    earned: ratioToNumber(sum.earned),
    scaled: ratioToNumber(mulRatio(sum.earned, toHundred)),
  };
}

/** The indicator's stated weight, else the sum of the weights below it, applicable or not. */
function nominalWeight(indicator: Indicator): number {
  return indicator.weight ?? (indicator.children ?? []).reduce((sum, child) => sum + nominalWeight(child), 0);
}
