import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OUTBOX_COLUMNS, toRelayedEvent, type OutboxRow, type RelayedEvent } from './relayed-event.js';

/** Which events a reader may see, as a coarse SQL prefilter (the caller's policy still decides each). */
export interface ReplayScope {
  /** Office staff: every event under this region path. */
  regionPath: string | null;
  /** Department officers: their department's events. */
  departmentId: string | null;
  /** Events addressed to one user (notifications). */
  userId: string;
}

/**
 * Types that may be addressed to one user: an event of these with a `userId` in its payload goes to
 * that user alone (live and on replay); one without is scoped by region and department as usual.
 */
export const USER_EVENT_TYPES: readonly string[] = ['notification.created', 'import.progressed'];

/** The one user an event is addressed to, or undefined when its scope decides who receives it. */
export function addresseeOf(event: { type: string; payload: unknown }): string | undefined {
  if (!USER_EVENT_TYPES.includes(event.type)) return undefined;
  const userId = (event.payload as { userId?: unknown } | null)?.userId;
  return typeof userId === 'string' ? userId : undefined;
}

/** Replay by seq from the outbox table (the record; Redis and memory are only fast paths). */
@Injectable()
export class OutboxReader {
  constructor(private readonly dataSource: DataSource) {}

  async headSeq(): Promise<number> {
    const [{ head }] = await this.dataSource.query('SELECT coalesce(max(seq), 0)::bigint AS head FROM outbox_event');
    return Number(head);
  }

  /** One page of relayed events after `afterSeq` (up to `upTo`) within the scope, in seq order. */
  async page(afterSeq: number, upTo: number, scope: ReplayScope, limit = 500): Promise<{ events: RelayedEvent[]; scannedTo: number }> {
    const rows: OutboxRow[] = await this.dataSource.query(
      `SELECT ${OUTBOX_COLUMNS} FROM outbox_event
        WHERE seq > $1 AND seq <= $2 AND (
              ((type <> ALL($6::text[]) OR payload->>'userId' IS NULL)
               AND ($3::text IS NOT NULL AND left(region_path, length($3)) = $3
                    OR $4::uuid IS NOT NULL AND department_id = $4::uuid))
           OR (type = ANY($6::text[]) AND payload->>'userId' = $5))
        ORDER BY seq LIMIT ${limit}`,
      [afterSeq, upTo, scope.regionPath, scope.departmentId, scope.userId, USER_EVENT_TYPES],
    );
    const events = rows.map(toRelayedEvent);
    return { events, scannedTo: events.length === limit ? events[events.length - 1].seq : upTo };
  }
}
