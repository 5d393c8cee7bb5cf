// One million closed case files, written set-based by PostgreSQL (generate_series, hashtext of the
// seed and the serial), so a seed always gives the same files. Every case type, dates in the year
// before "today", flags and fines that fit the type, every decision published (late in a flawed
// file: past 7 working days for penalties and licences, past 20 for the others), and ~8 %
// deliberately flawed files.
import type { GeneratorContext } from './types.js';

const BATCH = 100_000;
const TYPES = [
  'PENALTY',
  'PENALTY',
  'PENALTY',
  'PENALTY',
  'PENALTY',
  'PENALTY',
  'PENALTY',
  'PENALTY',
  'PENALTY_SIMPLE',
  'PENALTY_SIMPLE',
  'PENALTY_SIMPLE',
  'LICENSING',
  'LICENSING',
  'LICENSING',
  'INSPECTION',
  'INSPECTION',
  'COERCION',
  'NO_PENALTY',
  'LEVY',
  'BENEFIT',
  'CONFIRMATION',
  'ADJUDICATION',
  'RECONSIDERATION',
];

export async function generateCaseFiles(
  ctx: Pick<GeneratorContext, 'client' | 'seed' | 'today' | 'departmentIds'>,
  count: number,
  first = 1,
): Promise<number> {
  let written = 0;
  for (let start = first; start < first + count; start += BATCH) {
    const end = Math.min(first + count - 1, start + BATCH - 1);
    const result = await ctx.client.query(
      `WITH d AS (SELECT u.id, u.code, x.ord FROM unnest($1::uuid[]) WITH ORDINALITY AS x(id, ord) JOIN unit u ON u.id = x.id),
       g AS (SELECT g, abs(hashtext($2 || ':f' || g)) AS h, abs(hashtext($2 || ':t' || g)) AS t FROM generate_series($3::int, $4::int) g),
       f AS (
         SELECT g.g, g.h, g.t, d.id AS department_id, d.code, ($5::text[])[1 + g.t % cardinality($5::text[])] AS case_type,
                $6::date - (g.h % 365)::int AS closed, (g.h / 365) % 100 < 8 AS flawed, (g.t / 23) % 5 AS flaw, (g.h / 7) % 100 < 35 AS person
           FROM g JOIN d ON d.ord = 1 + (g.h / 3) % $7),
       p AS (
         SELECT f.*, CASE WHEN case_type = 'INSPECTION' THEN NULL ELSE closed - ((f.t / 5) % 20 + 2)::int END AS decision,
                CASE WHEN case_type IN ('PENALTY','PENALTY_SIMPLE') THEN (CASE WHEN person THEN (f.t / 11) % 300 + 2 ELSE (f.t / 11) % 3000 + 10 END) * 10000 ELSE 0 END AS fine
           FROM f)
       INSERT INTO case_file (department_id, file_no, case_type, sector, cause, party_name, party_kind, party_id_no, officer_certificate_nos, filed_date, decision_date,
                              disclosed_date, closed_date, legal_review_submitted_date, legal_review_finished_date, legal_review_passed, penalty_kinds, fine_fen,
                              major, hearing_held, on_site_coercion, av_recorded, av_filed)
       SELECT department_id, code || '-' || lpad(g::text, 7, '0'), case_type, '综合', '违法行为' || (h % 97), CASE WHEN person THEN '当事人' || (h % 9973) ELSE '基准企业' || (t % 99991) || '有限公司' END,
              CASE WHEN person THEN 'PERSON' ELSE 'ORGANISATION' END, CASE WHEN person THEN '3301' || lpad((h % 100000000)::text, 14, '0') ELSE '9133' || lpad((t % 100000000)::text, 14, '0') END,
              CASE WHEN flawed AND flaw = 4 THEN ARRAY[code || '-1'] ELSE ARRAY[code || '-1', code || '-' || (2 + t % 2)] END,
              COALESCE(decision, closed) - ((h / 13) % 40)::int, decision,
              CASE WHEN decision IS NOT NULL AND case_type <> 'RECONSIDERATION'
                   THEN decision + CASE WHEN flawed AND flaw = 0 THEN (CASE WHEN case_type IN ('PENALTY','LICENSING') THEN 12 ELSE 32 END) + (t % 10)::int
                                        ELSE 1 + (t % 6)::int END END,
              closed,
              CASE WHEN fine >= CASE WHEN person THEN 1000000 ELSE 10000000 END AND NOT (flawed AND flaw = 1) THEN decision - 8 END,
              CASE WHEN fine >= CASE WHEN person THEN 1000000 ELSE 10000000 END AND NOT (flawed AND flaw = 1) THEN decision + CASE WHEN flawed AND flaw = 2 THEN 2 ELSE -3 END END,
              CASE WHEN fine >= CASE WHEN person THEN 1000000 ELSE 10000000 END AND NOT (flawed AND flaw = 1) THEN true END,
              CASE WHEN fine > 0 THEN CASE WHEN t % 4 = 0 THEN ARRAY['WARNING','FINE'] ELSE ARRAY['FINE'] END ELSE '{}' END, fine,
              fine >= CASE WHEN person THEN 1000000 ELSE 10000000 END, fine >= 10000000 AND t % 3 = 0,
              CASE WHEN case_type = 'COERCION' THEN (ARRAY['SEIZURE','SEIZURE','DEMOLITION','DETENTION_TRANSFER'])[1 + t % 4] END,
              NOT (flawed AND flaw = 3 AND case_type = 'COERCION'), NOT (flawed AND flaw = 3 AND case_type = 'COERCION') AND (case_type = 'COERCION' OR h % 2 = 0)
         FROM p`,
      [ctx.departmentIds, ctx.seed, start, end, TYPES, ctx.today, ctx.departmentIds.length],
    );
    written += result.rowCount ?? 0;
  }
  return written;
}
