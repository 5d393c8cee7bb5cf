import type { CheckResult, Formula, Grade, IndicatorMethod, ItemKind, SectionKind } from './template.types.js';

/** MAJOR for a veto hit, GENERAL for everything else. */
export type FindingSeverity = 'MAJOR' | 'GENERAL';

/** One problem a score sheet or check found: the seed of a rectification task. */
export interface Finding {
  readonly itemCode: string;
  /** The item's own text; `parentTitle` gives the document or aspect a sub-item belongs to. */
  readonly title: string;
  readonly parentTitle?: string;
  /** The item's group, inherited from its nearest ancestor, else the section title; a checklist's system. */
  readonly group: string;
  readonly sectionCode?: string;
  readonly kind: ItemKind;
  /**
   * Points the item lost: a deduction, or max − earned, or (checklist) weight × (1 − factor).
   * 0 for a veto hit: a veto carries no points, it zeroes the whole score (see `severity`).
   */
  readonly pointsLost: number;
  readonly severity: FindingSeverity;
  readonly result?: CheckResult;
  /** The reviewer's note. */
  readonly note?: string;
}

/** The outcome of one item (parents included: their figures are the sums of their applicable sub-items). */
export interface ItemResult {
  readonly code: string;
  readonly kind: ItemKind;
  readonly sectionCode?: string;
  readonly parentCode?: string;
  readonly leaf: boolean;
  /** maxPoints (rubric) or weight (checklist); 0 for a veto item. */
  readonly maxPoints: number;
  /** False when the item, or an ancestor, is not applicable. */
  readonly applicable: boolean;
  readonly answered: boolean;
  /** Points the item keeps: max − deduction, earned, bonus, weight × factor. 0 when not applicable. */
  readonly earned: number;
  /** Points the item loses: deduction, max − earned, weight × (1 − factor). 0 when not applicable. */
  readonly lost: number;
  readonly hit?: boolean;
  readonly result?: CheckResult;
  readonly note?: string;
}

export interface SectionResult {
  readonly code: string;
  readonly kind: SectionKind;
  /** Σ maxPoints of the applicable DEDUCT / EARN items. */
  readonly maxApplicable: number;
  readonly earned: number;
  /** Σ lost, capped at the section's maxPoints where it has one. */
  readonly lost: number;
  /** Σ bonus, capped at the section's maxPoints where it has one. */
  readonly bonus: number;
}

/** What `evaluate` returns. Figures other than `score` keep full precision. */
export interface Evaluation {
  readonly templateCode: string;
  readonly templateVersion: string;
  readonly formula: Formula;
  /** Final score in [0, 100], rounded half up to two decimals from the exact value. */
  readonly score: number;
  /** The unrounded score (0 on a veto hit); `score` is rounded from its exact value. */
  readonly rawScore: number;
  /** The grade of the first band the rounded score reaches; the last (FAIL) band on a veto hit. */
  readonly grade: Grade;
  readonly gradeLabel: string;
  /** Codes of the veto items hit. */
  readonly vetoHits: readonly string[];
  /** Rubric: Σ max of applicable DEDUCT/EARN items of POINTS sections (the LEGALITY_PLUS_NORMATIVITY
   *  denominator). Checklist: Σ weight of applicable items. */
  readonly maxApplicable: number;
  /** Rubric: Σ earned over those items. Checklist: Σ weight × factor. */
  readonly earned: number;
  /** Points subtracted from the score: BASIC_DEDUCTION sections' (LEGALITY_PLUS_NORMATIVITY) or all
   *  sections' (DEDUCT_FROM_100) capped losses; 0 otherwise. */
  readonly deducted: number;
  readonly bonus: number;
  /** In template order, parents before their sub-items. */
  readonly items: readonly ItemResult[];
  /** Empty for checklists. */
  readonly sections: readonly SectionResult[];
  readonly findings: readonly Finding[];
  /** Applicable EARN and CHECK items with no answer: a sheet should not be finalised while any remain. */
  readonly unanswered: readonly string[];
}

export interface IndicatorResult {
  readonly code: string;
  readonly level: 1 | 2 | 3;
  readonly title: string;
  readonly parentCode?: string;
  readonly method?: IndicatorMethod;
  readonly weight: number;
  readonly applicable: boolean;
  readonly answered: boolean;
  /** Points earned before rescaling; for levels 1 and 2 the sum below. */
  readonly earned: number;
  readonly score?: number;
  readonly rate?: number;
  readonly note?: string;
}

export interface Level1Subtotal {
  readonly code: string;
  readonly title: string;
  readonly weight: number;
  /** Σ weight of its applicable level-3 indicators. */
  readonly applicableWeight: number;
  readonly earned: number;
  /** `earned` rescaled like the total (× 100 ÷ the framework's applicable weight); these add up to `rawTotal`. */
  readonly scaled: number;
}

export interface FrameworkEvaluation {
  readonly frameworkCode: string;
  readonly frameworkVersion: string;
  /** 100 × Σ earned ÷ Σ weight of applicable indicators, rounded half up to two decimals. */
  readonly total: number;
  readonly rawTotal: number;
  readonly grade: Grade;
  readonly gradeLabel: string;
  readonly applicableWeight: number;
  readonly earned: number;
  readonly level1: readonly Level1Subtotal[];
  /** All levels, in framework order, parents first. */
  readonly indicators: readonly IndicatorResult[];
  readonly unanswered: readonly string[];
}
