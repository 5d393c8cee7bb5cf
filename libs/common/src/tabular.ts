import ExcelJS from 'exceljs';
import { DomainException } from './domain.exception.js';

/** One data row of an imported sheet, keyed by the header's text, with its spreadsheet row number. */
export interface SheetRow {
  row: number;
  cells: Record<string, string>;
}

export interface Sheet {
  headers: string[];
  rows: SheetRow[];
}

const XLSX_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export function isXlsx(content: Buffer): boolean {
  return XLSX_MAGIC.every((byte, i) => content[i] === byte);
}

/** Reads the first worksheet of an .xlsx file or a UTF-8 CSV, decided by content, not by name. */
export async function readSheet(content: Buffer): Promise<Sheet> {
  return isXlsx(content) ? readXlsx(content) : readCsv(content.toString('utf8'));
}

async function readXlsx(content: Buffer): Promise<Sheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw DomainException.field('file', 'is not a readable .xlsx workbook');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw DomainException.field('file', 'the workbook has no worksheet');
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const values: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      values[col - 1] = cellText(cell.value);
    });
    table[rowNumber - 1] = values;
  });
  return toSheet(Array.from(table, (r) => r ?? []));
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('text' in value && typeof value.text === 'string') return value.text.trim();
    if ('richText' in value)
      return value.richText
        .map((t) => t.text)
        .join('')
        .trim();
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value).trim();
}

/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF, an optional BOM. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (quoted) throw DomainException.field('file', `unterminated quoted field on line ${rows.length + 1}`);
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function readCsv(text: string): Sheet {
  return toSheet(parseCsv(text).map((r) => r.map((c) => c.trim())));
}

function toSheet(table: string[][]): Sheet {
  const [header, ...body] = table;
  if (!header || header.every((h) => !h)) throw DomainException.field('file', 'the first row must hold the column headers');
  const headers = header.map((h) => (h ?? '').trim());
  const rows: SheetRow[] = [];
  body.forEach((values, i) => {
    if (values.every((v) => !v)) return; // blank lines are not rows
    const cells: Record<string, string> = {};
    headers.forEach((h, col) => {
      if (h) cells[h] = (values[col] ?? '').trim();
    });
    rows.push({ row: i + 2, cells });
  });
  return { headers, rows };
}

/**
 * Maps a sheet's headers (Chinese as offices keep them, or English field names) onto fields.
 * Returns the header found for each field, and the fields with no column.
 */
export function matchColumns<F extends string>(
  headers: string[],
  aliases: Record<F, readonly string[]>,
): { columns: Record<F, string | undefined>; missing: F[] } {
  const normalized = new Map(headers.map((h) => [h.replace(/\s+/g, '').toLowerCase(), h]));
  const columns = {} as Record<F, string | undefined>;
  const missing: F[] = [];
  for (const field of Object.keys(aliases) as F[]) {
    const found = [field as string, ...aliases[field]].map((a) => normalized.get(a.replace(/\s+/g, '').toLowerCase())).find(Boolean);
    columns[field] = found;
    if (!found) missing.push(field);
  }
  return { columns, missing };
}

/** Hears how many rows are written so far; awaited, so a slow listener slows the writer instead of piling up. */
export type RowsWritten = (written: number) => Promise<void>;

/**
 * Writes rows as an .xlsx workbook with a bold header row (exports and templates). `progress`
 * hears the rows written about twenty times in all (never more often than every 1,000 rows), the
 * last time with every row.
 */
export async function writeSheet(
  name: string,
  headers: string[],
  rows: (string | number | null)[][],
  progress?: RowsWritten,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(name);
  sheet.addRow(headers).font = { bold: true };
  const every = Math.max(1000, Math.ceil(rows.length / 20));
  for (let i = 0; i < rows.length; i++) {
    sheet.addRow(rows[i]);
    if (progress && ((i + 1) % every === 0 || i + 1 === rows.length)) await progress(i + 1);
  }
  sheet.columns.forEach((c) => (c.width = 18));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
