import type {
  AssessmentEvidenceFile,
  AssessmentFramework,
  AssessmentResult,
  AssessmentSelfScore,
  AssessmentStatistic,
  MeasureProgress,
} from './assessment.models.js';
import type { ResultRow } from './assessment-scoring.service.js';
import type { EvidenceFileRow } from './evidence.service.js';
import { leaves, type FrameworkRow } from './framework.js';

/** Rows (snake_case SQL results) to GraphQL models. */
export const toFramework = (r: FrameworkRow): AssessmentFramework => ({
  id: r.id,
  code: r.code,
  version: r.version,
  name: r.name,
  template: r.template,
  indicatorCount: leaves(r.template).length,
});

export const toResult = (r: ResultRow): AssessmentResult => ({
  departmentId: r.department_id,
  departmentName: r.department_name,
  year: r.year,
  quarter: r.quarter || null,
  score: Number(r.score),
  grade: r.grade,
  rank: r.rank,
  detail: r.detail,
  publishedAt: r.published_at,
});

export const toStatistic = (r: any): AssessmentStatistic => ({
  departmentId: r.department_id,
  year: r.year,
  quarter: r.quarter,
  key: r.key,
  numerator: r.numerator,
  denominator: r.denominator,
  revision: r.revision,
  current: r.current,
  reason: r.reason,
  submittedAt: r.submitted_at,
});

export const toEvidenceFile = (f: EvidenceFileRow): AssessmentEvidenceFile => ({
  id: f.id,
  fileName: f.file_name,
  size: f.size,
  mimeType: f.mime_type,
  sha256: f.sha256,
  uploadedAt: f.uploaded_at,
  downloadPath: `/files/assessment/progress/${f.progress_id}/${f.id}`,
});

export const toProgress = (r: any, files: readonly EvidenceFileRow[] = []): MeasureProgress => ({
  id: r.id,
  departmentId: r.department_id,
  year: r.year,
  quarter: r.quarter,
  status: r.status,
  text: r.text,
  reportedAt: r.reported_at,
  files: files.filter((f) => f.progress_id === r.id).map(toEvidenceFile),
});

export const toSelfScore = (r: any): AssessmentSelfScore => ({
  departmentId: r.department_id,
  indicatorCode: r.indicator_code,
  quarter: r.quarter,
  score: Number(r.score),
  note: r.note,
  scoredAt: r.scored_at,
});
