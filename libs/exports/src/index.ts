export { ExportsModule } from './exports.module.js';
export { ExportKind, ExportStatus } from './exports.enums.js';
export { ExportFileJob, EXPORT_KEEP_MS, EXPORT_PROGRESS_KIND } from './export-file.job.js';
