import { createOfficialCalendar } from '@ducha/calendar';
import type { ScreenCase, ScreenContext, ScreenOfficer } from './screen.types.js';

/** Test factories for the screen specs: a clean case that passes every screen, overridden per test. */
export function aCase(overrides: Partial<ScreenCase> = {}): ScreenCase {
  return {
    id: 'c1',
    fileNo: '清市监罚〔2025〕1号',
    departmentId: 'd1',
    caseType: 'PENALTY',
    decisionDate: '2025-06-10',
    disclosedDate: '2025-06-12',
    legalReviewSubmittedDate: null,
    legalReviewFinishedDate: null,
    legalReviewPassed: null,
    legalReviewExtended: false,
    major: false,
    hearingHeld: false,
    onSiteCoercion: null,
    avRecorded: false,
    avFiled: false,
    officerCertificateNos: ['A1', 'A2'],
    partyKind: 'ORGANISATION',
    fineFen: 500_000,
    penaltyKinds: ['FINE'],
    closedDate: '2025-07-01',
    ...overrides,
  };
}

export function anOfficer(overrides: Partial<ScreenOfficer> = {}): ScreenOfficer {
  return {
    certificateNo: 'A1',
    name: '张三',
    unitId: 'd1',
    validFrom: '2023-01-01',
    validTo: '2027-12-31',
    legalQualification: false,
    legalReviewer: false,
    ...overrides,
  };
}

export function aContext(
  officers: ScreenOfficer[] = [anOfficer(), anOfficer({ certificateNo: 'A2', name: '李四' })],
  asOf = '2026-03-01',
): ScreenContext {
  return { calendar: createOfficialCalendar(), officers: new Map(officers.map((o) => [o.certificateNo, o])), asOf };
}
