import { Injectable } from '@nestjs/common';
import { RequestContext, type Actor } from '@ducha/common';
import type { EntityManager } from 'typeorm';
import { AuditEntryEntity } from './audit-entry.entity.js';

export interface AuditChange {
  operation: string;
  targetType: string;
  targetId: string;
  before?: unknown;
  after?: unknown;
}

/**
 * Appends audit entries inside the caller's transaction, so an entry exists exactly when its
 * change committed. Entries are hash-chained later, in commit order, by AuditSealer: chaining here
 * would make every writer wait for the previous writer's hash.
 */
@Injectable()
export class AuditService {
  async record(manager: EntityManager, actor: Pick<Actor, 'userId' | 'unitId'> | null, change: AuditChange): Promise<void> {
    await manager.insert(AuditEntryEntity, {
      occurredAt: new Date(),
      actorUserId: actor?.userId ?? null,
      actorUnitId: actor?.unitId ?? null,
      operation: change.operation,
      targetType: change.targetType,
      targetId: change.targetId,
      before: redact(change.before) as object | null,
      after: redact(change.after) as object | null,
      requestId: RequestContext.requestId(),
    });
  }

  /** Entries about one target, newest first (admins only; the resolver checks). */
  async trail(manager: EntityManager, targetId: string, limit: number): Promise<AuditEntryEntity[]> {
    return manager.find(AuditEntryEntity, { where: { targetId }, order: { id: 'DESC' }, take: limit });
  }
}

const SECRET_KEYS = new Set(['passwordHash', 'password', 'tokenHash', 'refreshToken', 'accessToken']);

/** Audit entries never hold secrets, even hashed ones. */
function redact(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.map(redact);
  if (value instanceof Date) return value.toISOString();
  if (typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, SECRET_KEYS.has(k) ? '[redacted]' : redact(v)]),
  );
}
