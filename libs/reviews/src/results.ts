import { gradeFor, roundHalfUp, type GradeBand } from '@ducha/scoring';

export interface DepartmentResult {
  departmentId: string;
  departmentName: string;
  filesReviewed: number;
  meanScore: number;
  totalScore: number;
  grade: string;
  gradeLabel: string;
  gradeCounts: { EXCELLENT: number; GOOD: number; PASS: number; FAIL: number };
  rank: number;
  topFindingGroups: { group: string; count: number }[];
}

export interface CampaignResults {
  files: number;
  meanScore: number;
  departments: DepartmentResult[];
  /** Most frequent problems across the campaign (typical problems of the bulletin). */
  typicalProblems: { group: string; title: string; count: number }[];
}

export interface ScoredFile {
  departmentId: string;
  score: number;
  grade: string;
  bands: readonly GradeBand[];
}

export interface FindingSummary {
  departmentId: string;
  group: string;
  title: string;
}

/** Department results, ranked by mean score (ties by total score, then by name). */
export function computeResults(
  files: readonly ScoredFile[],
  findings: readonly FindingSummary[],
  names: ReadonlyMap<string, string>,
): CampaignResults {
  const byDept = new Map<string, ScoredFile[]>();
  for (const f of files) byDept.set(f.departmentId, [...(byDept.get(f.departmentId) ?? []), f]);
  const departments: DepartmentResult[] = [...byDept].map(([departmentId, list]) => {
    const total = list.reduce((s, f) => s + f.score, 0);
    const mean = roundHalfUp(total / list.length, 2);
    const band = gradeFor(list[0].bands, mean);
    const counts = { EXCELLENT: 0, GOOD: 0, PASS: 0, FAIL: 0 };
    for (const f of list) counts[f.grade as keyof typeof counts]++;
    const groups = new Map<string, number>();
    for (const x of findings) if (x.departmentId === departmentId) groups.set(x.group, (groups.get(x.group) ?? 0) + 1);
    return {
      departmentId,
      departmentName: names.get(departmentId) ?? departmentId,
      filesReviewed: list.length,
      meanScore: mean,
      totalScore: roundHalfUp(total, 2),
      grade: band.grade,
      gradeLabel: band.label,
      gradeCounts: counts,
      rank: 0,
      topFindingGroups: [...groups]
        .map(([group, count]) => ({ group, count }))
        .sort((a, b) => b.count - a.count || a.group.localeCompare(b.group))
        .slice(0, 3),
    };
  });
  departments.sort((a, b) => b.meanScore - a.meanScore || b.totalScore - a.totalScore || a.departmentName.localeCompare(b.departmentName));
  departments.forEach((d, i) => {
    const prev = departments[i - 1];
    d.rank = prev && prev.meanScore === d.meanScore && prev.totalScore === d.totalScore ? prev.rank : i + 1;
  });
  const problems = new Map<string, { group: string; title: string; count: number }>();
  for (const f of findings) {
    const key = `${f.group}\u0000${f.title}`;
    const p = problems.get(key) ?? { group: f.group, title: f.title, count: 0 };
    p.count++;
    problems.set(key, p);
  }
  const allTotal = files.reduce((s, f) => s + f.score, 0);
  return {
    files: files.length,
    meanScore: files.length ? roundHalfUp(allTotal / files.length, 2) : 0,
    departments,
    typicalProblems: [...problems.values()].sort((a, b) => b.count - a.count || a.title.localeCompare(b.title)).slice(0, 10),
  };
}
