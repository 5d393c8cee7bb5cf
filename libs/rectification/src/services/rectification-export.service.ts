import { Injectable } from '@nestjs/common';
import { AuditService } from '@ducha/audit';
import { shanghaiDate, writeSheet, type Actor } from '@ducha/common';
import { TransactionRunner } from '@ducha/database';
import { LedgerService, type LedgerFilter } from './ledger.service.js';
import { renderNotice } from './notice-document.js';
import { TaskQueryService } from './task-query.service.js';

const SOURCE: Record<string, string> = {
  CASE_REVIEW: '案卷评查',
  THREE_SYSTEMS: '三项制度检查',
  INSPECTION: '督察检查',
  HOTLINE: '热线投诉',
  ASSESSMENT: '考核',
  LEADER_INSTRUCTION: '领导批示',
};
export const STATE_LABEL: Record<string, string> = {
  ISSUED: '已下发',
  ACKNOWLEDGED: '已签收',
  IN_PROGRESS: '整改中',
  SUBMITTED: '已报送',
  RETURNED: '已退回',
  VERIFIED: '已复查',
  CLOSED: '已销号',
  CANCELLED: '已撤销',
};
const WARNING: Record<string, string> = { GREEN: '绿', YELLOW: '黄', RED: '红' };
const STEP: Record<string, string> = {
  REMINDER: '到期提醒',
  URGE: '催办',
  INQUIRY: '函询约谈',
  LISTED: '挂牌督办',
  CRITICIZED: '通报批评',
};

export const LEDGER_HEADERS = [
  '任务编号',
  '问题来源',
  '牵头单位',
  '配合单位',
  '问题数',
  '问题类别',
  '严重程度',
  '问题描述',
  '问题成因',
  '整改要求',
  '责任人',
  '下发日期',
  '原定期限',
  '现行期限',
  '延期次数',
  '延期理由',
  '状态',
  '预警',
  '督办级别',
  '报送时间',
  '整改措施',
  '复查人',
  '复查日期',
  '销号日期',
  '是否按期销号',
  '回头看日期',
  '撤销原因',
];

/** How far a build got: `done` of `total` rows. */
export type ExportProgress = (done: number, total: number) => Promise<void>;

/** The documents an office downloads: the rectification notice and the ledger workbook. Both audited. */
@Injectable()
export class RectificationExportService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly query: TaskQueryService,
    private readonly ledger: LedgerService,
    private readonly audit: AuditService,
  ) {}

  /** Refuses the notice exactly as `notice` would (no such task, or one the actor may not read), building nothing. */
  async authorizeNotice(actor: Actor, taskId: string): Promise<void> {
    await this.query.readable(actor, taskId);
  }

  async notice(actor: Actor, taskId: string): Promise<{ fileName: string; content: Buffer }> {
    const detail = await this.query.detail(actor, taskId);
    const [{ name }] = await this.tx.manager.query(`SELECT name FROM unit WHERE id = $1`, [detail.task.issuingUnitId]);
    const content = await renderNotice(detail, name);
    await this.tx.run((m) =>
      this.audit.record(m, actor, { operation: 'exportRectificationNotice', targetType: 'RectificationTask', targetId: taskId }),
    );
    return { fileName: `整改通知书-${detail.task.taskNo}.docx`, content };
  }

  /** Refuses the ledger exactly as `ledgerWorkbook` would (no ledger for the actor, a bad period), reading nothing. */
  authorizeLedger(actor: Actor, filter: LedgerFilter): void {
    this.ledger.reach(actor, filter);
  }

  /**
   * The whole ledger the actor may see with the filter. `progress` hears the rows found (none
   * written yet), then the rows written as the sheet fills: a large ledger takes a while.
   */
  async ledgerWorkbook(actor: Actor, filter: LedgerFilter, progress?: ExportProgress): Promise<{ fileName: string; content: Buffer }> {
    const { rows, clock } = await this.ledger.exportRows(actor, filter);
    await progress?.(0, rows.length);
    const content = await writeSheet(
      '整改台账',
      LEDGER_HEADERS,
      rows.map((r) => [
        r.task_no,
        SOURCE[r.source] ?? r.source,
        r.department_name,
        r.co_departments ?? '',
        r.finding_count,
        r.categories ?? '',
        r.major ? '重大' : '一般',
        r.finding_text ?? '',
        r.root_causes ?? '',
        r.requirements,
        r.responsible_person,
        r.issued_on,
        r.original_deadline ?? r.deadline,
        r.deadline,
        r.extensions,
        r.extension_reasons ?? '',
        STATE_LABEL[r.state] ?? r.state,
        WARNING[clock.level(r.state, r.deadline) ?? ''] ?? '',
        STEP[r.escalation_step] ?? '',
        r.submitted_at ? shanghaiDate(new Date(r.submitted_at)) : '',
        r.measures_taken ?? '',
        r.verifier ?? '',
        r.verified_at ? shanghaiDate(new Date(r.verified_at)) : '',
        r.closed_on ?? '',
        r.closed_on_time === null ? '' : r.closed_on_time ? '是' : '否',
        r.follow_up_on ?? '',
        r.cancel_reason ?? '',
      ]),
      progress && ((written) => progress(written, rows.length)),
    );
    await this.tx.run((m) =>
      this.audit.record(m, actor, {
        operation: 'exportRectificationLedger',
        targetType: 'RectificationLedger',
        targetId: clock.today,
        after: { filter, rows: rows.length },
      }),
    );
    return { fileName: '整改台账.xlsx', content };
  }
}
