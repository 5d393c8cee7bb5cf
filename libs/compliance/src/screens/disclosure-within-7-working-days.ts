import { disclosedWithin, SEVEN_DAY_TYPES } from './disclosure.js';
import { NOT_CONCERNED, type CaseScreen } from './screen.types.js';

/** DISCLOSURE_WITHIN_7_WORKING_DAYS: licensing and penalty decisions published ≤ 7 working days after the decision. */
export const disclosureWithin7WorkingDays: CaseScreen = (c, ctx) =>
  SEVEN_DAY_TYPES.has(c.caseType) ? disclosedWithin(c, ctx, 7) : NOT_CONCERNED;
