import { twoCertifiedOfficers } from './two-certified-officers.js';
import { aCase, aContext, anOfficer } from './screen-fixtures.js';

describe('twoCertifiedOfficers', () => {
  it('should pass two officers with certificates valid on the decision date', () => {
    expect(twoCertifiedOfficers(aCase(), aContext())).toEqual({ applies: true, pass: true });
  });

  it('should fail when one certificate had expired on the decision date, naming the officer', () => {
    const ctx = aContext([anOfficer(), anOfficer({ certificateNo: 'A2', name: '李四', validTo: '2025-06-09' })]);
    expect(twoCertifiedOfficers(aCase({ decisionDate: '2025-06-10' }), ctx)).toEqual({
      applies: true,
      pass: false,
      reason: '持有效执法证的执法人员仅 1 名，少于 2 名；李四（证号 A2）的执法证在 2025-06-10 不在有效期内',
    });
  });

  it('should fail an unregistered certificate and a single officer', () => {
    expect(twoCertifiedOfficers(aCase({ officerCertificateNos: ['A1', 'X9'] }), aContext())).toMatchObject({
      pass: false,
      reason: expect.stringContaining('证号 X9 未在执法人员库登记'),
    });
    expect(twoCertifiedOfficers(aCase({ officerCertificateNos: ['A1', 'A1'] }), aContext())).toMatchObject({ pass: false });
  });
});
