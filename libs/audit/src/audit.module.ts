import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEntryEntity } from './audit-entry.entity.js';
import { AuditSealJob } from './audit-seal.job.js';
import { AuditSealer } from './audit-sealer.js';
import { AuditService } from './audit.service.js';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AuditEntryEntity])],
  providers: [AuditService, AuditSealer, AuditSealJob],
  exports: [AuditService, AuditSealer],
})
export class AuditModule {}
