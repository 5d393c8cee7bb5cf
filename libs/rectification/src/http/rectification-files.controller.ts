import { Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res, UseInterceptors } from '@nestjs/common';
import { CurrentActor, DomainException, Roles, type Actor } from '@ducha/common';
import { FindingSource, Role } from '@ducha/contracts';
import type { Request, Response } from 'express';
import { toEvidenceModel } from '../rectification.mapper.js';
import type { EvidenceFile } from '../models/rectification-task.model.js';
import { TaskState, WarningLevel } from '../rectification.enums.js';
import { EvidenceService } from '../services/evidence.service.js';
import { RectificationExportService } from '../services/rectification-export.service.js';
import type { LedgerFilter } from '../services/ledger.service.js';
import { SingleUploadInterceptor } from './upload.interceptor.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function attachment(res: Response, fileName: string, mimeType: string, content: Buffer): void {
  res.setHeader('Content-Type', mimeType);
  res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.end(content);
}

/** Files are REST: evidence upload (multipart) and download, the notice (.docx) and the ledger (.xlsx). */
@Controller()
export class RectificationFilesController {
  constructor(
    private readonly evidence: EvidenceService,
    private readonly exports: RectificationExportService,
  ) {}

  @Roles(Role.DEPARTMENT_OFFICER)
  @Post('files/rectification/:taskId')
  @UseInterceptors(SingleUploadInterceptor)
  async upload(
    @CurrentActor() actor: Actor,
    @Param('taskId', ParseUUIDPipe) taskId: string,
    @Req() req: Request & { file?: { buffer: Buffer; originalname: string } },
  ): Promise<EvidenceFile> {
    if (!req.file) throw DomainException.field('file', 'attach the file as the multipart field "file"');
    const name = Buffer.from(req.file.originalname, 'latin1').toString('utf8');
    return toEvidenceModel(await this.evidence.upload(actor, taskId, name, req.file.buffer));
  }

  @Get('files/rectification/:taskId/:fileId')
  async download(
    @CurrentActor() actor: Actor,
    @Param('taskId', ParseUUIDPipe) taskId: string,
    @Param('fileId', ParseUUIDPipe) fileId: string,
    @Res() res: Response,
  ): Promise<void> {
    const { file, content } = await this.evidence.download(actor, taskId, fileId);
    attachment(res, file.fileName, file.mimeType, content);
  }

  @Get('exports/rectification/:taskId/notice.docx')
  async notice(@CurrentActor() actor: Actor, @Param('taskId', ParseUUIDPipe) taskId: string, @Res() res: Response): Promise<void> {
    const { fileName, content } = await this.exports.notice(actor, taskId);
    attachment(res, fileName, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', content);
  }

  @Get('exports/rectification-ledger.xlsx')
  async ledger(
    @CurrentActor() actor: Actor,
    @Query() query: Record<string, string | string[] | undefined>,
    @Res() res: Response,
  ): Promise<void> {
    const content = await this.exports.ledgerWorkbook(actor, parseLedgerQuery(query));
    attachment(res, '整改台账.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', content);
  }
}

/** The ledger's filters from a query string, validated like the GraphQL arguments. */
export function parseLedgerQuery(q: Record<string, string | string[] | undefined>): LedgerFilter {
  const one = (k: string): string | undefined => (Array.isArray(q[k]) ? (q[k] as string[])[0] : (q[k] as string | undefined)) || undefined;
  const filter: LedgerFilter = {};
  const departmentId = one('departmentId');
  if (departmentId && !UUID.test(departmentId)) throw DomainException.field('departmentId', 'must be a UUID');
  filter.departmentId = departmentId;
  const source = one('source');
  if (source && !(source in FindingSource)) throw DomainException.field('source', `${source} is not a finding source`);
  filter.source = source as FindingSource | undefined;
  const states = ([] as string[])
    .concat(q.states ?? [])
    .flatMap((s) => s.split(','))
    .filter(Boolean);
  for (const s of states) if (!(s in TaskState)) throw DomainException.field('states', `${s} is not a state`);
  if (states.length) filter.states = states as TaskState[];
  const level = one('warningLevel');
  if (level && !(level in WarningLevel)) throw DomainException.field('warningLevel', 'must be GREEN, YELLOW or RED');
  filter.warningLevel = level as WarningLevel | undefined;
  for (const k of ['from', 'to'] as const) {
    const v = one(k);
    if (v && !DATE.test(v)) throw DomainException.field(k, 'must be a date YYYY-MM-DD');
    filter[k] = v;
  }
  return filter;
}
