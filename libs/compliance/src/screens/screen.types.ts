import type { WorkingDayCalendar } from '@ducha/calendar';

/** What the screens need of one case file (mapped from `case_file` rows by the case reader). */
export interface ScreenCase {
  id: string;
  fileNo: string;
  departmentId: string;
  caseType: string;
  decisionDate: string | null;
  disclosedDate: string | null;
  legalReviewSubmittedDate: string | null;
  legalReviewFinishedDate: string | null;
  /** null: no legal review on record. */
  legalReviewPassed: boolean | null;
  /** An approved extension of the review time limit (+3 working days). */
  legalReviewExtended: boolean;
  major: boolean;
  hearingHeld: boolean;
  /** The listed on-site action taken (SEIZURE, DEMOLITION, DETENTION_TRANSFER), or null. */
  onSiteCoercion: string | null;
  avRecorded: boolean;
  avFiled: boolean;
  officerCertificateNos: readonly string[];
  /** PERSON or ORGANISATION. */
  partyKind: string | null;
  fineFen: number;
  penaltyKinds: readonly string[];
  closedDate: string | null;
}

/** What the screens need of one registered officer. */
export interface ScreenOfficer {
  certificateNo: string;
  name: string;
  unitId: string;
  validFrom: string;
  validTo: string;
  legalQualification: boolean;
  legalReviewer: boolean;
}

export interface ScreenContext {
  calendar: WorkingDayCalendar;
  /** Officers by certificate number. */
  officers: ReadonlyMap<string, ScreenOfficer>;
  /** The day the screen runs: an undisclosed decision is late only once its deadline has passed. */
  asOf: string;
}

/** A rule's answer for one case (or one officer): not concerned, passed, or failed with a reason in plain Chinese. */
export type ScreenVerdict = { applies: false } | { applies: true; pass: true } | { applies: true; pass: false; reason: string };

export const NOT_CONCERNED: ScreenVerdict = { applies: false };
export const PASSED: ScreenVerdict = { applies: true, pass: true };
export const failed = (reason: string): ScreenVerdict => ({ applies: true, pass: false, reason });

export type CaseScreen = (c: ScreenCase, ctx: ScreenContext) => ScreenVerdict;

/** A department-level screen over the department's officer registry. */
export interface DepartmentScreenResult {
  passed: number;
  total: number;
  /** Failing subjects with reasons. */
  failures: { subject: string; reason: string }[];
  /** Set when the rule is a single ratio rather than a per-subject count. */
  forcedResult?: 'PASS' | 'FAIL';
}
export type DepartmentScreen = (officers: readonly ScreenOfficer[], ctx: ScreenContext) => DepartmentScreenResult;
