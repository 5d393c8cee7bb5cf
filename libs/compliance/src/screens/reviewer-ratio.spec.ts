import { reviewerRatio } from './reviewer-ratio.js';
import { aContext, anOfficer } from './screen-fixtures.js';

describe('reviewerRatio', () => {
  const officers = (n: number, reviewers: number) =>
    Array.from({ length: n }, (_, i) => anOfficer({ certificateNo: `C${i}`, legalReviewer: i < reviewers }));

  it('should pass 1 reviewer among 20 certified officers (exactly 5%)', () => {
    expect(reviewerRatio(officers(20, 1), aContext())).toMatchObject({ forcedResult: 'PASS', failures: [] });
  });

  it('should fail 1 reviewer among 21, saying the ratio', () => {
    expect(reviewerRatio(officers(21, 1), aContext())).toMatchObject({
      forcedResult: 'FAIL',
      failures: [{ reason: '法制审核人员 1 名，占持证执法人员 21 名的 4.8%，低于 5%' }],
    });
  });

  it('should count only certificates valid on the screening day', () => {
    const list = [...officers(20, 1), anOfficer({ certificateNo: 'OLD', validTo: '2024-12-31' })];
    expect(reviewerRatio(list, aContext(undefined, '2026-03-01'))).toMatchObject({ forcedResult: 'PASS' });
  });
});
