import { returning } from '@ducha/database';
import type { EntityManager } from 'typeorm';
import type { CaseFileDraft } from './case-file-row.js';

const CHUNK = 5000;

const COLUMNS: [string, string, (d: CaseFileDraft & { departmentId: string }) => unknown][] = [
  ['department_id', 'uuid', (d) => d.departmentId],
  ['file_no', 'text', (d) => d.fileNo],
  ['case_type', 'text', (d) => d.caseType],
  ['sector', 'text', (d) => d.sector],
  ['cause', 'text', (d) => d.cause],
  ['party_name', 'text', (d) => d.partyName],
  ['party_kind', 'text', (d) => d.partyKind],
  ['party_id_no', 'text', (d) => d.partyIdNo],
  ['officer_certificate_nos', 'text', (d) => d.officerCertificateNos.join('|')],
  ['filed_date', 'date', (d) => d.filedDate],
  ['decision_date', 'date', (d) => d.decisionDate],
  ['disclosed_date', 'date', (d) => d.disclosedDate],
  ['closed_date', 'date', (d) => d.closedDate],
  ['legal_review_submitted_date', 'date', (d) => d.legalReviewSubmittedDate],
  ['legal_review_finished_date', 'date', (d) => d.legalReviewFinishedDate],
  ['legal_review_passed', 'boolean', (d) => d.legalReviewPassed],
  ['legal_review_extended', 'boolean', (d) => d.legalReviewExtended],
  ['penalty_kinds', 'text', (d) => d.penaltyKinds.join('|')],
  ['fine_fen', 'bigint', (d) => d.fineFen],
  ['major', 'boolean', (d) => d.major],
  ['hearing_held', 'boolean', (d) => d.hearingHeld],
  ['on_site_coercion', 'text', (d) => d.onSiteCoercion],
  ['av_recorded', 'boolean', (d) => d.avRecorded],
  ['av_filed', 'boolean', (d) => d.avFiled],
];
const ARRAY_COLUMNS = new Set(['officer_certificate_nos', 'penalty_kinds']);
const names = COLUMNS.map(([n]) => n);
const selected = names.map((n) => (ARRAY_COLUMNS.has(n) ? `string_to_array(u.${n}, '|')` : `u.${n}`));
const updatable = names.filter((n) => n !== 'department_id' && n !== 'file_no');
const UPSERT_SQL = `
  INSERT INTO case_file (${names.join(', ')})
  SELECT ${selected.join(', ')}
  FROM unnest(${COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')}) AS u(${names.join(', ')})
  ON CONFLICT (department_id, file_no) DO UPDATE SET
    ${updatable.map((n) => `${n} = EXCLUDED.${n}`).join(', ')}, version = case_file.version + 1, updated_at = now()
  WHERE (${updatable.map((n) => `case_file.${n}`).join(', ')}) IS DISTINCT FROM (${updatable.map((n) => `EXCLUDED.${n}`).join(', ')})
  RETURNING (xmax = 0) AS inserted`;

/**
 * Writes validated rows in a few set-based statements (one per 5,000 rows). An existing
 * (department, file number) is updated only when something changed, so re-importing the same sheet
 * writes nothing and never duplicates.
 */
export async function upsertCaseFiles(
  m: EntityManager,
  rows: (CaseFileDraft & { departmentId: string })[],
): Promise<{ created: number; updated: number }> {
  let created = 0;
  let updated = 0;
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const params = COLUMNS.map(([, , get]) => chunk.map(get));
    const result = await returning<{ inserted: boolean }>(m, UPSERT_SQL, params);
    const inserted = result.filter((r) => r.inserted).length;
    created += inserted;
    updated += result.length - inserted;
  }
  return { created, updated };
}
