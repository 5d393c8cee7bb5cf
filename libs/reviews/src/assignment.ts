import type { Decision } from '@ducha/org';

export interface AssignableFile {
  id: string;
  departmentId: string;
}

/** Why reviewer r may not take file f, or undefined when allowed. */
export type Eligibility = (fileId: string, reviewerId: string) => Decision;

/**
 * Gives each file `perFile` distinct reviewers from `team`, never one the rules refuse, always the
 * least-loaded eligible ones (ties by team order). Files with the fewest eligible reviewers go
 * first, so scarce reviewers are not used up by easy files. When everyone may review everything,
 * no reviewer ends more than one file above another.
 */
export function assignReviewers(
  files: readonly AssignableFile[],
  team: readonly string[],
  perFile: number,
  eligible: Eligibility,
): { assignments: Map<string, string[]>; blocked: { fileId: string; reasons: string[] }[] } {
  const load = new Map(team.map((r) => [r, 0]));
  const options = files.map((f) => ({ file: f, decisions: team.map((r) => ({ r, d: eligible(f.id, r) })) }));
  options.sort(
    (a, b) =>
      a.decisions.filter((x) => x.d.allowed).length - b.decisions.filter((x) => x.d.allowed).length || a.file.id.localeCompare(b.file.id),
  );
  const assignments = new Map<string, string[]>();
  const blocked: { fileId: string; reasons: string[] }[] = [];
  for (const { file, decisions } of options) {
    const allowed = decisions.filter((x) => x.d.allowed).map((x) => x.r);
    if (allowed.length < perFile) {
      blocked.push({
        fileId: file.id,
        reasons: [...new Set(decisions.filter((x) => !x.d.allowed).map((x) => `${x.d.rule}: ${x.d.reason}`))],
      });
      continue;
    }
    const chosen = allowed
      .map((r, i) => ({ r, i }))
      .sort((a, b) => load.get(a.r)! - load.get(b.r)! || a.i - b.i)
      .slice(0, perFile)
      .map((x) => x.r);
    for (const r of chosen) load.set(r, load.get(r)! + 1);
    assignments.set(file.id, chosen);
  }
  return { assignments, blocked };
}
