import { failed, NOT_CONCERNED, PASSED, type CaseScreen } from './screen.types.js';

/** AV_FILED_WITH_CASE: an audio-video record that exists is filed with the case. */
export const avFiledWithCase: CaseScreen = (c) => {
  if (!c.avRecorded) return NOT_CONCERNED;
  return c.avFiled ? PASSED : failed('音像记录未随案归档');
};
