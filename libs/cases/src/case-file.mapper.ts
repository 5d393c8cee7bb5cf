import type { CaseFileDraft } from './case-file-row.js';
import { CaseFileEntity } from './case-file.entity.js';
import { maskIdNo } from './case-file.types.js';
import type { CaseFileRowInput } from './dto/case-file.inputs.js';
import type { CaseFile } from './models/case-file.model.js';

export function toCaseFileModel(e: CaseFileEntity): CaseFile {
  const { partyIdNo, createdAt: _c, updatedAt: _u, ...rest } = e;
  return { ...rest, partyIdNoMasked: maskIdNo(partyIdNo) };
}

/** JSON rows are numbered from 1 in reports, like sheet rows after the header (row 2 = first). */
export function draftFromInput(input: CaseFileRowInput, index: number): CaseFileDraft {
  return {
    row: index + 1,
    departmentCode: input.departmentCode,
    fileNo: input.fileNo.trim(),
    caseType: input.caseType,
    sector: input.sector ?? '',
    cause: input.cause,
    partyName: input.partyName,
    partyKind: input.partyKind,
    partyIdNo: input.partyIdNo ?? '',
    officerCertificateNos: input.officerCertificateNos.map((s) => s.trim()).filter(Boolean),
    filedDate: input.filedDate,
    decisionDate: input.decisionDate ?? null,
    disclosedDate: input.disclosedDate ?? null,
    closedDate: input.closedDate,
    legalReviewSubmittedDate: input.legalReviewSubmittedDate ?? null,
    legalReviewFinishedDate: input.legalReviewFinishedDate ?? null,
    legalReviewPassed: input.legalReviewPassed ?? null,
    legalReviewExtended: input.legalReviewExtended ?? false,
    penaltyKinds: input.penaltyKinds ?? [],
    fineFen: input.fineFen ?? 0,
    major: input.major ?? false,
    hearingHeld: input.hearingHeld ?? false,
    onSiteCoercion: input.onSiteCoercion ?? null,
    avRecorded: input.avRecorded ?? false,
    avFiled: input.avFiled ?? false,
  };
}
