import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AuditService } from '@ducha/audit';
import { DomainException, type Actor } from '@ducha/common';
import { AppConfig } from '@ducha/config';
import { TransactionRunner } from '@ducha/database';
import { AccessPolicy, OrgService } from '@ducha/org';
import { ComplianceCheckItemEntity } from '../entities/compliance-check-item.entity.js';
import { CheckStatus, ComplianceCheckEntity } from '../entities/compliance-check.entity.js';
import { ComplianceEvidenceFileEntity } from '../entities/compliance-evidence-file.entity.js';
import { ComplianceRoundEntity, RoundStage } from '../entities/compliance-round.entity.js';
import { ComplianceAccess } from '../compliance-access.js';
import { checkEvidenceFile } from './file-sniff.js';

/**
 * Evidence files on check items. Type and size are judged by content (and must match the name);
 * bytes are stored once per SHA-256 under FILES_DIR/compliance. (libs/rectification's FileStore is
 * not exported from its index, so this lib keeps its own small store.)
 */
@Injectable()
export class EvidenceService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly org: OrgService,
    private readonly config: AppConfig,
  ) {}

  async attach(actor: Actor, checkId: string, itemCode: string, fileName: string, content: Buffer): Promise<ComplianceEvidenceFileEntity> {
    const verdict = checkEvidenceFile(fileName, content);
    if (!verdict.ok) throw DomainException.field('file', verdict.reason);
    const { check, round } = await this.target(actor, checkId);
    const department = await this.org.placement(check.departmentId);
    AccessPolicy.enforce(AccessPolicy.canInspect(actor, department));
    if (check.inspectorId !== actor.userId) throw DomainException.forbidden('Forbidden: this check is assigned to another inspector');
    if (check.status === CheckStatus.SUBMITTED || (round.stage !== RoundStage.SCREENED && round.stage !== RoundStage.CHECKING)) {
      throw DomainException.conflict('Evidence is attached while the check is open');
    }
    const item = await this.tx.manager.findOneBy(ComplianceCheckItemEntity, { checkId, itemCode });
    if (!item) throw DomainException.field('itemCode', `no item ${itemCode} in this check`);
    const sha256 = createHash('sha256').update(content).digest('hex');
    await this.store(sha256, content);
    return this.tx.run(async (m) => {
      const saved = await m.save(
        m.create(ComplianceEvidenceFileEntity, {
          checkItemId: item.id,
          fileName: fileName.slice(0, 200),
          contentType: verdict.contentType,
          sizeBytes: content.length,
          sha256,
          storageKey: `compliance/${sha256}`,
          uploadedBy: actor.userId,
        }),
      );
      await this.audit.record(m, actor, {
        operation: 'attachComplianceEvidence',
        targetType: 'ComplianceCheckItem',
        targetId: item.id,
        after: { fileId: saved.id, fileName: saved.fileName, sha256, size: content.length },
      });
      return saved;
    });
  }

  async download(actor: Actor, fileId: string): Promise<{ file: ComplianceEvidenceFileEntity; content: Buffer }> {
    const file = await this.tx.manager.findOneBy(ComplianceEvidenceFileEntity, { id: fileId });
    const item = file && (await this.tx.manager.findOneBy(ComplianceCheckItemEntity, { id: file.checkItemId }));
    const check = item && (await this.tx.manager.findOneBy(ComplianceCheckEntity, { id: item.checkId }));
    const round = check && (await this.tx.manager.findOneBy(ComplianceRoundEntity, { id: check.roundId }));
    // The department reads its own evidence once the round is published.
    if (!file || !check || !round || !ComplianceAccess.canReadCheck(actor, round, check.departmentId))
      throw DomainException.notFound('EvidenceFile', fileId);
    const content = await readFile(join(this.config.filesDir, file.storageKey)).catch(() => undefined);
    if (!content) throw DomainException.notFound('EvidenceFile', fileId);
    return { file, content };
  }

  private async target(actor: Actor, checkId: string) {
    const check = await this.tx.manager.findOneBy(ComplianceCheckEntity, { id: checkId });
    const round = check && (await this.tx.manager.findOneBy(ComplianceRoundEntity, { id: check.roundId }));
    if (!check || !round || !ComplianceAccess.canReadRound(actor, round)) throw DomainException.notFound('ComplianceCheck', checkId);
    return { check, round };
  }

  private async store(sha256: string, content: Buffer): Promise<void> {
    const dir = join(this.config.filesDir, 'compliance');
    const path = join(dir, sha256);
    if (
      await stat(path).then(
        () => true,
        () => false,
      )
    )
      return;
    await mkdir(dir, { recursive: true });
    const temp = `${path}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(temp, content, { mode: 0o640 });
    await rename(temp, path);
  }
}
