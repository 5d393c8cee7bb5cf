import { assignReviewers } from './assignment.js';
import { drawStratified, proportionalQuotas, seededRandom } from './draw.js';
import { computeResults } from './results.js';
import { needsRecheck } from './score-sheet.service.js';
import { PolicyRule } from '@ducha/org';

const bands = [
  { grade: 'EXCELLENT' as const, label: '优秀', min: 90 },
  { grade: 'PASS' as const, label: '合格', min: 60 },
  { grade: 'FAIL' as const, label: '不合格', min: 0 },
];

describe('drawStratified', () => {
  const candidates = ['d1', 'd2'].flatMap((d) => [
    ...Array.from({ length: 30 }, (_, i) => ({ id: `${d}-p${i}`, departmentId: d, caseType: 'PENALTY' })),
    ...Array.from({ length: 10 }, (_, i) => ({ id: `${d}-l${i}`, departmentId: d, caseType: 'LICENSING' })),
  ]);

  it("should split a department's quota across case types in proportion (largest remainder)", () => {
    expect(proportionalQuotas([30, 10], 4)).toEqual([3, 1]);
    expect(proportionalQuotas([1, 1, 1], 2)).toEqual([1, 1, 0]);
    expect(proportionalQuotas([2, 1], 10)).toEqual([2, 1]);
  });

  it('should draw the same files from the same seed and different files from another', () => {
    const a = drawStratified(candidates, 8, 'seed-a');
    expect(
      drawStratified(
        candidates.map((c) => ({ ...c })),
        8,
        'seed-a',
      ).ids,
    ).toEqual(a.ids);
    expect(drawStratified(candidates, 8, 'seed-b').ids.sort()).not.toEqual([...a.ids].sort());
    expect(new Set(a.ids).size).toBe(16);
    expect(a.strata).toContainEqual({ departmentId: 'd1', caseType: 'PENALTY', eligible: 30, drawn: 6 });
  });

  it('should take every file when a department has fewer than asked, and keep departments independent', () => {
    expect(drawStratified(candidates, 100, 's').ids).toHaveLength(80);
    const alone = drawStratified(
      candidates.filter((c) => c.departmentId === 'd2'),
      8,
      's',
    ).ids;
    expect(drawStratified(candidates, 8, 's').ids.filter((id) => id.startsWith('d2'))).toEqual(alone);
  });

  it('should spread a seeded stream over [0, 1)', () => {
    const r = seededRandom('x');
    const xs = Array.from({ length: 1000 }, r);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
  });
});

describe('assignReviewers', () => {
  const files = Array.from({ length: 10 }, (_, i) => ({ id: `f${i}`, departmentId: i < 3 ? 'own' : 'other' }));
  const allow = { allowed: true, rule: PolicyRule.OFFICE_SUBTREE, reason: 'ok' };
  const deny = { allowed: false, rule: PolicyRule.RECUSAL_OWN_DEPARTMENT, reason: 'own department' };

  it('should give distinct reviewers, never a recused one, and balance the load within one file', () => {
    const { assignments, blocked } = assignReviewers(files, ['a', 'b', 'c'], 2, (f, r) =>
      r === 'c' && Number(f.slice(1)) < 3 ? deny : allow,
    );
    expect(blocked).toEqual([]);
    for (const [f, rs] of assignments) {
      expect(new Set(rs).size).toBe(2);
      if (Number(f.slice(1)) < 3) expect(rs).not.toContain('c');
    }
    const load = ['a', 'b', 'c'].map((r) => [...assignments.values()].filter((rs) => rs.includes(r)).length);
    expect(Math.max(...load) - Math.min(...load)).toBeLessThanOrEqual(1);
  });

  it('should name the blocking rule when a file cannot be staffed', () => {
    const { blocked } = assignReviewers(files.slice(0, 1), ['a', 'b'], 2, (_f, r) => (r === 'a' ? deny : allow));
    expect(blocked).toEqual([{ fileId: 'f0', reasons: ['RECUSAL_OWN_DEPARTMENT: own department'] }]);
  });
});

describe('results and re-check rule', () => {
  it('should rank by mean, break ties by total, and give equal departments the same rank', () => {
    const f = (departmentId: string, score: number, grade = score >= 90 ? 'EXCELLENT' : score >= 60 ? 'PASS' : 'FAIL') => ({
      departmentId,
      score,
      grade,
      bands,
    });
    const r = computeResults(
      [f('a', 80), f('a', 80), f('b', 80), f('c', 95), f('c', 0)],
      [{ departmentId: 'c', group: '执法程序', title: 'L14' }],
      new Map([
        ['a', 'A'],
        ['b', 'B'],
        ['c', 'C'],
      ]),
    );
    expect(r.departments.map((d) => [d.departmentName, d.rank, d.meanScore, d.grade])).toEqual([
      ['A', 1, 80, 'PASS'],
      ['B', 2, 80, 'PASS'],
      ['C', 3, 47.5, 'FAIL'],
    ]);
    expect(r.departments[2].gradeCounts).toEqual({ EXCELLENT: 1, GOOD: 0, PASS: 0, FAIL: 1 });
    expect(r.typicalProblems).toEqual([{ group: '执法程序', title: 'L14', count: 1 }]);
  });

  it('should send sheets to re-check below the fail line, in different grades, or too far apart', () => {
    const rule = { belowFailLine: true, differentGrades: true, maxSpread: 10 };
    expect(
      needsRecheck(rule, [
        { score: 95, grade: 'EXCELLENT' },
        { score: 91, grade: 'EXCELLENT' },
      ]),
    ).toBe(false);
    expect(
      needsRecheck(rule, [
        { score: 95, grade: 'EXCELLENT' },
        { score: 85, grade: 'PASS' },
      ]),
    ).toBe(true);
    expect(
      needsRecheck({ ...rule, differentGrades: false }, [
        { score: 89, grade: 'PASS' },
        { score: 75, grade: 'PASS' },
      ]),
    ).toBe(true);
    expect(
      needsRecheck({ belowFailLine: true, differentGrades: false, maxSpread: null }, [
        { score: 0, grade: 'FAIL' },
        { score: 0, grade: 'FAIL' },
      ]),
    ).toBe(true);
  });
});
