import { DomainException, type Actor } from '@ducha/common';
import { Role } from '@ducha/contracts';
import { AccessPolicy } from '@ducha/org';
import type { ComplianceRoundEntity } from './entities/compliance-round.entity.js';

/** Round-level rules on top of the shared AccessPolicy. */
export const ComplianceAccess = {
  /** Reading a round: office staff and leaders of the region; department officers see their own check only after publication. */
  canReadRound(actor: Actor, round: ComplianceRoundEntity): boolean {
    return AccessPolicy.canReadRegion(actor, round.regionPath).allowed;
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
