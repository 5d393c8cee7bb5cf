// Review results at province scale: one province-wide campaign whose final results cover the
// province's case files (every one by default), scores and grades from a hash of the seed and the file, finalised
// across the months before "today". Set-based, so a million results take a minute, not hours.
import { uuidOf } from './org.js';
import type { GeneratorContext } from './types.js';

const BATCH = 200_000;

export async function generateReviews(ctx: GeneratorContext, files: number): Promise<number> {
  const s = `gen:${ctx.seed}`;
  const year = Number(ctx.today.slice(0, 4));
  const {
    rows: [rubric],
  } = await ctx.client.query(
    `INSERT INTO rubric (code, version, name, formula, case_types, template) VALUES ('GEN-RUBRIC', $1, '基准评查标准', 'DEDUCTION', '{PENALTY}', '{}') RETURNING id`,
    [ctx.seed],
  );
  const {
    rows: [campaign],
  } = await ctx.client.query(
    `INSERT INTO review_campaign (id, name, year, period_from, period_to, case_types, department_ids, rubric_ids, files_per_department, reviewers_per_file,
                                  reviewer_ids, recheck_rule, stage, office_unit_id, region_path, created_by)
     VALUES (${uuidOf(`$1 || ':campaign'`)}, '基准省案卷评查', $2, make_date($2 - 1, 1, 1), $3::date, '{}', '{}', '{}', 200, 1, ARRAY[$4::uuid], '{}', 'REVIEWING', $5, $6, $4)
     RETURNING id`,
    [s, year, ctx.today, ctx.inspectorId, ctx.officeUnitId, ctx.provincePath],
  );
  let written = 0;
  for (let from = 0; from < files; from += BATCH) {
    const result = await ctx.client.query(
      `WITH f AS (
         SELECT id, department_id, case_type, abs(hashtext($1 || ':r' || id)) AS h FROM case_file WHERE department_id = ANY ($7::uuid[]) ORDER BY id OFFSET $2 LIMIT $3),
       s AS (SELECT f.*, round(40 + (h % 601) / 10.0, 1) AS score FROM f)
       INSERT INTO review_file (campaign_id, case_file_id, department_id, case_type, rubric_id, status, final_score, final_grade, finalized_at)
       SELECT $4, id, department_id, case_type, $5, 'FINAL', score,
              CASE WHEN score >= 90 THEN 'EXCELLENT' WHEN score >= 80 THEN 'GOOD' WHEN score >= 60 THEN 'PASS' ELSE 'FAIL' END,
              $6::date - ((h / 601) % 300)::int + time '10:00'
         FROM s`,
      [s, from, Math.min(BATCH, files - from), campaign.id, rubric.id, ctx.today, ctx.departmentIds],
    );
    written += result.rowCount ?? 0;
  }
  return written;
}
