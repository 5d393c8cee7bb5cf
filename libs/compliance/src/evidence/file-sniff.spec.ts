import { checkEvidenceFile, sniff } from './file-sniff.js';

const pdf = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF');
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const docxLike = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('....[Content_Types].xml....word/document.xml')]);

describe('checkEvidenceFile', () => {
  it('should accept a PDF, a PNG and a Word document by their content', () => {
    expect(checkEvidenceFile('整改报告.pdf', pdf)).toEqual({ ok: true, contentType: 'application/pdf' });
    expect(checkEvidenceFile('现场照片.PNG', png)).toEqual({ ok: true, contentType: 'image/png' });
    expect(sniff(docxLike)).toBe('docx');
  });

  it('should refuse a file whose content is not what its name claims', () => {
    expect(checkEvidenceFile('scan.pdf', png)).toEqual({
      ok: false,
      reason: 'the content is a PNG file, not what the name scan.pdf claims',
    });
    expect(checkEvidenceFile('report.docx', Buffer.from('MZ\x90\x00 pretend executable'))).toMatchObject({ ok: false });
    expect(checkEvidenceFile('table.xlsx', docxLike)).toMatchObject({ ok: false });
  });

  it('should refuse unknown extensions, empty and oversized files', () => {
    expect(checkEvidenceFile('run.exe', pdf)).toMatchObject({ ok: false });
    expect(checkEvidenceFile('a.pdf', Buffer.alloc(0))).toMatchObject({ ok: false, reason: 'the file is empty' });
    expect(checkEvidenceFile('a.pdf', Buffer.concat([pdf, Buffer.alloc(21 * 1024 * 1024)]))).toMatchObject({ ok: false });
  });
});
