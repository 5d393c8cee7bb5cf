import { DomainException, type Actor } from '@ducha/common';
import { Role } from '@ducha/contracts';
import { AccessPolicy } from '@ducha/org';
import { isUUID } from 'class-validator';
import { RoundStage, type ComplianceRoundEntity } from './entities/compliance-round.entity.js';

/** Ids from callers are checked before they reach SQL: a malformed one is simply not found. */
export function requireId(id: string, what: string): void {
  if (!isUUID(id)) throw DomainException.notFound(what, id);
}

/** Round-level rules on top of the shared AccessPolicy. */
export const ComplianceAccess = {
  /** Reading a whole round (every department, the exports): office staff and leaders of the round's region. */
  canReadRound(actor: Actor, round: ComplianceRoundEntity): boolean {
    return AccessPolicy.canReadRegion(actor, round.regionPath).allowed;
  },

  /** Reading one department's check, score, items and evidence: the office always, the department once published. */
  canReadCheck(actor: Actor, round: ComplianceRoundEntity, departmentId: string): boolean {
    const department = { unitId: departmentId, regionPath: round.regionPath };
    return AccessPolicy.canReadResults(actor, department, round.stage === RoundStage.PUBLISHED).allowed;
  },

  /** Running screens, finalizing, publishing: the round's planner or one of its inspectors, inspectors only. */
  enforceRunsRound(actor: Actor, round: ComplianceRoundEntity): void {
    // Non-inspectors get the policy's own refusal (leaders: read-only; others: inspectors only).
    if (!actor.roles.includes(Role.INSPECTOR))
      AccessPolicy.enforce(AccessPolicy.canInspect(actor, { unitId: '', regionPath: round.regionPath }));
    if (round.createdBy !== actor.userId && !round.inspectorIds.includes(actor.userId)) {
      throw DomainException.forbidden("Forbidden: only the round's planner and inspectors run it");
    }
    AccessPolicy.enforce(AccessPolicy.canReadRegion(actor, round.regionPath));
  },
};
