import { DomainException, type Actor } from '@ducha/common';
import { Role } from '@ducha/contracts';
import { AccessPolicy, PolicyRule } from '@ducha/org';
import type { EntityManager } from 'typeorm';
import { CampaignStage, ReviewCampaignEntity } from './entities/review-campaign.entity.js';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Office staff of the campaign's region read it; departments in scope read it too (their self-check, the bulletin). */
export function canReadCampaign(actor: Actor, c: ReviewCampaignEntity): boolean {
  if (AccessPolicy.canReadRegion(actor, c.regionPath).allowed) return true;
  return actor.roles.includes(Role.DEPARTMENT_OFFICER) && c.departmentIds.includes(actor.unitId);
}

/** Results and bulletin: inspectors and admins from finalizing, departments and leaders once published. */
export function canReadResults(actor: Actor, c: ReviewCampaignEntity): boolean {
  if (!canReadCampaign(actor, c) || !c.results) return false;
  const published = c.stage === CampaignStage.PUBLISHED;
  // A department in the campaign reads them as its own results: the shared rule, once published.
  if (!AccessPolicy.canReadResults(actor, { unitId: actor.unitId, regionPath: c.regionPath }, published).allowed) return false;
  // Of the office, only those who finalize read them before publication (leaders wait for the bulletin).
  return published || actor.roles.includes(Role.INSPECTOR) || actor.roles.includes(Role.ADMIN);
}

/** Planning and running a campaign: inspectors of the campaign's office region; leaders never edit. */
export function enforceRunsCampaign(actor: Actor, c: { regionPath: string }): void {
  if (!actor.roles.includes(Role.INSPECTOR)) {
    throw new DomainException(
      DomainException.forbidden().code,
      actor.roles.includes(Role.LEADER) ? 'Forbidden: leaders watch and never edit' : 'Forbidden: inspectors only',
      [],
      {
        rule: actor.roles.includes(Role.LEADER) ? PolicyRule.LEADER_READ_ONLY : PolicyRule.ROLE_REQUIRED,
      },
    );
  }
  if (!c.regionPath.startsWith(actor.regionPath)) throw DomainException.forbidden('Forbidden: that campaign belongs to another office');
}

/** Ids from callers are checked before they reach SQL: a malformed one is simply not found. */
export function requireId(id: string, what: string): void {
  if (!UUID.test(id)) throw DomainException.notFound(what, id);
}

export async function loadCampaign(m: EntityManager, id: string, lock = false): Promise<ReviewCampaignEntity> {
  if (!UUID.test(id)) throw DomainException.notFound('ReviewCampaign', id);
  const c = await m.findOne(ReviewCampaignEntity, { where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  if (!c) throw DomainException.notFound('ReviewCampaign', id);
  return c;
}

export function requireStage(c: ReviewCampaignEntity, allowed: readonly CampaignStage[], action: string): void {
  if (!allowed.includes(c.stage))
    throw DomainException.conflict(`Cannot ${action}: campaign "${c.name}" is ${c.stage}, expected ${allowed.join(' or ')}`);
}

/** Region path of each unit (for AccessPolicy placements). */
export async function unitPaths(m: EntityManager, unitIds: readonly string[]): Promise<Map<string, { path: string; name: string }>> {
  if (!unitIds.length) return new Map();
  const rows: { id: string; path: string; name: string }[] = await m.query(
    `SELECT u.id, r.path, u.name FROM unit u JOIN region r ON r.id = u.region_id WHERE u.id = ANY($1::uuid[])`,
    [[...new Set(unitIds)]],
  );
  return new Map(rows.map((r) => [r.id, { path: r.path, name: r.name }]));
}
