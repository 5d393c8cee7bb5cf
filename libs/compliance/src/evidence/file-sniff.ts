/** Evidence files: PDF, images and Office documents, recognised by their content, never by name. */
export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;

export type SniffedKind = 'pdf' | 'png' | 'jpeg' | 'gif' | 'docx' | 'xlsx' | 'pptx' | 'ole';

const CONTENT_TYPES: Record<SniffedKind, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  ole: 'application/x-ole-storage',
};

/** What each accepted extension must contain. */
const EXTENSIONS: Record<string, SniffedKind> = {
  pdf: 'pdf',
  png: 'png',
  jpg: 'jpeg',
  jpeg: 'jpeg',
  gif: 'gif',
  docx: 'docx',
  xlsx: 'xlsx',
  pptx: 'pptx',
  doc: 'ole',
  xls: 'ole',
  ppt: 'ole',
};

const startsWith = (b: Buffer, bytes: number[]) => b.length >= bytes.length && bytes.every((x, i) => b[i] === x);

/** The file's real kind from its magic bytes (and, for Office zip containers, their part names), or null. */
export function sniff(content: Buffer): SniffedKind | null {
  if (content.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (startsWith(content, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(content, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (['GIF87a', 'GIF89a'].includes(content.subarray(0, 6).toString('latin1'))) return 'gif';
  if (startsWith(content, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (startsWith(content, [0x50, 0x4b, 0x03, 0x04])) {
    // Part names sit uncompressed in the zip's local and central headers.
    if (!content.includes('[Content_Types].xml', 0, 'latin1')) return null;
    if (content.includes('word/', 0, 'latin1')) return 'docx';
    if (content.includes('xl/', 0, 'latin1')) return 'xlsx';
    if (content.includes('ppt/', 0, 'latin1')) return 'pptx';
  }
  return null;
}

export type EvidenceCheck = { ok: true; contentType: string } | { ok: false; reason: string };

/** Accepts a file only when its size is allowed and its content is what its extension claims. */
export function checkEvidenceFile(fileName: string, content: Buffer): EvidenceCheck {
  if (content.length === 0) return { ok: false, reason: 'the file is empty' };
  if (content.length > MAX_EVIDENCE_BYTES) return { ok: false, reason: `the file is larger than ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB` };
  const ext = fileName.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? '';
  const expected = EXTENSIONS[ext];
  if (!expected)
    return { ok: false, reason: `.${ext || '(none)'} files are not accepted; send PDF, images (PNG, JPEG, GIF) or Office documents` };
  const actual = sniff(content);
  if (actual !== expected) {
    return {
      ok: false,
      reason: `the content is ${actual ? `a ${actual.toUpperCase()} file` : 'not a recognised document'}, not what the name ${fileName} claims`,
    };
  }
  return { ok: true, contentType: CONTENT_TYPES[actual] };
}
