import type { EntityManager } from 'typeorm';

/**
 * Runs an UPDATE/DELETE ... RETURNING and gives back its rows. TypeORM's postgres driver answers
 * such statements with `[rows, affectedCount]` rather than the rows, which is easy to misread.
 */
export async function returning<T>(manager: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  const raw: unknown = await manager.query(sql, params);
  if (Array.isArray(raw) && raw.length === 2 && Array.isArray(raw[0]) && typeof raw[1] === 'number') return raw[0] as T[];
  return raw as T[];
}
