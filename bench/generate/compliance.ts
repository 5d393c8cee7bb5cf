// Three-systems data at province scale: one submitted check per department in a province-wide
// round, and every department's standing-screen counts for the year (the live rates).
import { uuidOf } from './org.js';
import type { GeneratorContext } from './types.js';

export async function generateCompliance(ctx: GeneratorContext): Promise<number> {
  const s = `gen:${ctx.seed}`;
  const year = Number(ctx.today.slice(0, 4));
  const {
    rows: [checklist],
  } = await ctx.client.query(
    `INSERT INTO compliance_checklist (code, version, name, template, region_path) VALUES ('GEN-CHECKLIST', $1, '基准三项制度检查表', '{}', $2) RETURNING id`,
    [ctx.seed, ctx.provincePath],
  );
  const {
    rows: [round],
  } = await ctx.client.query(
    `INSERT INTO compliance_round (id, name, region_path, office_unit_id, checklist_id, period_from, period_to, stage, inspector_ids, created_by)
     VALUES (${uuidOf(`$1 || ':round'`)}, '基准省三项制度检查', $2, $3, $4, make_date($5 - 1, 1, 1), make_date($5 - 1, 12, 31), 'CHECKING', ARRAY[$6::uuid], $6)
     RETURNING id`,
    [s, ctx.provincePath, ctx.officeUnitId, checklist.id, year, ctx.inspectorId],
  );
  const checks = await ctx.client.query(
    `INSERT INTO compliance_check (round_id, department_id, inspector_id, status, score, grade, submitted_by, submitted_at)
     SELECT $1, d.id, $2, 'SUBMITTED', 60 + abs(hashtext($3 || ':k' || d.id)) % 41, 'GOOD', $2, $4::date - (abs(hashtext($3 || ':m' || d.id)) % 200) + time '15:00'
       FROM unnest($5::uuid[]) AS d(id)`,
    [round.id, ctx.inspectorId, s, ctx.today, ctx.departmentIds],
  );
  await ctx.client.query(
    `INSERT INTO compliance_rate (department_id, year, screens, screened_at)
     SELECT d.id, $1, jsonb_build_object(
              'DISCLOSURE_WITHIN_7_WORKING_DAYS', jsonb_build_object('passed', 10 + h % 20, 'total', 30),
              'DISCLOSURE_WITHIN_20_WORKING_DAYS', jsonb_build_object('passed', 5 + h % 5, 'total', 10),
              'MAJOR_DECISIONS_REVIEWED_BEFORE_DECISION', jsonb_build_object('passed', 20, 'total', 25),
              'AV_FILED_WITH_CASE', jsonb_build_object('passed', h % 15, 'total', 15)), now()
       FROM unnest($2::uuid[]) AS d(id) CROSS JOIN LATERAL (SELECT abs(hashtext($3 || ':s' || d.id)) AS h) x`,
    [year, ctx.departmentIds, s],
  );
  return checks.rowCount ?? 0;
}
