import { legalReviewWithinTimeLimit } from './legal-review-within-time-limit.js';
import { aCase, aContext } from './screen-fixtures.js';

describe('legalReviewWithinTimeLimit', () => {
  const ctx = aContext();
  const review = (submitted: string, finished: string, extended = false) =>
    legalReviewWithinTimeLimit(
      aCase({
        legalReviewSubmittedDate: submitted,
        legalReviewFinishedDate: finished,
        legalReviewPassed: true,
        legalReviewExtended: extended,
      }),
      ctx,
    );

  it('should count working days across National Day 2025: 7 is in time, 8 is late', () => {
    // Submitted Fri 26 Sep: the 7th working day is Mon 13 Oct (28 Sep and 11 Oct are make-up days).
    expect(review('2025-09-26', '2025-10-13')).toEqual({ applies: true, pass: true });
    expect(review('2025-09-26', '2025-10-14')).toEqual({
      applies: true,
      pass: false,
      reason: '法制审核用时 8 个工作日，超过 7 个工作日时限',
    });
  });

  it('should allow 10 working days with an approved extension', () => {
    expect(review('2025-09-26', '2025-10-16', true)).toEqual({ applies: true, pass: true });
    expect(review('2025-09-26', '2025-10-16')).toMatchObject({ pass: false, reason: '法制审核用时 10 个工作日，超过 7 个工作日时限' });
    expect(review('2025-09-26', '2025-10-17', true)).toMatchObject({
      pass: false,
      reason: '法制审核用时 11 个工作日，超过 10 个工作日时限（含经批准延长的 3 个工作日）',
    });
  });

  it('should not apply without both dates', () => {
    expect(legalReviewWithinTimeLimit(aCase(), ctx)).toEqual({ applies: false });
  });
});
