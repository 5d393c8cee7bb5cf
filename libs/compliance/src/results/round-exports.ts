import { writeSheet } from '@ducha/common';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { SYSTEM_NAMES, type RoundResults } from './results.service.js';

const SYSTEMS = ['DISCLOSURE', 'RECORDING', 'LEGAL_REVIEW'];
const STATUS_NAMES: Record<string, string> = { OPEN: '检查中', SUBMITTED: '已提交' };

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);
const subtotal = (r: RoundResults['departments'][number], system: string) => {
  const s = r.subtotals.find((x) => x.system === system);
  return s ? `${s.earned}/${s.max}` : '';
};

/** The ranking as an .xlsx sheet (one row per department) followed by the round's rates. */
export function resultsWorkbook(results: RoundResults): Promise<Buffer> {
  const headers = ['排名', '单位', '得分', '等次', ...SYSTEMS.map((s) => `${SYSTEM_NAMES[s]}得分`), '不符合项', '部分符合项', '状态'];
  const rows: (string | number | null)[][] = results.departments.map((d) => [
    d.rank,
    d.departmentName,
    d.score,
    d.gradeLabel,
    ...SYSTEMS.map((s) => subtotal(d, s)),
    d.failedItems.join('、'),
    d.partialItems.join('、'),
    STATUS_NAMES[d.status] ?? d.status,
  ]);
  rows.push([], ['指标', '符合', '总数', '比率'] as (string | number | null)[]);
  for (const r of results.rates) rows.push([r.label, r.passed, r.total, percent(r.rate)]);
  return writeSheet('三项制度检查结果', headers, rows);
}

const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });

/** The bulletin (通报): rates, ranking and typical problems. */
export async function resultsBulletin(results: RoundResults): Promise<Buffer> {
  const { round } = results;
  const ranked = results.departments.filter((d) => d.score !== null);
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ children: ['排名', '单位', '得分', '等次'].map((h) => cell(h, true)) }),
      ...ranked.map(
        (d) => new TableRow({ children: [cell(String(d.rank)), cell(d.departmentName), cell(String(d.score)), cell(d.gradeLabel ?? '')] }),
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
            children: [new TextRun(`关于${round.name}情况的通报`)],
          }),
          new Paragraph(
            `检查期间：${round.periodFrom} 至 ${round.periodTo}。检查依据：${results.checklistName}。共检查 ${results.departments.length} 个单位。`,
          ),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('一、总体情况')] }),
          ...results.rates.map((r) => new Paragraph(`${r.label}：${percent(r.rate)}（${r.passed}/${r.total}）`)),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('二、得分排名')] }),
          table,
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('三、存在的主要问题')] }),
          ...(results.typicalProblems.length
            ? results.typicalProblems.map(
                (p, i) => new Paragraph(`${i + 1}. 【${SYSTEM_NAMES[p.system] ?? p.system}】${p.title}（${p.departments} 个单位）`),
              )
            : [new Paragraph('未发现问题。')]),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('四、整改要求')] }),
          new Paragraph('各单位应对照检查发现的问题认真整改，并在规定期限内报送整改报告。'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
