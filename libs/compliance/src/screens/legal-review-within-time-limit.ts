import { failed, NOT_CONCERNED, PASSED, type CaseScreen } from './screen.types.js';

export const REVIEW_LIMIT_WORKING_DAYS = 7;
export const REVIEW_EXTENSION_WORKING_DAYS = 3;

/** LEGAL_REVIEW_WITHIN_TIME_LIMIT: finished ≤ 7 working days after submission (≤ 10 with an approved extension). */
export const legalReviewWithinTimeLimit: CaseScreen = (c, ctx) => {
  if (!c.legalReviewSubmittedDate || !c.legalReviewFinishedDate) return NOT_CONCERNED;
  if (c.legalReviewFinishedDate < c.legalReviewSubmittedDate) {
    return failed(`法制审核完成日期（${c.legalReviewFinishedDate}）早于送审日期（${c.legalReviewSubmittedDate}），日期有误`);
  }
  const limit = REVIEW_LIMIT_WORKING_DAYS + (c.legalReviewExtended ? REVIEW_EXTENSION_WORKING_DAYS : 0);
  const days = ctx.calendar.workingDaysBetween(c.legalReviewSubmittedDate, c.legalReviewFinishedDate);
  if (days <= limit) return PASSED;
  const extension = c.legalReviewExtended ? `（含经批准延长的 ${REVIEW_EXTENSION_WORKING_DAYS} 个工作日）` : '';
  return failed(`法制审核用时 ${days} 个工作日，超过 ${limit} 个工作日时限${extension}`);
};
