/**
 * The realtime contract (DESIGN.md "Realtime contract"). Every state change records one event in
 * the outbox inside its own transaction; the relay gives it a gap-free `seq` in commit order.
 * Add a type here with its payload before emitting it: emitters are typed by this map.
 */
export interface EventScope {
  /** Materialised path of region ids from the root, e.g. `/1/7/42/`. */
  regionPath: string;
  /** The department the event concerns, or null for region-wide events. */
  departmentId: string | null;
}

export interface AuditedChange {
  targetType: string;
  targetId: string;
}

export interface DomainEventPayloads {
  'org.unit_changed': { unitId: string; name: string };
  'org.user_changed': { userId: string; username: string };
  'org.imported': { kind: 'UNITS' | 'USERS' | 'OFFICERS'; rows: number };
  'calendar.year_changed': { year: number };
  'import.progressed': { importId: string; kind: string; done: number; total: number; finished: boolean };
}

export type DomainEventType = keyof DomainEventPayloads;

export interface DomainEvent<T extends DomainEventType = DomainEventType> {
  seq: number;
  type: T;
  /** ISO timestamp of the commit that produced the event. */
  at: string;
  scope: EventScope;
  payload: DomainEventPayloads[T];
}
