import { disclosedWithin, isOtherDecision } from './disclosure.js';
import { NOT_CONCERNED, type CaseScreen } from './screen.types.js';

/** DISCLOSURE_WITHIN_20_WORKING_DAYS: other decisions published ≤ 20 working days after the decision. */
export const disclosureWithin20WorkingDays: CaseScreen = (c, ctx) =>
  isOtherDecision(c.caseType) ? disclosedWithin(c, ctx, 20) : NOT_CONCERNED;
