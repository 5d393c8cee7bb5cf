import type { ExportFileEntity } from './export-file.entity.js';
import type { ExportJob } from './models/export-job.model.js';

export function toExportJobModel(e: ExportFileEntity): ExportJob {
  return { id: e.id, kind: e.kind, status: e.status, done: e.done, total: e.total, fileName: e.fileName, error: e.error };
}
