import { failed, NOT_CONCERNED, PASSED, type CaseScreen } from './screen.types.js';

const ACTION_NAMES: Readonly<Record<string, string>> = { SEIZURE: '查封扣押', DEMOLITION: '强制拆除', DETENTION_TRANSFER: '带离现场' };

/** AV_RECORDED_FOR_LISTED_ACTIONS: on-site seizure, forced demolition, detention transfer… carry an audio-video record. */
export const avRecordedForListedActions: CaseScreen = (c) => {
  if (!c.onSiteCoercion) return NOT_CONCERNED;
  return c.avRecorded ? PASSED : failed(`现场${ACTION_NAMES[c.onSiteCoercion] ?? '强制措施'}无全程音像记录`);
};
