import { createHash } from 'node:crypto';

/** The fields a seal covers. Everything a tamperer could change is in it, including the position. */
export interface SealableEntry {
  id: string;
  occurredAt: Date;
  actorUserId: string | null;
  actorUnitId: string | null;
  operation: string;
  targetType: string;
  targetId: string;
  before: unknown;
  after: unknown;
  requestId: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level: jsonb does not keep key order, so hash a canonical form. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function entryHash(entry: SealableEntry, chainSeq: string, prevHash: string): string {
  const body = canonicalJson({
    chainSeq,
    prevHash,
    id: entry.id,
    occurredAt: entry.occurredAt,
    actorUserId: entry.actorUserId,
    actorUnitId: entry.actorUnitId,
    operation: entry.operation,
    targetType: entry.targetType,
    targetId: entry.targetId,
    before: entry.before ?? null,
    after: entry.after ?? null,
    requestId: entry.requestId,
  });
  return createHash('sha256').update(body).digest('hex');
}
