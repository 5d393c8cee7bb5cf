import { openTestDataSource, testMode, type TestDataSource } from '@ducha/testing';
import { Foundation1795315500000 } from '../../../migrations/1795315500000-Foundation.js';
import { AuditEntryEntity } from './audit-entry.entity.js';
import { AuditSealer } from './audit-sealer.js';
import { AuditService } from './audit.service.js';
import { verifyAuditChain } from './audit-verifier.js';

describe('Audit hash chain (integration)', () => {
  let db: TestDataSource;
  let sealer: AuditSealer;
  const audit = new AuditService();
  const actor = { userId: '00000000-0000-4000-8000-000000000001', unitId: '00000000-0000-4000-8000-000000000002' };

  const write = async (n: number, label: string) => {
    for (let i = 0; i < n; i++) {
      await db.dataSource.transaction((m) =>
        audit.record(m, actor, {
          operation: label,
          targetType: 'Thing',
          targetId: `${label}-${i}`,
          before: { n: i },
          after: { n: i + 1, nested: { b: 1, a: [1, 2] } },
        }),
      );
    }
  };
  const ids = async () => (await db.dataSource.query(`SELECT id FROM audit_entry ORDER BY chain_seq`)).map((r: { id: string }) => r.id);

  beforeEach(async () => {
    db = await openTestDataSource([Foundation1795315500000], [AuditEntryEntity]);
    sealer = new AuditSealer(db.dataSource);
    await write(5, 'first');
    await sealer.sealPending();
    await write(5, 'second');
    await sealer.sealPending();
  });
  afterEach(async () => db.close());

  it('should verify an untouched chain, in the order entries became visible', async () => {
    const result = await verifyAuditChain(db.dataSource);
    expect(result).toMatchObject({ ok: true, checked: 10, unsealed: 0 });
  });

  it('should seal a late-committing entry after those already sealed, never skipping it', async () => {
    if (testMode() === 'server') {
      // A transaction that took its id early and commits after later entries were sealed.
      const late = db.dataSource.createQueryRunner();
      await late.startTransaction();
      await late.query(
        `INSERT INTO audit_entry (occurred_at, operation, target_type, target_id, request_id) VALUES (now(), 'late', 'Thing', 'late', 'r')`,
      );
      await write(2, 'third');
      expect(await sealer.sealPending()).toBe(2);
      await late.commitTransaction();
      await late.release();
    } else {
      // One connection in embedded mode (an open transaction would block the sealer): model the
      // late row by an id lower than every sealed one.
      await write(2, 'third');
      expect(await sealer.sealPending()).toBe(2);
      await db.dataSource.query(
        `INSERT INTO audit_entry (id, occurred_at, operation, target_type, target_id, request_id) VALUES (0, now(), 'late', 'Thing', 'late', 'r')`,
      );
    }
    expect(await sealer.sealPending()).toBe(1);
    const result = await verifyAuditChain(db.dataSource);
    expect(result).toMatchObject({ ok: true, checked: 13 });
    const [last] = await db.dataSource.query(`SELECT operation FROM audit_entry ORDER BY chain_seq DESC LIMIT 1`);
    expect(last.operation).toBe('late');
  });

  it('should name the edited entry', async () => {
    const [, , third] = await ids();
    await db.dataSource.query(`UPDATE audit_entry SET after = '{"n": 999}' WHERE id = $1`, [third]);
    const result = await verifyAuditChain(db.dataSource);
    expect(result.ok).toBe(false);
    expect(result.firstBreak).toMatchObject({ entryId: third, chainSeq: '3' });
    expect(result.firstBreak!.reason).toMatch(/edited/);
  });

  it('should detect a deleted entry at the gap it leaves', async () => {
    const all = await ids();
    await db.dataSource.query(`DELETE FROM audit_entry WHERE id = $1`, [all[6]]);
    const result = await verifyAuditChain(db.dataSource);
    expect(result.ok).toBe(false);
    expect(result.firstBreak).toMatchObject({ entryId: all[7], chainSeq: '8' });
    expect(result.firstBreak!.reason).toMatch(/deleted/);
  });

  it('should detect an entry inserted into the sealed chain', async () => {
    await db.dataSource.query(`UPDATE audit_entry SET chain_seq = -(chain_seq + 1) WHERE chain_seq >= 4`);
    await db.dataSource.query(`UPDATE audit_entry SET chain_seq = -chain_seq WHERE chain_seq < 0`);
    const [{ hash: prev }] = await db.dataSource.query(`SELECT hash FROM audit_entry WHERE chain_seq = 3`);
    await db.dataSource.query(
      `INSERT INTO audit_entry (occurred_at, operation, target_type, target_id, request_id, chain_seq, prev_hash, hash) VALUES (now(), 'forged', 'Thing', 'x', 'r', 4, $1, 'f00d')`,
      [prev],
    );
    const result = await verifyAuditChain(db.dataSource);
    expect(result.ok).toBe(false);
    expect(result.firstBreak!.chainSeq).toBe('4');
  });

  it('should detect two entries swapped', async () => {
    await db.dataSource.query(`UPDATE audit_entry SET chain_seq = -chain_seq WHERE chain_seq IN (2, 3)`);
    await db.dataSource.query(`UPDATE audit_entry SET chain_seq = CASE chain_seq WHEN -2 THEN 3 ELSE 2 END WHERE chain_seq IN (-2, -3)`);
    const result = await verifyAuditChain(db.dataSource);
    expect(result.ok).toBe(false);
    expect(result.firstBreak!.chainSeq).toBe('2');
  });
});
