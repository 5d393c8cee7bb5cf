import { Injectable } from '@nestjs/common';
import { AuditService } from '@ducha/audit';
import { DomainException, isXlsx, matchColumns, readSheet, type Actor, type Sheet, type SheetRow } from '@ducha/common';
import { Role } from '@ducha/contracts';
import { TransactionRunner } from '@ducha/database';
import type { ImportReport, ImportRowError } from '@ducha/org';
import { OutboxService } from '@ducha/realtime';
import type { EntityManager } from 'typeorm';
import { checkDraft, OPTIONAL_COLUMNS, parseCells, REQUIRED_COLUMNS, type CaseFileDraft, type Cells } from './case-file-row.js';
import { upsertCaseFiles } from './case-file-writer.js';

const HEADERS: Record<string, string> = Object.fromEntries(
  Object.entries({ ...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS }).map(([field, aliases]) => [field, aliases[0]]),
);
HEADERS.fineFen = '罚款金额（元）';

/** What an import reads and who may write it; shared by the sheet upload, the JSON mutation and the job. */
@Injectable()
export class CaseFileImportService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  /** Parses an .xlsx or CSV sheet with Chinese headers into drafts, or a failed report. */
  async parseSheet(content: Buffer): Promise<{ drafts: CaseFileDraft[]; errors: ImportRowError[] } | { report: ImportReport }> {
    const sheet = await readCaseSheet(content);
    const required = matchColumns(sheet.headers, REQUIRED_COLUMNS as unknown as Record<string, readonly string[]>);
    if (required.missing.length) {
      return {
        report: failed(
          sheet.rows.length,
          required.missing.map((f) => ({ row: 1, column: HEADERS[f], reason: 'column is missing' })),
        ),
      };
    }
    if (sheet.rows.length === 0) throw DomainException.field('file', 'the sheet has no data rows');
    const optional = matchColumns(sheet.headers, OPTIONAL_COLUMNS as unknown as Record<string, readonly string[]>).columns;
    const columns = { ...required.columns, ...optional } as Record<string, string | undefined>;
    const errors: ImportRowError[] = [];
    const err = (row: number, field: string, reason: string) => errors.push({ row, column: HEADERS[field] ?? field, reason });
    const drafts = sheet.rows.map((r) => {
      const cells: Cells = {};
      for (const [field, header] of Object.entries(columns)) if (header) cells[field as keyof Cells] = r.cells[header];
      return parseCells(r.row, cells, err);
    });
    return { drafts, errors };
  }

  /**
   * Validates every draft and writes all of them or none. Department officers import their own
   * department's files; administrators and inspectors any department of their region.
   */
  async importDrafts(actor: Actor, drafts: CaseFileDraft[], source: string, parseErrors: ImportRowError[] = []): Promise<ImportReport> {
    mayImport(actor);
    if (drafts.length === 0) throw DomainException.field('rows', 'there are no rows to import');
    return this.tx.run(async (m) => {
      const errors: ImportRowError[] = [...parseErrors];
      const err = (row: number, field: string, reason: string) => {
        if (!errors.some((e) => e.row === row && e.column === (HEADERS[field] ?? field)))
          errors.push({ row, column: HEADERS[field] ?? field, reason });
      };
      const departments = await departmentsByCode(
        m,
        actor,
        drafts.map((d) => d.departmentCode),
      );
      const seen = new Map<string, number>();
      const rows = drafts.map((d) => {
        checkDraft(d, err);
        const dept = departments.get(d.departmentCode);
        if (!dept) err(d.row, 'departmentCode', `no department with code ${d.departmentCode} in your area`);
        else if (!actor.roles.some((r) => r === Role.ADMIN || r === Role.INSPECTOR) && dept.id !== actor.unitId) {
          err(d.row, 'departmentCode', "you may import only your own department's files");
        }
        const key = `${d.departmentCode}\u0000${d.fileNo}`;
        if (seen.has(key)) err(d.row, 'fileNo', `duplicates row ${seen.get(key)}`);
        else seen.set(key, d.row);
        return { ...d, departmentId: dept?.id ?? '', regionPath: dept?.path ?? '' };
      });
      if (errors.length) return failed(drafts.length, errors);
      const { created, updated } = await upsertCaseFiles(m, rows);
      await this.audit.record(m, actor, {
        operation: 'importCaseFiles',
        targetType: 'CaseFileImport',
        targetId: source,
        after: { rows: rows.length, created, updated, departments: [...new Set(rows.map((r) => r.departmentCode))] },
      });
      const scopePath = rows.length && rows.every((r) => r.departmentId === rows[0].departmentId) ? rows[0].regionPath : actor.regionPath;
      const departmentId = rows.every((r) => r.departmentId === rows[0].departmentId) ? rows[0].departmentId : null;
      await this.outbox.emit(
        m,
        'import.progressed',
        { regionPath: scopePath, departmentId },
        { importId: source, kind: 'CASE_FILES', done: rows.length, total: rows.length, finished: true },
      );
      return { ok: true, rows: rows.length, created, updated, errors: [] };
    });
  }
}

export function mayImport(actor: Actor): void {
  if (!actor.roles.some((r) => r === Role.ADMIN || r === Role.INSPECTOR || r === Role.DEPARTMENT_OFFICER)) {
    throw DomainException.forbidden('Forbidden: only administrators, inspectors and department officers import case files');
  }
}

async function departmentsByCode(m: EntityManager, actor: Actor, codes: string[]): Promise<Map<string, { id: string; path: string }>> {
  const wanted = [...new Set(codes.filter(Boolean))];
  if (!wanted.length) return new Map();
  const found: { code: string; id: string; path: string }[] = await m.query(
    `SELECT u.code, u.id, r.path FROM unit u JOIN region r ON r.id = u.region_id WHERE u.code = ANY($1) AND r.path LIKE $2`,
    [wanted, `${actor.regionPath}%`],
  );
  return new Map(found.map((u) => [u.code, { id: u.id, path: u.path }]));
}

export function failed(rows: number, errors: ImportRowError[]): ImportReport {
  return { ok: false, rows, created: 0, updated: 0, errors: errors.sort((a, b) => a.row - b.row).slice(0, 1000) };
}

/**
 * Reads the sheet. A CSV without any quote character (what the departments' systems export) is
 * split directly, which is several times faster for large files; anything else goes through the
 * general reader.
 */
export async function readCaseSheet(content: Buffer): Promise<Sheet> {
  if (isXlsx(content) || content.includes(0x22)) return readSheet(content);
  const text = content.toString('utf8').replace(/^\uFEFF/, '');
  const lines = text.split(/\r?\n/);
  const headers = (lines[0] ?? '').split(',').map((h) => h.trim());
  if (!headers.some(Boolean)) throw DomainException.field('file', 'the first row must hold the column headers');
  const rows: SheetRow[] = [];
  for (let i = 1; i < lines.length; i++) {
    if (!lines[i].trim()) continue;
    const values = lines[i].split(',');
    const cells: Record<string, string> = {};
    for (let c = 0; c < headers.length; c++) if (headers[c]) cells[headers[c]] = (values[c] ?? '').trim();
    if (Object.values(cells).some(Boolean)) rows.push({ row: i + 1, cells });
  }
  return { headers, rows };
}
