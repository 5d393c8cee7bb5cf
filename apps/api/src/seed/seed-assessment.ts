import { DEMO_FRAMEWORK, insertStatistics, leaves, rateKeys, writePlan, type PlanRow } from '@ducha/assessment';
import { shanghaiYear } from '@ducha/common';
import type { EntityManager } from 'typeorm';
import { DEMO_DEPARTMENTS } from './demo-district.js';
import type { SeedContext } from './seed-steps.js';

const TASKS = [
  '深化“放管服”改革',
  '推行政府权责清单',
  '优化法治化营商环境',
  '加强行政规范性文件管理',
  '推进重大行政决策科学化民主化法治化',
  '深化行政执法体制改革',
  '全面落实行政执法三项制度',
  '加强行政执法人员资格管理',
  '开展行政执法案卷评查',
  '推进包容审慎监管',
  '加强行政复议工作',
  '规范行政应诉工作',
  '落实行政机关负责人出庭应诉',
  '推进政务公开',
  '办理人大代表建议和政协提案',
  '加强突发事件依法处置',
  '健全矛盾纠纷多元化解机制',
  '推进法治政府建设督察',
  '加强领导干部学法用法',
  '推进数字法治政府建设',
];
const VERBS = ['制定实施方案并印发', '组织开展专项检查', '完成年度总结评估'];

/** The shared framework, this year's plan of 20 key tasks and 60 measures, and Q1–Q2 statistics of every enforcement department. */
export async function seedAssessment(m: EntityManager, ctx: SeedContext): Promise<void> {
  const YEAR = shanghaiYear(ctx.today);
  const [fw] = await m.query(
    `INSERT INTO assessment_framework (code, version, name, template, region_path, imported_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [
      DEMO_FRAMEWORK.code,
      DEMO_FRAMEWORK.version,
      DEMO_FRAMEWORK.name,
      JSON.stringify(DEMO_FRAMEWORK),
      ctx.districtPath,
      ctx.userIds.get('admin'),
    ],
  );
  const departments = DEMO_DEPARTMENTS.filter(([, , , enforcement]) => enforcement).map(([code]) => ctx.unitIds.get(code)!);
  const indicators = leaves(DEMO_FRAMEWORK).map((i) => i.code);
  const pick = <T>(list: readonly T[]) => list[Math.floor(ctx.random() * list.length)];
  const rows: PlanRow[] = TASKS.flatMap((title, t) =>
    VERBS.map((verb, v) => {
      const lead = t % 3 === 0 ? ctx.officeUnitId : pick(departments);
      const others = [...new Set([pick(departments), pick(departments)])].filter((d) => d !== lead);
      const month = 3 + v * 4 + (t % 2);
      return {
        taskCode: `T${String(t + 1).padStart(2, '0')}`,
        taskTitle: title,
        code: `T${String(t + 1).padStart(2, '0')}-${v + 1}`,
        title: `${title}：${verb}`,
        leadUnitId: lead,
        departmentIds: others,
        deadline: `${YEAR}-${String(month).padStart(2, '0')}-${month === 2 ? 28 : 30}`,
        indicatorCode: indicators[(t * 3 + v) % indicators.length],
      };
    }),
  );
  await writePlan(m, fw.id, ctx.districtPath, YEAR, rows);
  // Most measures due by mid-year are done; the rest are in progress (the sweep turns late ones into findings).
  await m.query(
    `UPDATE assessment_measure SET status = CASE WHEN deadline <= '${YEAR}-07-31' AND (hashtext(code) % 5) <> 0 THEN 'DONE' ELSE 'IN_PROGRESS' END,
       done_on = CASE WHEN deadline <= '${YEAR}-07-31' AND (hashtext(code) % 5) <> 0 THEN deadline END
     WHERE key_task_id IN (SELECT id FROM assessment_key_task WHERE framework_id = $1)`,
    [fw.id],
  );
  await m.query(
    `INSERT INTO assessment_measure_progress (measure_id, department_id, year, quarter, status, text, reported_by)
     SELECT id, lead_unit_id, ${YEAR}, 2, status, '按计划推进，已报送阶段性材料。', $2 FROM assessment_measure WHERE key_task_id IN (SELECT id FROM assessment_key_task WHERE framework_id = $1)`,
    [fw.id, ctx.userIds.get('admin')],
  );
  const keys = rateKeys(DEMO_FRAMEWORK);
  for (const departmentId of departments) {
    for (const quarter of [1, 2]) {
      const items = keys.map((key) => {
        const denominator = Math.floor(ctx.random() * 12);
        return { key, denominator, numerator: Math.min(denominator, Math.round(denominator * (0.7 + ctx.random() * 0.3))) };
      });
      await insertStatistics(m, fw.id, departmentId, YEAR, quarter, items, 1, null, ctx.userIds.get('admin')!);
    }
  }
}
