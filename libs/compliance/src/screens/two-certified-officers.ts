import { failed, PASSED, type CaseScreen } from './screen.types.js';

/** TWO_CERTIFIED_OFFICERS: each case names ≥ 2 officers whose certificates were valid on the action date. */
export const twoCertifiedOfficers: CaseScreen = (c, ctx) => {
  const actionDate = c.decisionDate ?? c.closedDate;
  const problems: string[] = [];
  let valid = 0;
  for (const no of new Set(c.officerCertificateNos)) {
    const officer = ctx.officers.get(no);
    if (!officer) problems.push(`证号 ${no} 未在执法人员库登记`);
    else if (actionDate && (actionDate < officer.validFrom || actionDate > officer.validTo)) {
      problems.push(`${officer.name}（证号 ${no}）的执法证在 ${actionDate} 不在有效期内`);
    } else valid++;
  }
  if (valid >= 2) return PASSED;
  return failed([`持有效执法证的执法人员仅 ${valid} 名，少于 2 名`, ...problems].join('；'));
};
