import { Role } from '@ducha/contracts';
import { DomainException, type Actor } from '@ducha/common';

/** An answer with the rule that decided it, so a refusal can say why. */
export interface Decision {
  allowed: boolean;
  rule: PolicyRule;
  reason: string;
}

export enum PolicyRule {
  OFFICE_SUBTREE = 'OFFICE_SUBTREE',
  OWN_DEPARTMENT = 'OWN_DEPARTMENT',
  ROLE_REQUIRED = 'ROLE_REQUIRED',
  LEADER_READ_ONLY = 'LEADER_READ_ONLY',
  RECUSAL_OWN_DEPARTMENT = 'RECUSAL_OWN_DEPARTMENT',
  RECUSAL_CASE_OFFICER = 'RECUSAL_CASE_OFFICER',
  SEPARATION_OF_DUTIES = 'SEPARATION_OF_DUTIES',
  ISSUING_OFFICE_ONLY = 'ISSUING_OFFICE_ONLY',
  NOT_PUBLISHED = 'NOT_PUBLISHED',
}

/** Where something sits: its unit (department) and that unit's region path. */
export interface Placement {
  unitId: string;
  regionPath: string;
}

const OFFICE_ROLES: readonly Role[] = [Role.ADMIN, Role.INSPECTOR, Role.LEADER];

const allow = (rule: PolicyRule, reason = 'allowed'): Decision => ({ allowed: true, rule, reason });
const deny = (rule: PolicyRule, reason: string): Decision => ({ allowed: false, rule, reason });

const has = (actor: Actor, role: Role): boolean => actor.roles.includes(role);
const inSubtree = (actor: Actor, regionPath: string): boolean => regionPath.startsWith(actor.regionPath);

/**
 * Every access rule of DESIGN.md "Access" in one place. Services call it; GraphQL, socket rooms,
 * replay and exports all go through services, so nothing else decides who sees what.
 */
export const AccessPolicy = {
  /** Office staff (admin, inspector, leader) read their region's subtree; officers their own unit. */
  canRead(actor: Actor, target: Placement): Decision {
    if (actor.roles.some((r) => OFFICE_ROLES.includes(r)) && inSubtree(actor, target.regionPath)) {
      return allow(PolicyRule.OFFICE_SUBTREE);
    }
    if (has(actor, Role.DEPARTMENT_OFFICER) && actor.unitId === target.unitId) return allow(PolicyRule.OWN_DEPARTMENT);
    return deny(PolicyRule.OFFICE_SUBTREE, 'outside your region and not your department');
  },

  /**
   * A department's results in a check or review (score, grade, items, evidence): office staff of the
   * region at every stage; the department's own officers only once the results are published.
   */
  canReadResults(actor: Actor, department: Placement, published: boolean): Decision {
    const read = AccessPolicy.canRead(actor, department);
    if (!read.allowed || read.rule === PolicyRule.OFFICE_SUBTREE || published) return read;
    return deny(PolicyRule.NOT_PUBLISHED, 'a department sees its results once they are published');
  },

  /** Region-wide reading (lists, the cockpit): office roles only, within their subtree. */
  canReadRegion(actor: Actor, regionPath: string): Decision {
    if (!actor.roles.some((r) => OFFICE_ROLES.includes(r))) {
      return deny(PolicyRule.ROLE_REQUIRED, 'only office staff and leaders read region-wide data');
    }
    return inSubtree(actor, regionPath)
      ? allow(PolicyRule.OFFICE_SUBTREE)
      : deny(PolicyRule.OFFICE_SUBTREE, 'that region is outside your office');
  },

  /** Regions, units, users, officers, rubrics, calendars: administrators within their subtree. */
  canAdminister(actor: Actor, regionPath: string): Decision {
    if (!has(actor, Role.ADMIN)) return deny(PolicyRule.ROLE_REQUIRED, 'administrators only');
    return inSubtree(actor, regionPath)
      ? allow(PolicyRule.OFFICE_SUBTREE)
      : deny(PolicyRule.OFFICE_SUBTREE, 'that region is outside your office');
  },

  /** Planning and scoring inspections of a department: inspectors of the region, never their own unit. */
  canInspect(actor: Actor, department: Placement): Decision {
    if (!has(actor, Role.INSPECTOR)) {
      return has(actor, Role.LEADER)
        ? deny(PolicyRule.LEADER_READ_ONLY, 'leaders watch and never edit')
        : deny(PolicyRule.ROLE_REQUIRED, 'inspectors only');
    }
    if (!inSubtree(actor, department.regionPath)) return deny(PolicyRule.OFFICE_SUBTREE, 'that department is outside your region');
    if (actor.unitId === department.unitId) {
      return deny(PolicyRule.RECUSAL_OWN_DEPARTMENT, 'an inspector never scores or checks their own department');
    }
    return allow(PolicyRule.OFFICE_SUBTREE);
  },

  /** A reviewer who appears among a case file's officers is recused from that file. */
  recusedAsCaseOfficer(reviewerCertificateNos: readonly string[], caseOfficerCertificateNos: readonly string[]): Decision {
    const clash = reviewerCertificateNos.find((no) => caseOfficerCertificateNos.includes(no));
    return clash
      ? deny(PolicyRule.RECUSAL_CASE_OFFICER, `the reviewer is one of the file's officers (certificate ${clash})`)
      : allow(PolicyRule.RECUSAL_CASE_OFFICER);
  },

  /** Answering a task (acknowledge, report, extension request): officers of that department. */
  canActForDepartment(actor: Actor, departmentId: string): Decision {
    if (!has(actor, Role.DEPARTMENT_OFFICER)) return deny(PolicyRule.ROLE_REQUIRED, 'department officers only');
    return actor.unitId === departmentId
      ? allow(PolicyRule.OWN_DEPARTMENT)
      : deny(PolicyRule.OWN_DEPARTMENT, 'that task belongs to another department');
  },

  /** Verifying and closing: inspectors of the issuing office, and never the person who submitted the fix. */
  canVerify(actor: Actor, issuingUnitId: string, submittedByUserId: string | null): Decision {
    if (!has(actor, Role.INSPECTOR)) return deny(PolicyRule.ROLE_REQUIRED, 'inspectors only');
    if (actor.unitId !== issuingUnitId) return deny(PolicyRule.ISSUING_OFFICE_ONLY, 'only the issuing office verifies and closes');
    if (submittedByUserId !== null && submittedByUserId === actor.userId) {
      return deny(PolicyRule.SEPARATION_OF_DUTIES, 'the verifier is never the person who submitted the report');
    }
    return allow(PolicyRule.SEPARATION_OF_DUTIES);
  },

  /** The audit trail: administrators only. */
  canReadAudit(actor: Actor): Decision {
    return has(actor, Role.ADMIN) ? allow(PolicyRule.ROLE_REQUIRED) : deny(PolicyRule.ROLE_REQUIRED, 'administrators only');
  },

  /** Throws FORBIDDEN with the deciding rule's reason. */
  enforce(decision: Decision): void {
    if (!decision.allowed)
      throw new DomainException(DomainException.forbidden().code, `Forbidden: ${decision.reason}`, [], { rule: decision.rule });
  },
};
