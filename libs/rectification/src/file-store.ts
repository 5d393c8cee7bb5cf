import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { AppConfig } from '@ducha/config';
import { DomainException } from '@ducha/common';

/** What a stored file turned out to be, judged by its bytes, never by its name. */
export interface SniffedType {
  mimeType: string;
  extension: string;
}

export interface StoredFile extends SniffedType {
  sha256: string;
  size: number;
}

const OOXML: Record<string, SniffedType> = {
  'word/': { mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx' },
  'xl/': { mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' },
  'ppt/': { mimeType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', extension: 'pptx' },
};
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

const startsWith = (b: Buffer, bytes: readonly number[], at = 0): boolean => bytes.every((v, i) => b[at + i] === v);

/**
 * Evidence and attachment storage: content sniffed by magic bytes (PDF, PNG, JPEG, GIF, Office
 * Open XML by its [Content_Types].xml, legacy Office by the OLE header), capped at
 * `AppConfig.maxUploadBytes`, stored once per SHA-256 under `AppConfig.filesDir`.
 */
@Injectable()
export class FileStore {
  constructor(private readonly config: AppConfig) {}

  /** The file's type, or undefined when it is none of the accepted kinds. */
  static sniff(content: Buffer): SniffedType | undefined {
    if (startsWith(content, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { mimeType: 'application/pdf', extension: 'pdf' };
    if (startsWith(content, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { mimeType: 'image/png', extension: 'png' };
    if (startsWith(content, [0xff, 0xd8, 0xff])) return { mimeType: 'image/jpeg', extension: 'jpg' };
    if (content.subarray(0, 6).toString('latin1') === 'GIF87a' || content.subarray(0, 6).toString('latin1') === 'GIF89a') {
      return { mimeType: 'image/gif', extension: 'gif' };
    }
    if (startsWith(content, [0x50, 0x4b, 0x03, 0x04])) return sniffOoxml(content);
    if (content.subarray(0, 8).equals(OLE_MAGIC)) return sniffOle(content);
    return undefined;
  }

  /** Checks size and type (BAD_USER_INPUT naming `field`) and stores the bytes; idempotent per content. */
  async put(content: Buffer, field = 'file'): Promise<StoredFile> {
    if (content.length === 0) throw DomainException.field(field, 'the file is empty');
    if (content.length > this.config.maxUploadBytes) {
      throw DomainException.field(field, `the file is ${content.length} bytes; at most ${this.config.maxUploadBytes} are accepted`);
    }
    const type = FileStore.sniff(content);
    if (!type) throw DomainException.field(field, 'only PDF, PNG, JPEG, GIF and Word/Excel/PowerPoint documents are accepted');
    const sha256 = createHash('sha256').update(content).digest('hex');
    const path = this.pathOf(sha256);
    const exists = await stat(path).then(
      () => true,
      () => false,
    );
    if (!exists) {
      await mkdir(join(this.config.filesDir, sha256.slice(0, 2)), { recursive: true });
      const temp = `${path}.${process.pid}.${Date.now()}.tmp`;
      await writeFile(temp, content, { mode: 0o640 });
      await rename(temp, path);
    }
    return { ...type, sha256, size: content.length };
  }

  /** The stored bytes, verified against their hash (a tampered file is refused, not served). */
  async get(sha256: string): Promise<Buffer> {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw DomainException.notFound('File', sha256);
    const content = await readFile(this.pathOf(sha256)).catch(() => undefined);
    if (!content) throw DomainException.notFound('File', sha256);
    if (createHash('sha256').update(content).digest('hex') !== sha256) throw new Error(`Stored file ${sha256} does not match its hash`);
    return content;
  }

  private pathOf(sha256: string): string {
    return join(this.config.filesDir, sha256.slice(0, 2), sha256);
  }
}

/** A zip is an Office document only if its [Content_Types].xml declares the matching main part. */
function sniffOoxml(content: Buffer): SniffedType | undefined {
  const types = readZipEntry(content, '[Content_Types].xml');
  if (!types) return undefined;
  const xml = types.toString('utf8');
  for (const [prefix, type] of Object.entries(OOXML)) {
    if (xml.includes(`PartName="/${prefix}`) && xml.includes('openxmlformats')) return type;
  }
  return undefined;
}

/** Legacy Word/Excel/PowerPoint: the OLE compound header; the stream names tell which. */
function sniffOle(content: Buffer): SniffedType | undefined {
  const text = content.toString('utf16le');
  if (text.includes('WordDocument')) return { mimeType: 'application/msword', extension: 'doc' };
  if (text.includes('Workbook') || text.includes('Book')) return { mimeType: 'application/vnd.ms-excel', extension: 'xls' };
  if (text.includes('PowerPoint Document')) return { mimeType: 'application/vnd.ms-powerpoint', extension: 'ppt' };
  return undefined;
}

/** Reads one entry of a zip by walking its local headers (enough for [Content_Types].xml or word/document.xml). */
export function readZipEntry(zip: Buffer, name: string): Buffer | undefined {
  let offset = 0;
  for (let guard = 0; guard < 10_000 && offset + 30 <= zip.length; guard++) {
    if (zip.readUInt32LE(offset) !== 0x04034b50) return undefined;
    const flags = zip.readUInt16LE(offset + 6);
    const method = zip.readUInt16LE(offset + 8);
    let compressedSize = zip.readUInt32LE(offset + 18);
    const nameLength = zip.readUInt16LE(offset + 26);
    const extraLength = zip.readUInt16LE(offset + 28);
    const entryName = zip.subarray(offset + 30, offset + 30 + nameLength).toString('utf8');
    const dataStart = offset + 30 + nameLength + extraLength;
    if ((flags & 0x08) !== 0 && compressedSize === 0) compressedSize = sizeFromCentralDirectory(zip, entryName) ?? 0;
    if (entryName === name) {
      const data = zip.subarray(dataStart, dataStart + compressedSize);
      try {
        return method === 0 ? data : method === 8 ? inflateRawSync(data) : undefined;
      } catch {
        return undefined;
      }
    }
    offset = dataStart + compressedSize + ((flags & 0x08) !== 0 ? dataDescriptorLength(zip, dataStart + compressedSize) : 0);
  }
  return undefined;
}

function dataDescriptorLength(zip: Buffer, at: number): number {
  return at + 4 <= zip.length && zip.readUInt32LE(at) === 0x08074b50 ? 16 : 12;
}

function sizeFromCentralDirectory(zip: Buffer, name: string): number | undefined {
  const sig = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
  for (let at = zip.indexOf(sig); at >= 0 && at + 46 <= zip.length; at = zip.indexOf(sig, at + 4)) {
    const nameLength = zip.readUInt16LE(at + 28);
    if (zip.subarray(at + 46, at + 46 + nameLength).toString('utf8') === name) return zip.readUInt32LE(at + 20);
  }
  return undefined;
}
