import type { DepartmentScreen } from './screen.types.js';

/** REVIEWERS_QUALIFIED: every legal reviewer in the registry holds the legal-profession qualification. */
export const reviewersQualified: DepartmentScreen = (officers) => {
  const reviewers = officers.filter((o) => o.legalReviewer);
  const failures = reviewers
    .filter((o) => !o.legalQualification)
    .map((o) => ({ subject: o.certificateNo, reason: `法制审核人员 ${o.name}（证号 ${o.certificateNo}）无法律职业资格` }));
  return { passed: reviewers.length - failures.length, total: reviewers.length, failures };
};
