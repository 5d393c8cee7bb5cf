import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { ReviewCampaignEntity } from './entities/review-campaign.entity.js';
import type { CampaignResults } from './results.js';

const FONT = '仿宋_GB2312';
const TITLE_FONT = '方正小标宋简体';
const GRADE_NAMES: Record<string, string> = { EXCELLENT: '优秀', GOOD: '良好', PASS: '合格', FAIL: '不合格' };

const text = (t: string, bold = false, size = 32) => new TextRun({ text: t, font: FONT, size, bold });
const para = (t: string, opts: { bold?: boolean; center?: boolean; indent?: boolean } = {}) =>
  new Paragraph({
    children: [text(t, opts.bold)],
    alignment: opts.center ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
    indent: opts.indent ? { firstLine: 640 } : undefined,
    spacing: { line: 560 },
  });
const cell = (t: string, bold = false) =>
  new TableCell({ children: [new Paragraph({ children: [text(t, bold, 24)], alignment: AlignmentType.CENTER })] });

/**
 * The bulletin (通报) in the usual government layout: title, the campaign's facts, the ranking
 * table, typical problems and the requirement to rectify.
 */
export async function bulletinDocx(
  c: ReviewCampaignEntity,
  r: CampaignResults,
  officeName: string,
  caseTypeNames: string,
): Promise<Buffer> {
  const header = new TableRow({
    tableHeader: true,
    children: ['排名', '单位', '评查案卷数', '平均分', '等次', '优秀', '合格', '不合格'].map((h) => cell(h, true)),
  });
  const rows = r.departments.map((d) => {
    const values = [
      String(d.rank),
      d.departmentName,
      String(d.filesReviewed),
      d.meanScore.toFixed(2),
      GRADE_NAMES[d.grade] ?? d.grade,
      String(d.gradeCounts.EXCELLENT),
      String(d.gradeCounts.PASS + d.gradeCounts.GOOD),
      String(d.gradeCounts.FAIL),
    ];
    return new TableRow({ children: values.map((t) => cell(t)) });
  });
  const excellent = r.departments.filter((d) => d.grade === 'EXCELLENT').map((d) => d.departmentName);
  const failing = r.departments.filter((d) => d.grade === 'FAIL').map((d) => d.departmentName);
  const doc = new Document({
    creator: officeName,
    title: `关于${c.name}情况的通报`,
    sections: [
      {
        children: [
          new Paragraph({
            heading: HeadingLevel.TITLE,
            alignment: AlignmentType.CENTER,
            spacing: { after: 400 },
            children: [new TextRun({ text: `关于${c.name}情况的通报`, font: TITLE_FONT, size: 44, bold: true })],
          }),
          para('各有关单位：'),
          para(
            `为进一步规范行政执法行为，根据年度工作安排，${officeName}组织开展了${c.name}。本次评查范围为${c.periodFrom}至${c.periodTo}办结的${caseTypeNames}案卷，共随机抽取${r.departments.length}个单位的${r.files}件案卷，采取交叉评查方式进行，全部案卷平均得分${r.meanScore.toFixed(2)}分。现将有关情况通报如下：`,
            { indent: true },
          ),
          para('一、评查结果', { bold: true }),
          para(
            `评查等次为优秀的单位：${excellent.length ? excellent.join('、') : '无'}；评查等次为不合格的单位：${failing.length ? failing.join('、') : '无'}。各单位得分及排名如下：`,
            { indent: true },
          ),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            borders: {
              top: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
              bottom: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
            },
            rows: [header, ...rows],
          }),
          para('二、存在的主要问题', { bold: true }),
          ...(r.typicalProblems.length
            ? r.typicalProblems.map((p, i) => para(`${i + 1}. ${p.group}方面：${p.title}（${p.count}件）。`, { indent: true }))
            : [para('本次评查未发现共性问题。', { indent: true })]),
          para('三、整改要求', { bold: true }),
          para(
            '各单位要对照评查发现的问题，逐案逐项制定整改措施，明确责任人和整改时限，按期报送整改报告；整改情况将纳入年度法治政府建设考核。',
            { indent: true },
          ),
          new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { before: 600 }, children: [text(officeName)] }),
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            children: [text((c.publishedAt ?? c.finalizedAt ?? new Date()).toISOString().slice(0, 10))],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
