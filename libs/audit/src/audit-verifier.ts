import { DataSource } from 'typeorm';
import { GENESIS_HASH, entryHash } from './audit-hash.js';
import { AuditEntryEntity } from './audit-entry.entity.js';

export interface ChainBreak {
  entryId: string;
  chainSeq: string;
  reason: string;
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  unsealed: number;
  firstBreak?: ChainBreak;
}

const PAGE = 5000;

/**
 * Walks the sealed chain in `chain_seq` order and names the first entry that does not fit:
 * an edited row no longer matches its hash; a deleted row leaves a gap; an inserted or reordered
 * row carries a position or previous hash that does not follow.
 */
export async function verifyAuditChain(dataSource: DataSource): Promise<VerifyResult> {
  let expectedSeq = 1n;
  let prev = GENESIS_HASH;
  let checked = 0;
  for (;;) {
    const rows = await dataSource
      .createQueryBuilder(AuditEntryEntity, 'e')
      .where('e.chain_seq >= :from', { from: expectedSeq.toString() })
      .orderBy('e.chain_seq', 'ASC')
      .limit(PAGE)
      .getMany();
    for (const row of rows) {
      const seq = BigInt(row.chainSeq!);
      const at = { entryId: row.id, chainSeq: row.chainSeq! };
      if (seq !== expectedSeq) {
        return done(false, checked, dataSource, { ...at, reason: `chain position ${expectedSeq} is missing (an entry was deleted)` });
      }
      if (row.prevHash !== prev) {
        return done(false, checked, dataSource, { ...at, reason: 'previous-hash link does not match (entries inserted or reordered)' });
      }
      if (entryHash(row, row.chainSeq!, prev) !== row.hash) {
        return done(false, checked, dataSource, { ...at, reason: 'content does not match its hash (the entry was edited)' });
      }
      prev = row.hash!;
      expectedSeq += 1n;
      checked += 1;
    }
    if (rows.length < PAGE) return done(true, checked, dataSource);
  }
}

async function done(ok: boolean, checked: number, dataSource: DataSource, firstBreak?: ChainBreak): Promise<VerifyResult> {
  const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM audit_entry WHERE chain_seq IS NULL`);
  return { ok, checked, unsealed: n, firstBreak };
}
