import { createHash } from 'node:crypto';

/** A file that may be drawn, in the stable order the database gives (department, type, date, id). */
export interface Candidate {
  id: string;
  departmentId: string;
  caseType: string;
}

export interface Stratum {
  departmentId: string;
  caseType: string;
  eligible: number;
  drawn: number;
}

/** A small fast PRNG (sfc32) seeded from SHA-256 of the text: the same text gives the same stream. */
export function seededRandom(text: string): () => number {
  const h = createHash('sha256').update(text).digest();
  let a = h.readUInt32LE(0),
    b = h.readUInt32LE(4),
    c = h.readUInt32LE(8),
    d = h.readUInt32LE(12);
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    const r = (t + d) | 0;
    c = (c + r) | 0;
    return (r >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}

/** Splits n across strata in proportion to their sizes (largest remainder; ties by stratum order). */
export function proportionalQuotas(sizes: readonly number[], n: number): number[] {
  const total = sizes.reduce((s, x) => s + x, 0);
  if (total === 0) return sizes.map(() => 0);
  const take = Math.min(n, total);
  const exact = sizes.map((s) => (take * s) / total);
  const quotas = exact.map(Math.floor);
  let left = take - quotas.reduce((s, x) => s + x, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((x, y) => y.r - x.r || x.i - y.i);
  for (const { i } of order) {
    if (left === 0) break;
    if (quotas[i] < sizes[i]) {
      quotas[i]++;
      left--;
    }
  }
  return quotas;
}

/**
 * The stratified draw: per department, `perDepartment` files (all if fewer), split across case
 * types in proportion, chosen by a partial Fisher–Yates shuffle driven by a PRNG seeded with
 * `seed:departmentId`. Same seed and same candidates → same files; a department's draw does not
 * depend on the other departments.
 */
export function drawStratified(
  candidates: readonly Candidate[],
  perDepartment: number,
  seed: string,
): { ids: string[]; strata: Stratum[] } {
  const byDepartment = new Map<string, Map<string, string[]>>();
  for (const c of candidates) {
    const types = byDepartment.get(c.departmentId) ?? new Map<string, string[]>();
    byDepartment.set(c.departmentId, types);
    const list = types.get(c.caseType) ?? [];
    types.set(c.caseType, list);
    list.push(c.id);
  }
  const ids: string[] = [];
  const strata: Stratum[] = [];
  for (const departmentId of [...byDepartment.keys()].sort()) {
    const types = byDepartment.get(departmentId)!;
    const names = [...types.keys()].sort();
    const quotas = proportionalQuotas(
      names.map((t) => types.get(t)!.length),
      perDepartment,
    );
    const random = seededRandom(`${seed}:${departmentId}`);
    names.forEach((caseType, k) => {
      const pool = [...types.get(caseType)!];
      for (let i = 0; i < quotas[k]; i++) {
        const j = i + Math.floor(random() * (pool.length - i));
        [pool[i], pool[j]] = [pool[j], pool[i]];
        ids.push(pool[i]);
      }
      strata.push({ departmentId, caseType, eligible: pool.length, drawn: quotas[k] });
    });
  }
  return { ids, strata };
}
