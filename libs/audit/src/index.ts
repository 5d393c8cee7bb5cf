export { AuditModule } from './audit.module.js';
export { AuditService, type AuditChange } from './audit.service.js';
export { AuditSealer } from './audit-sealer.js';
export { verifyAuditChain, type VerifyResult, type ChainBreak } from './audit-verifier.js';
export { AuditEntryEntity } from './audit-entry.entity.js';
export { canonicalJson, entryHash, GENESIS_HASH } from './audit-hash.js';
