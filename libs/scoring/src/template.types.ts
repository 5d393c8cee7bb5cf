// The shapes of imported templates. Field names mirror the JSON files in shared/domain exactly,
// so a validated file is used as-is (no mapping layer that could drift from the data).

export const FORMULAS = ['DEDUCT_FROM_100', 'LEGALITY_PLUS_NORMATIVITY', 'WEIGHTED_SUM', 'PASS_FAIL'] as const;
export type Formula = (typeof FORMULAS)[number];

/** Formulas a rubric (sections of point items) may name. */
export const RUBRIC_FORMULAS = ['DEDUCT_FROM_100', 'LEGALITY_PLUS_NORMATIVITY', 'PASS_FAIL'] as const;
export type RubricFormula = (typeof RUBRIC_FORMULAS)[number];

/** Formulas a checklist (weighted CHECK items) may name. */
export const CHECKLIST_FORMULAS = ['WEIGHTED_SUM', 'PASS_FAIL'] as const;
export type ChecklistFormula = (typeof CHECKLIST_FORMULAS)[number];

export const GRADES = ['EXCELLENT', 'GOOD', 'PASS', 'FAIL'] as const;
export type Grade = (typeof GRADES)[number];

export interface GradeBand {
  readonly grade: Grade;
  /** Display text (zh-CN), e.g. 优秀. */
  readonly label: string;
  /** A score gets the first band, ordered from best, whose `min` it reaches. */
  readonly min: number;
}

export const CASE_TYPES = [
  'PENALTY',
  'PENALTY_SIMPLE',
  'NO_PENALTY',
  'LICENSING',
  'COERCION',
  'INSPECTION',
  'LEVY',
  'CONFIRMATION',
  'ADJUDICATION',
  'BENEFIT',
  'RECONSIDERATION',
] as const;
export type CaseType = (typeof CASE_TYPES)[number];

export const SECTION_KINDS = ['VETO', 'BASIC_DEDUCTION', 'POINTS'] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];

export const ITEM_KINDS = ['VETO', 'DEDUCT', 'EARN', 'BONUS', 'CHECK'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];
export type RubricItemKind = Exclude<ItemKind, 'CHECK'>;
export type PointItemKind = Exclude<RubricItemKind, 'VETO'>;

export interface RubricItem {
  readonly code: string;
  readonly title: string;
  readonly kind: RubricItemKind;
  /** Aspect used to categorise findings; sub-items inherit their parent's. */
  readonly group?: string;
  /** Absent on VETO items. */
  readonly maxPoints?: number;
  /** Smallest unit a reviewer may deduct or award; required on items without children. */
  readonly step?: number;
  /** The reviewer may mark the item not applicable; it then leaves the denominator. */
  readonly mayNotApply?: boolean;
  readonly legalBasis?: string;
  readonly guidance?: string;
  /** Sub-items; their maxPoints add up to the parent's. Answers are given on the leaves. */
  readonly children?: readonly RubricItem[];
}

export interface RubricSection {
  readonly code: string;
  readonly title: string;
  readonly kind: SectionKind;
  /** Cap on the section's deductions (and bonus) where the section has one. */
  readonly maxPoints?: number;
  readonly items: readonly RubricItem[];
}

/** A case-file rubric (评查标准). (`code`, `version`) is unique. */
export interface RubricTemplate {
  readonly code: string;
  readonly version: string;
  readonly name: string;
  readonly issuer: string;
  readonly documentNo: string;
  readonly caseTypes: readonly CaseType[];
  readonly formula: RubricFormula;
  readonly gradeBands: readonly GradeBand[];
  readonly sections: readonly RubricSection[];
}

export const CHECK_RESULTS = ['PASS', 'PARTIAL', 'FAIL', 'NOT_APPLICABLE'] as const;
export type CheckResult = (typeof CHECK_RESULTS)[number];

/** Credit factor of each result; NOT_APPLICABLE is null because it leaves the denominator. */
export interface CheckResultFactors {
  readonly PASS: number;
  readonly PARTIAL: number;
  readonly FAIL: number;
  readonly NOT_APPLICABLE: null;
}

export const ENFORCEMENT_SYSTEMS = ['DISCLOSURE', 'RECORDING', 'LEGAL_REVIEW'] as const;
export type EnforcementSystem = (typeof ENFORCEMENT_SYSTEMS)[number];

export interface ChecklistItem {
  readonly code: string;
  readonly system: EnforcementSystem;
  /** BEFORE, DURING, AFTER, PROCESS, ARCHIVE, STAFF… kept as data. */
  readonly phase?: string;
  readonly title: string;
  readonly kind: 'CHECK';
  readonly weight: number;
  readonly mayNotApply?: boolean;
  /** Key of the automatic screen that pre-fills the result, e.g. TWO_CERTIFIED_OFFICERS. */
  readonly auto?: string;
  readonly legalBasis?: string;
  readonly guidance?: string;
}

/** The three-systems checklist (三项制度检查表). */
export interface ChecklistTemplate {
  readonly code: string;
  readonly version: string;
  readonly name: string;
  readonly basis?: readonly string[];
  readonly formula: ChecklistFormula;
  readonly results: CheckResultFactors;
  readonly gradeBands: readonly GradeBand[];
  readonly items: readonly ChecklistItem[];
}

/** What `evaluate` scores. */
export type ScoringTemplate = RubricTemplate | ChecklistTemplate;

export function isChecklistTemplate(template: ScoringTemplate): template is ChecklistTemplate {
  return 'items' in template;
}

/** `SELF_REPORT`, `DATA:<KEY>` (computed from ducha's data) or `RATE:<KEY>` (reported ratio). */
export type IndicatorMethod = 'SELF_REPORT' | `DATA:${string}` | `RATE:${string}`;

export interface Indicator {
  readonly code: string;
  readonly level: 1 | 2 | 3;
  readonly title: string;
  /** Points; required on level 3 (0 = monitored, not scored), optional above (then the sum below). */
  readonly weight?: number;
  /** Level 3 only. */
  readonly method?: IndicatorMethod;
  /** Levels 1 and 2 only. */
  readonly children?: readonly Indicator[];
}

/** An annual assessment indicator framework (指标体系). */
export interface IndicatorFramework {
  readonly code: string;
  readonly version: string;
  readonly name: string;
  readonly note?: string;
  readonly formula: 'WEIGHTED_SUM';
  readonly methods?: Readonly<Record<string, string>>;
  readonly gradeBands: readonly GradeBand[];
  readonly indicators: readonly Indicator[];
}
