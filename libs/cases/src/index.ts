export { CasesModule } from './cases.module.js';
export { CaseFileService, type CaseFileFilter, type DrawCandidate } from './case-file.service.js';
export { CaseFileImportService } from './case-file-import.service.js';
export { CaseFileEntity } from './case-file.entity.js';
export { upsertCaseFiles } from './case-file-writer.js';
export { parseCells, checkDraft, REQUIRED_COLUMNS, OPTIONAL_COLUMNS, type CaseFileDraft } from './case-file-row.js';
export {
  CaseType,
  PartyKind,
  PenaltyKind,
  OnSiteCoercion,
  CASE_TYPE_NAMES,
  PENALTY_KIND_NAMES,
  COERCION_NAMES,
  PARTY_KIND_NAMES,
  maskIdNo,
} from './case-file.types.js';
export { CaseFile, CaseFilePage } from './models/case-file.model.js';
export { toCaseFileModel } from './case-file.mapper.js';
