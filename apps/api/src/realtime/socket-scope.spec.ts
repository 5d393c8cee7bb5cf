import type { Actor } from '@ducha/common';
import { Role } from '@ducha/contracts';
import type { RelayedEvent } from '@ducha/realtime';
import { mayReceive, roomsForActor, roomsForEvent } from './socket-scope.js';

const actor = (roles: Role[], unitId: string, regionPath: string): Actor => ({
  userId: `user-${unitId}`,
  username: 'u',
  roles,
  unitId,
  regionPath,
  isSupervisingOffice: false,
});
const event = (type: string, regionPath: string, departmentId: string | null, payload: object = {}): RelayedEvent =>
  ({ seq: 1, type, at: new Date().toISOString(), scope: { regionPath, departmentId }, payload }) as RelayedEvent;

describe('socket scope', () => {
  const leader = actor([Role.LEADER], 'office', '/p/c/');
  const officer = actor([Role.DEPARTMENT_OFFICER], 'dept-a', '/p/c/d/');
  const cityEvent = event('rectification.submitted', '/p/c/d/', 'dept-a');
  const otherDept = event('rectification.submitted', '/p/c/d/', 'dept-b');

  it('should put a live event exactly in the rooms of the actors allowed to see it', () => {
    for (const [who, ev] of [
      [leader, cityEvent],
      [officer, cityEvent],
      [officer, otherDept],
      [leader, event('org.imported', '/p/x/', null)],
      [officer, event('notification.created', '/p/c/d/', 'dept-a', { userId: 'user-dept-a' })],
      [leader, event('notification.created', '/p/c/d/', 'dept-a', { userId: 'user-dept-a' })],
      [officer, event('import.progressed', '/p/c/d/', 'dept-a', { importId: 'x', userId: 'user-dept-a' })],
      [leader, event('import.progressed', '/p/c/d/', 'dept-a', { importId: 'x', userId: 'user-dept-a' })],
      [leader, event('import.progressed', '/p/c/', null, { importId: 'screening' })],
    ] as const) {
      const joined = roomsForActor(who).some((room) => roomsForEvent(ev).includes(room));
      expect(joined).toBe(mayReceive(who, ev));
    }
  });

  it('should give an officer only their department and a leader their subtree', () => {
    expect(mayReceive(officer, cityEvent)).toBe(true);
    expect(mayReceive(officer, otherDept)).toBe(false);
    expect(mayReceive(leader, otherDept)).toBe(true);
    expect(mayReceive(leader, event('org.imported', '/p/x/', null))).toBe(false);
    expect(roomsForActor(officer)).toEqual(['user:user-dept-a', 'dept:dept-a']);
  });

  it("should give an export's progress to its requester alone, and a screening's to the region", () => {
    const exported = event('import.progressed', '/p/c/d/', 'dept-a', { importId: 'x', kind: 'EXPORT', userId: 'user-dept-a' });
    expect(roomsForEvent(exported)).toEqual(['user:user-dept-a']);
    expect(mayReceive(officer, exported)).toBe(true);
    expect(mayReceive(leader, exported)).toBe(false);
    expect(mayReceive(leader, event('import.progressed', '/p/c/', null, { importId: 'screening' }))).toBe(true);
  });
});
