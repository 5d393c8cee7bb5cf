import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JobHandlers, JobName } from '@ducha/queue';
import { AuditSealer } from './audit-sealer.js';

/** The `audit.seal` job: a scheduler runs it every few seconds, so the chain trails commits by seconds. */
@Injectable()
export class AuditSealJob implements OnModuleInit {
  constructor(
    private readonly handlers: JobHandlers,
    private readonly sealer: AuditSealer,
  ) {}

  onModuleInit(): void {
    this.handlers.register(JobName.AUDIT_SEAL, async () => ({ sealed: await this.sealer.sealPending() }));
  }
}
