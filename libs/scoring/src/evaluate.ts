import type { Answers } from './answer.types.js';
import { type Ratio, ratio, ratioToNumber, roundRatio } from './decimal.js';
import { exactChecklistScore, tallyChecklist } from './evaluate-checklist.js';
import { deductedUnits, exactRubricScore, tallyRubric, toSectionResult } from './evaluate-rubric.js';
import { failBand, gradeFor } from './grade.js';
import type { Evaluation } from './result.types.js';
import type { AnswerSlots } from './rubric-index.js';
import { ScoringError, type ScoringIssue } from './scoring.error.js';
import { isRecord } from './template-checks.js';
import { type ChecklistTemplate, isChecklistTemplate, type RubricTemplate, type ScoringTemplate } from './template.types.js';
import { checkRubricAnswers, validateAnswers } from './validate-answers.js';

/**
 * Scores one sheet against a template that passed `validateTemplate`. Pure: reads its arguments,
 * changes nothing, same answers → same result.
 *
 * - DEDUCT_FROM_100: 100 − Σ deductions (each section's capped at its maxPoints) + bonus.
 * - LEGALITY_PLUS_NORMATIVITY: 50 + 50 × Σ earned ÷ Σ max of the applicable items of the POINTS
 *   sections − Σ BASIC_DEDUCTION deductions + bonus.
 * - WEIGHTED_SUM (checklist): 100 × Σ weight × factor ÷ Σ weight of applicable items.
 * - PASS_FAIL: 100 when no veto is hit and every applicable item is answered without loss (a
 *   checklist: every applicable result is PASS), else 0.
 * The score is clamped to [0, 100]; any veto hit makes it 0 with the lowest (FAIL) grade. Only the
 * final score is rounded (half up, two decimals, from the exact value).
 *
 * @throws ScoringError with every issue `validateAnswers` reports.
 */
export function evaluate(template: ScoringTemplate, answers: Answers): Evaluation {
  if (isChecklistTemplate(template)) {
    throwIfAny(validateAnswers(template, answers));
    return evaluateChecklist(template, answers);
  }
  if (!isRecord(answers)) throwIfAny(validateAnswers(template, answers));
  // One pass checks the answers and lays them out by item, so scoring never reads the object again.
  const { issues, slots } = checkRubricAnswers(template, answers);
  throwIfAny(issues);
  return evaluateRubric(template, slots);
}

function throwIfAny(issues: readonly ScoringIssue[]): void {
  if (issues.length) throw new ScoringError(issues);
}

function evaluateRubric(template: RubricTemplate, slots: AnswerSlots): Evaluation {
  const sheet = tallyRubric(template, slots);
  const { scale } = sheet.index;
  const vetoed = sheet.vetoHits.length > 0;
  const exact = vetoed ? ratio(0) : exactRubricScore(template.formula, sheet);
  const points = sheet.sections.filter((s) => s.section.kind === 'POINTS');
  return toEvaluation(template, exact, vetoed, {
    vetoHits: sheet.vetoHits,
    maxApplicable: points.reduce((total, s) => total + s.maxU, 0) / scale,
    earned: points.reduce((total, s) => total + s.earnedU, 0) / scale,
    deducted: deductedUnits(template.formula, sheet.sections) / scale,
    bonus: sheet.sections.reduce((total, s) => total + s.bonusU, 0) / scale,
    items: sheet.items,
    sections: sheet.sections.map((s) => toSectionResult(s, scale)),
    findings: sheet.findings,
    unanswered: sheet.unanswered,
  });
}

function evaluateChecklist(template: ChecklistTemplate, answers: Answers): Evaluation {
  const sheet = tallyChecklist(template, answers);
  return toEvaluation(template, exactChecklistScore(template, sheet), false, {
    vetoHits: [],
    maxApplicable: sheet.weightU / sheet.scale,
    earned: sheet.creditU2 / sheet.scale / sheet.scale,
    deducted: 0,
    bonus: 0,
    items: sheet.items,
    sections: [],
    findings: sheet.findings,
    unanswered: sheet.unanswered,
  });
}

type Details = Omit<Evaluation, 'templateCode' | 'templateVersion' | 'formula' | 'score' | 'rawScore' | 'grade' | 'gradeLabel'>;

// Assembled field by field rather than with object spread: this runs once per sheet in bulk
// re-scoring, and spread measured far slower on Node 20 (see bench/evaluate.ts).
function toEvaluation(template: ScoringTemplate, exact: Ratio, vetoed: boolean, details: Details): Evaluation {
  const score = roundRatio(exact, 2);
  const band = vetoed ? failBand(template.gradeBands) : gradeFor(template.gradeBands, score);
  return {
    templateCode: template.code,
    templateVersion: template.version,
    formula: template.formula,
    score,
    rawScore: ratioToNumber(exact),
    grade: band.grade,
    gradeLabel: band.label,
    vetoHits: details.vetoHits,
    maxApplicable: details.maxApplicable,
    earned: details.earned,
    deducted: details.deducted,
    bonus: details.bonus,
    items: details.items,
    sections: details.sections,
    findings: details.findings,
    unanswered: details.unanswered,
  };
}
