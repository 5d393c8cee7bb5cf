import type { Actor } from '@ducha/common';
import { AccessPolicy } from '@ducha/org';
import { addresseeOf, type RelayedEvent, type ReplayScope } from '@ducha/realtime';

/** Rooms are the only way a live event reaches a socket; membership is decided here, from the actor. */
export const Rooms = {
  region: (path: string) => `region:${path}`,
  department: (id: string) => `dept:${id}`,
  user: (id: string) => `user:${id}`,
  /** Sockets still replaying from the table: live broadcasts skip them until they catch up. */
  replaying: 'replaying',
};

/** What a signed-in actor may receive: their office's region subtree, or their own department, and their own user. */
export function scopeOf(actor: Actor): ReplayScope {
  const own = { unitId: actor.unitId, regionPath: actor.regionPath };
  const regionWide = AccessPolicy.canReadRegion(actor, actor.regionPath).allowed;
  return {
    regionPath: regionWide ? actor.regionPath : null,
    departmentId: !regionWide && AccessPolicy.canRead(actor, own).allowed ? actor.unitId : null,
    userId: actor.userId,
  };
}

export function roomsForActor(actor: Actor): string[] {
  const scope = scopeOf(actor);
  const rooms = [Rooms.user(actor.userId)];
  if (scope.regionPath) rooms.push(Rooms.region(scope.regionPath));
  if (scope.departmentId) rooms.push(Rooms.department(scope.departmentId));
  return rooms;
}

/** Rooms an event goes to: every region on its path (office staff above see it), and its department. */
export function roomsForEvent(event: RelayedEvent): string[] {
  const userId = addresseeOf(event);
  if (userId) return [Rooms.user(userId)];
  const rooms: string[] = [];
  const parts = event.scope.regionPath.split('/').filter(Boolean);
  for (let i = 1; i <= parts.length; i++) rooms.push(Rooms.region(`/${parts.slice(0, i).join('/')}/`));
  if (event.scope.departmentId) rooms.push(Rooms.department(event.scope.departmentId));
  return rooms;
}

/** The per-event decision, used on replay (rooms decide live delivery the same way). */
export function mayReceive(actor: Actor, event: RelayedEvent): boolean {
  const userId = addresseeOf(event);
  if (userId) return userId === actor.userId;
  return AccessPolicy.canRead(actor, { unitId: event.scope.departmentId ?? '', regionPath: event.scope.regionPath }).allowed;
}
