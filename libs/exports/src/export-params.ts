/** What an export is of, as requested and stored: each kind reads the fields it needs. */
export interface ExportParams {
  /** The campaign, round, task or framework. */
  targetId?: string;
  year?: number;
  /** 1–4, or 0 for the annual score. */
  quarter?: number;
  /** The ledger's filters, named and written as in the GET export's query string. */
  filter?: Record<string, unknown>;
}

/** A built file. */
export interface BuiltFile {
  fileName: string;
  contentType: string;
  content: Buffer;
}

/** How far a build got: `done` of `total` (rows for the ledger, steps for a document). */
export type BuildProgress = (done: number, total: number) => Promise<void>;

export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
