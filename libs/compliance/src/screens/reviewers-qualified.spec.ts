import { reviewersQualified } from './reviewers-qualified.js';
import { aContext, anOfficer } from './screen-fixtures.js';

describe('reviewersQualified', () => {
  it('should name each legal reviewer without the legal-profession qualification', () => {
    const officers = [
      anOfficer({ certificateNo: 'R1', name: '王审核', legalReviewer: true, legalQualification: true }),
      anOfficer({ certificateNo: 'R2', name: '赵审核', legalReviewer: true, legalQualification: false }),
      anOfficer({ certificateNo: 'A1', legalReviewer: false }),
    ];
    expect(reviewersQualified(officers, aContext())).toEqual({
      passed: 1,
      total: 2,
      failures: [{ subject: 'R2', reason: '法制审核人员 赵审核（证号 R2）无法律职业资格' }],
    });
  });
});
