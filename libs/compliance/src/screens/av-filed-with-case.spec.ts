import { avFiledWithCase } from './av-filed-with-case.js';
import { aCase, aContext } from './screen-fixtures.js';

describe('avFiledWithCase', () => {
  const ctx = aContext();
  it('should fail a recording that was not filed with the case', () => {
    expect(avFiledWithCase(aCase({ avRecorded: true, avFiled: false }), ctx)).toEqual({
      applies: true,
      pass: false,
      reason: '音像记录未随案归档',
    });
  });
  it('should pass a filed recording and ignore cases without one', () => {
    expect(avFiledWithCase(aCase({ avRecorded: true, avFiled: true }), ctx)).toEqual({ applies: true, pass: true });
    expect(avFiledWithCase(aCase({ avRecorded: false }), ctx)).toEqual({ applies: false });
  });
});
