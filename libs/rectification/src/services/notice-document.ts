import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { TaskDetailData } from './task-query.service.js';

const SEVERITY: Record<string, string> = { MAJOR: '重大', GENERAL: '一般' };

const line = (text: string, options: { bold?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}): Paragraph =>
  new Paragraph({
    alignment: options.align,
    spacing: { after: 120 },
    children: [new TextRun({ text, bold: options.bold, font: '仿宋', size: 28 })],
  });

const cell = (text: string, bold = false): TableCell =>
  new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold, font: '仿宋', size: 24 })] })] });

/** 整改通知书 as .docx: number, department, findings, requirements, deadline, issuing office. */
export async function renderNotice(detail: TaskDetailData, issuingOfficeName: string): Promise<Buffer> {
  const { task } = detail;
  const co = detail.departments.filter((d) => d.role === 'CO').map((d) => d.departmentName);
  const findingsTable = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: ['序号', '问题类别', '问题描述', '程度', '依据'].map((h) => cell(h, true)) }),
      ...detail.findings.map(
        (f, i) =>
          new TableRow({
            children: [
              cell(String(i + 1)),
              cell(f.category),
              cell(f.description),
              cell(SEVERITY[f.severity] ?? f.severity),
              cell(f.legalBasis ?? ''),
            ],
          }),
      ),
    ],
  });
  const doc = new Document({
    creator: issuingOfficeName,
    title: `整改通知书 ${task.taskNo}`,
    sections: [
      {
        children: [
          new Paragraph({
            heading: HeadingLevel.TITLE,
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: '整改通知书', bold: true, font: '方正小标宋简体', size: 44 })],
          }),
          line(task.taskNo, { align: AlignmentType.CENTER }),
          line(`${detail.departmentName}：`, { bold: true }),
          line(`经检查，你单位存在以下问题（共 ${detail.findings.length} 项），现通知你单位限期整改。`),
          findingsTable,
          line('整改要求：', { bold: true }),
          line(task.requirements),
          line(`整改责任人：${task.responsiblePerson}`),
          ...(co.length ? [line(`配合单位：${co.join('、')}`)] : []),
          line(
            `整改期限：请于 ${task.deadline} 前完成整改，并将整改报告及佐证材料报送我办。逾期未完成的，将依次予以催办、函询约谈、挂牌督办、通报批评。`,
          ),
          line(issuingOfficeName, { align: AlignmentType.RIGHT }),
          line(task.issuedOn, { align: AlignmentType.RIGHT }),
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}
