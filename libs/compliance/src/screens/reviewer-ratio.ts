import type { DepartmentScreen } from './screen.types.js';

export const MIN_REVIEWER_RATIO = 0.05;

/** REVIEWER_RATIO: legal reviewers ≥ 5% of the department's officers holding a valid certificate today. */
export const reviewerRatio: DepartmentScreen = (officers, ctx) => {
  const certified = officers.filter((o) => o.validFrom <= ctx.asOf && ctx.asOf <= o.validTo);
  const reviewers = certified.filter((o) => o.legalReviewer).length;
  const total = certified.length;
  if (total === 0) return { passed: 0, total: 0, failures: [] };
  const ok = reviewers >= MIN_REVIEWER_RATIO * total;
  const percent = ((100 * reviewers) / total).toFixed(1);
  return {
    passed: ok ? 1 : 0,
    total: 1,
    forcedResult: ok ? 'PASS' : 'FAIL',
    failures: ok ? [] : [{ subject: 'RATIO', reason: `法制审核人员 ${reviewers} 名，占持证执法人员 ${total} 名的 ${percent}%，低于 5%` }],
  };
};
