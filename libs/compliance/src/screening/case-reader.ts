import type { EntityManager } from 'typeorm';
import type { ScreenCase, ScreenOfficer } from '../screens/index.js';

/**
 * Reads the `case_file` table (owned by libs/cases) directly, set-based and in keyset-paged batches,
 * because screening a province (1,000,000 files) must never hold all rows in memory nor go through
 * an entity per row. Read-only; the columns are those of migrations CaseFiles1795320000001 and
 * LegalReviewExtension1795400000101.
 */
const CASE_COLUMNS = `id, department_id, file_no, case_type, decision_date, disclosed_date,
  legal_review_submitted_date, legal_review_finished_date, legal_review_passed, legal_review_extended, major, hearing_held,
  on_site_coercion, av_recorded, av_filed, officer_certificate_nos, party_kind, fine_fen::float8 AS fine_fen,
  penalty_kinds, closed_date`;

export interface CaseScope {
  /** null = every department (the standing screen). */
  departmentIds: readonly string[] | null;
  /** A case belongs to the period by its decision date, or its closing date when it has no decision. */
  from: string;
  to: string;
}

interface CaseRow {
  id: string;
  department_id: string;
  file_no: string;
  case_type: string;
  decision_date: string | null;
  disclosed_date: string | null;
  legal_review_submitted_date: string | null;
  legal_review_finished_date: string | null;
  legal_review_passed: boolean | null;
  legal_review_extended: boolean;
  major: boolean;
  hearing_held: boolean;
  on_site_coercion: string | null;
  av_recorded: boolean;
  av_filed: boolean;
  officer_certificate_nos: string[];
  party_kind: string | null;
  fine_fen: number;
  penalty_kinds: string[];
  closed_date: string | null;
}

function toScreenCase(r: CaseRow): ScreenCase {
  return {
    id: r.id,
    fileNo: r.file_no,
    departmentId: r.department_id,
    caseType: r.case_type,
    decisionDate: r.decision_date,
    disclosedDate: r.disclosed_date,
    legalReviewSubmittedDate: r.legal_review_submitted_date,
    legalReviewFinishedDate: r.legal_review_finished_date,
    legalReviewPassed: r.legal_review_passed,
    legalReviewExtended: r.legal_review_extended,
    major: r.major,
    hearingHeld: r.hearing_held,
    onSiteCoercion: r.on_site_coercion,
    avRecorded: r.av_recorded,
    avFiled: r.av_filed,
    officerCertificateNos: r.officer_certificate_nos ?? [],
    partyKind: r.party_kind,
    fineFen: Number(r.fine_fen),
    penaltyKinds: r.penalty_kinds ?? [],
    closedDate: r.closed_date,
  };
}

const PERIOD = `COALESCE(decision_date, closed_date) BETWEEN $1 AND $2`;
/** Heap pages per batch of the whole-table read (~8-12k rows of case_file). */
const PAGES_PER_BATCH = 256;

/**
 * Yields the scope's case files in batches, each one query, never more than one batch (plus the one
 * being fetched) in memory. A round's departments are read department by department through the
 * department index, keyset by id; the whole table (the standing screen) is read in ranges of heap
 * pages (a TID range scan: sequential, no sort, independent of planner statistics), with the next
 * range fetched while the current one is screened. Rows inserted after the read started are left
 * for the next run.
 */
export async function* readCaseBatches(m: EntityManager, scope: CaseScope, batchSize = 5000): AsyncGenerator<ScreenCase[]> {
  if (scope.departmentIds) {
    for (const departmentId of scope.departmentIds) yield* departmentBatches(m, scope, departmentId, batchSize);
    return;
  }
  const [{ pages }] = await m.query(`SELECT (pg_relation_size('case_file') / current_setting('block_size')::int)::int AS pages`);
  const range = (first: number): Promise<CaseRow[]> =>
    m.query(`SELECT ${CASE_COLUMNS} FROM case_file WHERE ctid >= $3::tid AND ctid < $4::tid AND ${PERIOD}`, [
      scope.from,
      scope.to,
      `(${first},0)`,
      `(${first + PAGES_PER_BATCH},0)`,
    ]);
  let next = pages > 0 ? range(0) : undefined;
  try {
    for (let first = 0; next; first += PAGES_PER_BATCH) {
      const rows = await next;
      next = first + PAGES_PER_BATCH < pages ? range(first + PAGES_PER_BATCH) : undefined;
      if (rows.length) yield rows.map(toScreenCase);
    }
  } finally {
    // A consumer that stops early must not leave a rejected prefetch unhandled.
    next?.catch(() => undefined);
  }
}

async function* departmentBatches(
  m: EntityManager,
  scope: CaseScope,
  departmentId: string,
  batchSize: number,
): AsyncGenerator<ScreenCase[]> {
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows: CaseRow[] = await m.query(
      `SELECT ${CASE_COLUMNS} FROM case_file WHERE department_id = $3 AND id > $4 AND ${PERIOD} ORDER BY id LIMIT $5`,
      [scope.from, scope.to, departmentId, after, batchSize],
    );
    if (rows.length) yield rows.map(toScreenCase);
    if (rows.length < batchSize) return;
    after = rows[rows.length - 1].id;
  }
}

/** Number of case files in the scope (for progress). */
export async function countCases(m: EntityManager, scope: CaseScope): Promise<number> {
  const params: unknown[] = [scope.from, scope.to];
  let where = `COALESCE(decision_date, closed_date) BETWEEN $1 AND $2`;
  if (scope.departmentIds) {
    params.push(scope.departmentIds);
    where += ` AND department_id = ANY($3::uuid[])`;
  }
  const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM case_file WHERE ${where}`, params);
  return n;
}

/**
 * The officer registry of the departments in scope (through the org lib's table, read-only) plus
 * every officer named by certificate anywhere: a case may name an officer of another unit.
 */
export async function readOfficers(m: EntityManager): Promise<ScreenOfficer[]> {
  return m.query(`SELECT certificate_no AS "certificateNo", name, unit_id AS "unitId", valid_from AS "validFrom",
    valid_to AS "validTo", legal_qualification AS "legalQualification", legal_reviewer AS "legalReviewer" FROM officer`);
}
