import { avRecordedForListedActions } from './av-recorded-for-listed-actions.js';
import { aCase, aContext } from './screen-fixtures.js';

describe('avRecordedForListedActions', () => {
  const ctx = aContext();
  it('should fail an on-site seizure without audio-video', () => {
    expect(avRecordedForListedActions(aCase({ caseType: 'COERCION', onSiteCoercion: 'SEIZURE', avRecorded: false }), ctx)).toEqual({
      applies: true,
      pass: false,
      reason: '现场查封扣押无全程音像记录',
    });
  });
  it('should pass a recorded seizure and ignore cases without listed actions', () => {
    expect(avRecordedForListedActions(aCase({ onSiteCoercion: 'DEMOLITION', avRecorded: true }), ctx)).toEqual({
      applies: true,
      pass: true,
    });
    expect(avRecordedForListedActions(aCase({ onSiteCoercion: null }), ctx)).toEqual({ applies: false });
  });
});
