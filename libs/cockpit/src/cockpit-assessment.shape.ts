import type { CockpitAssessment } from './models/cockpit-assessment.model.js';

const ratio = (num: number, den: number): number | null => (den > 0 ? Math.round((num / den) * 10000) / 10000 : null);
const mean = (sum: number, n: number): number | null => (n > 0 ? Math.round((sum / n) * 100) / 100 : null);
const MEASURE_STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'DONE'];

/** One row of `cockpit_region_assessment` for the region and year (numbers may arrive as JSON strings or numbers). */
export interface RegionAssessmentRow {
  quarter: number;
  key: string;
  label: string | null;
  num: string | number;
  den: string | number;
  departments: number;
}

/** What the snapshot statement reads for the assessment figures (see cockpit-snapshot.sql.ts). */
export interface AssessmentRead {
  year: number;
  /** The quarter shown (0 = the annual score), chosen by the statement; null before any score. */
  quarter: number | null;
  rows: RegionAssessmentRow[];
  ranking: { department_id: string; department_name: string | null; num: string | number }[];
  measuresLate: number;
  lateMeasures: Record<string, string | number>[];
}

/**
 * The region's assessment figures for the period's year: mean score per quarter (0 = annual), the
 * ranking and first-level indicators of the quarter shown, the RATE statistics by quarter, the
 * measures by status and the late ones.
 */
export function assessmentFigures(read: AssessmentRead): CockpitAssessment {
  const { rows, quarter } = read;
  return {
    year: read.year,
    quarter,
    scores: rows
      .filter((r) => r.key === 'score')
      .map((r) => ({ quarter: r.quarter, departments: r.departments, meanScore: mean(Number(r.num), r.departments) })),
    ranking: read.ranking.map((r, i) => ({
      rank: i + 1,
      departmentId: r.department_id,
      departmentName: r.department_name ?? '',
      score: Number(r.num),
    })),
    indicators: rows
      .filter((r) => r.quarter === quarter && r.key.startsWith('level1:'))
      .map((r) => ({
        code: r.key.slice(7),
        title: r.label ?? '',
        earned: Number(r.num),
        weight: Number(r.den),
        rate: ratio(Number(r.num), Number(r.den)),
      })),
    rates: rows
      .filter((r) => r.key.startsWith('rate:'))
      .map((r) => ({
        quarter: r.quarter,
        key: r.key.slice(5),
        numerator: Number(r.num),
        denominator: Number(r.den),
        rate: ratio(Number(r.num), Number(r.den)),
        departments: r.departments,
      })),
    measures: MEASURE_STATUSES.map((status) => ({
      key: status,
      count: Number(rows.find((r) => r.quarter === 0 && r.key === `measures:${status}`)?.num ?? 0),
    })),
    measuresLate: read.measuresLate,
    lateMeasures: read.lateMeasures.map((r) => ({
      measureId: String(r.measure_id),
      code: String(r.code),
      title: String(r.title),
      leadUnitName: String(r.lead_unit_name),
      status: String(r.status),
      deadline: String(r.due),
      daysLate: Number(r.days),
    })),
  };
}
