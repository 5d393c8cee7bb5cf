import type { DomainEvent, DomainEventType } from '@ducha/contracts';

/** A committed, relayed outbox row as every consumer sees it (the wire shape of DESIGN.md's contract). */
export type RelayedEvent = DomainEvent<DomainEventType>;

export interface OutboxRow {
  seq: string | number;
  type: string;
  region_path: string;
  department_id: string | null;
  payload: unknown;
  created_at: Date | string;
}

export function toRelayedEvent(row: OutboxRow): RelayedEvent {
  return {
    seq: Number(row.seq),
    type: row.type as DomainEventType,
    at: new Date(row.created_at).toISOString(),
    scope: { regionPath: row.region_path, departmentId: row.department_id },
    payload: row.payload as never,
  };
}

export const OUTBOX_COLUMNS = 'seq, type, region_path, department_id, payload, created_at';
