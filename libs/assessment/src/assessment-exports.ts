import { writeSheet } from '@ducha/common';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { ResultRow } from './assessment-scoring.service.js';

interface Detail {
  gradeLabel: string;
  level1: { code: string; title: string; scaled: number }[];
  indicators: { code: string; applicable: boolean; earned: number; weight: number }[];
}
const detail = (r: ResultRow) => r.detail as unknown as Detail;
const round2 = (n: number) => Math.round(n * 100) / 100;

export const periodLabel = (year: number, quarter: number) => (quarter ? `${year}年第${quarter}季度` : `${year}年度`);

/** One row per department: rank, score, grade and the level-1 subtotals. */
export async function resultsWorkbook(rows: ResultRow[]): Promise<Buffer> {
  const level1 = rows[0] ? detail(rows[0]).level1 : [];
  return writeSheet(
    '考核结果',
    ['排名', '单位编码', '单位名称', '得分', '等次', ...level1.map((l) => `${l.code} ${l.title}`), '是否已发布'],
    rows.map((r) => [
      r.rank,
      r.department_code,
      r.department_name,
      Number(r.score),
      detail(r).gradeLabel,
      ...detail(r).level1.map((l) => round2(l.scaled)),
      r.published_at ? '是' : '否',
    ]),
  );
}

const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });

/** The assessment report: overview, ranking, and the indicators where departments lost most. */
export async function resultsReport(rows: ResultRow[], frameworkName: string, year: number, quarter: number): Promise<Buffer> {
  const grades = new Map<string, number>();
  rows.forEach((r) => grades.set(detail(r).gradeLabel, (grades.get(detail(r).gradeLabel) ?? 0) + 1));
  const lost = new Map<string, number>();
  rows.forEach((r) =>
    detail(r)
      .indicators.filter((i) => i.applicable)
      .forEach((i) => lost.set(i.code, (lost.get(i.code) ?? 0) + i.weight - i.earned)),
  );
  const weakest = [...lost.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5);
  const average = rows.length ? round2(rows.reduce((s, r) => s + Number(r.score), 0) / rows.length) : 0;
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ children: ['排名', '单位', '得分', '等次'].map((h) => cell(h, true)) }),
      ...rows.map(
        (r) =>
          new TableRow({
            children: [cell(String(r.rank)), cell(r.department_name), cell(String(Number(r.score))), cell(detail(r).gradeLabel)],
          }),
      ),
    ],
  });
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({
            heading: HeadingLevel.TITLE,
            alignment: AlignmentType.CENTER,
            children: [new TextRun(`${periodLabel(year, quarter)}法治政府建设考核情况的通报`)],
          }),
          new Paragraph(`考核依据：${frameworkName}。共考核 ${rows.length} 个单位，平均得分 ${average} 分。`),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('一、等次分布')] }),
          ...[...grades.entries()].map(([g, n]) => new Paragraph(`${g}：${n} 个单位`)),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('二、得分排名')] }),
          table,
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('三、失分较多的指标')] }),
          ...(weakest.length
            ? weakest.map(([code, points], i) => new Paragraph(`${i + 1}. 指标 ${code}：各单位合计失分 ${round2(points)} 分`))
            : [new Paragraph('无。')]),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('四、工作要求')] }),
          new Paragraph('各单位应对照失分指标查找原因，逾期未完成的目标任务已转入整改程序，请按期报送整改情况。'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
