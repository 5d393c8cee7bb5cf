import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { GENESIS_HASH, entryHash } from './audit-hash.js';
import { AuditEntryEntity } from './audit-entry.entity.js';

/** Advisory lock key for the one sealer at a time (any constant unique within ducha). */
const SEAL_LOCK = 744_201;
const BATCH = 2000;

/**
 * Seals unsealed audit entries into the hash chain in the order they became visible (commit
 * order): each gets the next `chain_seq`, the previous entry's hash and its own hash. A row that
 * commits late is simply sealed in a later pass, so nothing is skipped.
 */
@Injectable()
export class AuditSealer {
  constructor(private readonly dataSource: DataSource) {}

  /** Seals everything visible now; returns how many entries were sealed. */
  async sealPending(): Promise<number> {
    let total = 0;
    for (;;) {
      const sealed = await this.dataSource.transaction((manager) => this.sealBatch(manager));
      total += sealed;
      if (sealed < BATCH) return total;
    }
  }

  private async sealBatch(manager: EntityManager): Promise<number> {
    const [{ locked }] = await manager.query(`SELECT pg_try_advisory_xact_lock($1) AS locked`, [SEAL_LOCK]);
    if (!locked) return 0;
    const head: { chain_seq: string; hash: string }[] = await manager.query(
      `SELECT chain_seq, hash FROM audit_entry WHERE chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1`,
    );
    let seq = head.length ? BigInt(head[0].chain_seq) : 0n;
    let prev = head.length ? head[0].hash : GENESIS_HASH;
    const pending = await manager
      .createQueryBuilder(AuditEntryEntity, 'e')
      .where('e.chain_seq IS NULL')
      .orderBy('e.id', 'ASC')
      .limit(BATCH)
      .getMany();
    if (pending.length === 0) return 0;
    const ids: string[] = [];
    const seqs: string[] = [];
    const prevs: string[] = [];
    const hashes: string[] = [];
    for (const entry of pending) {
      seq += 1n;
      const hash = entryHash(entry, seq.toString(), prev);
      ids.push(entry.id);
      seqs.push(seq.toString());
      prevs.push(prev);
      hashes.push(hash);
      prev = hash;
    }
    await manager.query(
      `UPDATE audit_entry a SET chain_seq = s.seq, prev_hash = s.prev, hash = s.hash
         FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[]) AS s(id, seq, prev, hash)
        WHERE a.id = s.id`,
      [ids, seqs, prevs, hashes],
    );
    return pending.length;
  }
}
