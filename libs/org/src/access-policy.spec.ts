import { Role } from '@ducha/contracts';
import type { Actor } from '@ducha/common';
import { AccessPolicy, PolicyRule } from './access-policy.js';

const DISTRICT = '/p/c/d/';
const OTHER_DISTRICT = '/p/c/e/';
const actor = (roles: Role[], unitId = 'office', regionPath = DISTRICT): Actor => ({
  userId: `u-${roles.join('-')}`,
  username: 'x',
  roles,
  unitId,
  regionPath,
  isSupervisingOffice: unitId === 'office',
});
const dept = (unitId: string, regionPath = DISTRICT) => ({ unitId, regionPath });

describe('AccessPolicy', () => {
  describe('canRead', () => {
    it('should let office staff and leaders read their subtree, towns included', () => {
      for (const role of [Role.ADMIN, Role.INSPECTOR, Role.LEADER]) {
        expect(AccessPolicy.canRead(actor([role]), dept('market')).allowed).toBe(true);
        expect(AccessPolicy.canRead(actor([role]), dept('town', `${DISTRICT}t/`)).allowed).toBe(true);
      }
    });
    it('should refuse office staff another district', () => {
      expect(AccessPolicy.canRead(actor([Role.INSPECTOR]), dept('market', OTHER_DISTRICT))).toMatchObject({
        allowed: false,
        rule: PolicyRule.OFFICE_SUBTREE,
      });
    });
    it('should let a department officer read only their own department', () => {
      const officer = actor([Role.DEPARTMENT_OFFICER], 'market');
      expect(AccessPolicy.canRead(officer, dept('market')).allowed).toBe(true);
      expect(AccessPolicy.canRead(officer, dept('transport')).allowed).toBe(false);
    });
  });

  describe('canReadResults', () => {
    const officer = actor([Role.DEPARTMENT_OFFICER], 'market');
    it("should let a department officer read their own department's results once published, never before", () => {
      expect(AccessPolicy.canReadResults(officer, dept('market'), true)).toMatchObject({ allowed: true, rule: PolicyRule.OWN_DEPARTMENT });
      expect(AccessPolicy.canReadResults(officer, dept('market'), false)).toMatchObject({
        allowed: false,
        rule: PolicyRule.NOT_PUBLISHED,
      });
    });
    it("should never let a department officer read another department's results", () => {
      expect(AccessPolicy.canReadResults(officer, dept('transport'), true).allowed).toBe(false);
    });
    it('should let office staff and leaders read results of their subtree at every stage', () => {
      for (const role of [Role.INSPECTOR, Role.LEADER]) {
        expect(AccessPolicy.canReadResults(actor([role]), dept('market'), false).allowed).toBe(true);
        expect(AccessPolicy.canReadResults(actor([role]), dept('market', OTHER_DISTRICT), true).allowed).toBe(false);
      }
    });
  });

  describe('canReadRegion', () => {
    it('should refuse region-wide reading to department officers', () => {
      expect(AccessPolicy.canReadRegion(actor([Role.DEPARTMENT_OFFICER], 'market'), DISTRICT)).toMatchObject({
        allowed: false,
        rule: PolicyRule.ROLE_REQUIRED,
      });
    });
    it('should refuse a region above the actor', () => {
      expect(AccessPolicy.canReadRegion(actor([Role.LEADER]), '/p/c/').allowed).toBe(false);
    });
  });

  describe('canAdminister', () => {
    it('should allow administrators in their subtree only', () => {
      expect(AccessPolicy.canAdminister(actor([Role.ADMIN]), `${DISTRICT}t/`).allowed).toBe(true);
      expect(AccessPolicy.canAdminister(actor([Role.ADMIN]), OTHER_DISTRICT).allowed).toBe(false);
      expect(AccessPolicy.canAdminister(actor([Role.INSPECTOR]), DISTRICT)).toMatchObject({
        allowed: false,
        rule: PolicyRule.ROLE_REQUIRED,
      });
    });
  });

  describe('canInspect', () => {
    it('should let an inspector inspect a department of the region', () => {
      expect(AccessPolicy.canInspect(actor([Role.INSPECTOR]), dept('market')).allowed).toBe(true);
    });
    it('should recuse an inspector from their own department', () => {
      const inspector = actor([Role.INSPECTOR], 'market');
      expect(AccessPolicy.canInspect(inspector, dept('market'))).toMatchObject({ allowed: false, rule: PolicyRule.RECUSAL_OWN_DEPARTMENT });
    });
    it('should say a leader only watches', () => {
      expect(AccessPolicy.canInspect(actor([Role.LEADER]), dept('market'))).toMatchObject({
        allowed: false,
        rule: PolicyRule.LEADER_READ_ONLY,
      });
    });
    it('should refuse a department outside the region', () => {
      expect(AccessPolicy.canInspect(actor([Role.INSPECTOR]), dept('market', OTHER_DISTRICT)).rule).toBe(PolicyRule.OFFICE_SUBTREE);
    });
  });

  describe('recusedAsCaseOfficer', () => {
    it('should recuse a reviewer who is one of the file officers, naming the certificate', () => {
      const decision = AccessPolicy.recusedAsCaseOfficer(['QH001', 'QH002'], ['QH009', 'QH002']);
      expect(decision).toMatchObject({ allowed: false, rule: PolicyRule.RECUSAL_CASE_OFFICER });
      expect(decision.reason).toContain('QH002');
      expect(AccessPolicy.recusedAsCaseOfficer(['QH001'], ['QH009']).allowed).toBe(true);
    });
  });

  describe('canActForDepartment', () => {
    it('should let officers act only for their own department', () => {
      expect(AccessPolicy.canActForDepartment(actor([Role.DEPARTMENT_OFFICER], 'market'), 'market').allowed).toBe(true);
      expect(AccessPolicy.canActForDepartment(actor([Role.DEPARTMENT_OFFICER], 'market'), 'transport').rule).toBe(
        PolicyRule.OWN_DEPARTMENT,
      );
      expect(AccessPolicy.canActForDepartment(actor([Role.INSPECTOR]), 'market').rule).toBe(PolicyRule.ROLE_REQUIRED);
    });
  });

  describe('canVerify', () => {
    const inspector = actor([Role.INSPECTOR]);
    it("should let an inspector of the issuing office verify someone else's report", () => {
      expect(AccessPolicy.canVerify(inspector, 'office', 'someone-else').allowed).toBe(true);
    });
    it('should never let the submitter verify', () => {
      expect(AccessPolicy.canVerify(inspector, 'office', inspector.userId)).toMatchObject({
        allowed: false,
        rule: PolicyRule.SEPARATION_OF_DUTIES,
      });
    });
    it('should refuse another office', () => {
      expect(AccessPolicy.canVerify(inspector, 'other-office', 'x').rule).toBe(PolicyRule.ISSUING_OFFICE_ONLY);
    });
    it('should refuse non-inspectors', () => {
      expect(AccessPolicy.canVerify(actor([Role.LEADER]), 'office', 'x').rule).toBe(PolicyRule.ROLE_REQUIRED);
    });
  });

  describe('canReadAudit', () => {
    it('should allow administrators only', () => {
      expect(AccessPolicy.canReadAudit(actor([Role.ADMIN])).allowed).toBe(true);
      expect(AccessPolicy.canReadAudit(actor([Role.INSPECTOR])).allowed).toBe(false);
    });
  });

  describe('enforce', () => {
    it('should throw FORBIDDEN carrying the rule', () => {
      expect(() => AccessPolicy.enforce(AccessPolicy.canReadAudit(actor([Role.LEADER])))).toThrow(/administrators only/);
    });
  });
});
