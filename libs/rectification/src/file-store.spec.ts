import ExcelJS from 'exceljs';
import { Document, Packer, Paragraph } from 'docx';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig } from '@ducha/config';
import { FileStore } from './file-store.js';

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

describe(FileStore.name, () => {
  it('should recognise PDF, images and Office documents by their bytes', async () => {
    const docx = Buffer.from(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('整改报告')] }] })));
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('台账').addRow(['a']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(FileStore.sniff(Buffer.from('%PDF-1.7\n'))?.extension).toBe('pdf');
    expect(FileStore.sniff(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))?.extension).toBe('png');
    expect(FileStore.sniff(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))?.extension).toBe('jpg');
    expect(FileStore.sniff(Buffer.from('GIF89a....'))?.extension).toBe('gif');
    expect(FileStore.sniff(docx)?.extension).toBe('docx');
    expect(FileStore.sniff(xlsx)?.extension).toBe('xlsx');
    expect(FileStore.sniff(Buffer.concat([OLE, Buffer.alloc(504), Buffer.from('WordDocument', 'utf16le')]))?.extension).toBe('doc');
    expect(FileStore.sniff(Buffer.concat([OLE, Buffer.alloc(504), Buffer.from('Workbook', 'utf16le')]))?.extension).toBe('xls');
  });

  it('should refuse other content whatever it is called: executables, scripts, a plain zip', () => {
    expect(FileStore.sniff(Buffer.from('MZ\x90\x00\x03'))).toBeUndefined();
    expect(FileStore.sniff(Buffer.from('<script>alert(1)</script>'))).toBeUndefined();
    const zip = Buffer.from('504b0304140000000000000000000000000000000000000000000500000061626364652e747874', 'hex');
    expect(FileStore.sniff(zip)).toBeUndefined();
  });

  it('should store once per content, by SHA-256, and refuse a file over the size cap', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ducha-files-'));
    const store = new FileStore(new AppConfig({ FILES_DIR: dir, MAX_UPLOAD_BYTES: '2048', DATA_DIR: dir }));
    const pdf = Buffer.from('%PDF-1.4\nhello\n%%EOF');
    const a = await store.put(pdf);
    const b = await store.put(pdf);
    expect(a).toEqual(b);
    expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await store.get(a.sha256)).equals(pdf)).toBe(true);
    await expect(store.put(Buffer.concat([pdf, Buffer.alloc(4096)]))).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(store.put(Buffer.from('MZ'))).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      issues: [{ field: 'file', reason: expect.any(String) }],
    });
  });
});
