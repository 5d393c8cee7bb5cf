import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuditService } from '@ducha/audit';
import { CalendarService } from '@ducha/calendar';
import { DomainException, type Actor } from '@ducha/common';
import { returning, TransactionRunner } from '@ducha/database';
import { OrgService } from '@ducha/org';
import { JobHandlers, JobName, JobProducer } from '@ducha/queue';
import { OutboxService } from '@ducha/realtime';
import type { EntityManager } from 'typeorm';
import { ComplianceAccess, requireId } from './compliance-access.js';
import { ComplianceCheckItemEntity } from './entities/compliance-check-item.entity.js';
import { ComplianceCheckEntity } from './entities/compliance-check.entity.js';
import { ComplianceChecklistEntity } from './entities/compliance-checklist.entity.js';
import { ComplianceRoundEntity, RoundStage, ScreeningState } from './entities/compliance-round.entity.js';
import type { CaseScope } from './screening/case-reader.js';
import { runScreens } from './screening/run-screens.js';
import { shanghaiToday } from './screening/screen-context.js';
import { SCREENING_STALE_MS, screeningIsLive } from './screening/screening-liveness.js';
import type { ScreeningEngine, ScreenOutcome } from './screening/screening-engine.js';

/** Failing cases kept as evidence per item; the rest are counted. */
export const EVIDENCE_LIMIT = 500;
const PROGRESS_KIND = 'COMPLIANCE_SCREENING';

export interface ScreenRun {
  engine: ScreeningEngine;
  calendarGaps: number;
}

/** Runs a round's automatic screens as a WORK job with progress events, and stores result and evidence per item. */
@Injectable()
export class ScreeningService implements OnModuleInit {
  private readonly logger = new Logger(ScreeningService.name);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly calendars: CalendarService,
    private readonly producer: JobProducer,
    private readonly handlers: JobHandlers,
    private readonly org: OrgService,
  ) {}

  onModuleInit(): void {
    this.handlers.register(JobName.COMPLIANCE_SCREEN, async ({ roundId, actorUserId, runId }) =>
      this.screenRound(roundId, actorUserId, runId),
    );
  }

  /**
   * Queues the screening of a PLANNED or SCREENED round as a new run. CONFLICT while a run is queued
   * or running and alive; a run silent for SCREENING_STALE_MS (its worker died) is replaced.
   */
  async runScreening(actor: Actor, roundId: string): Promise<ComplianceRoundEntity> {
    requireId(roundId, 'ComplianceRound');
    const runId = randomUUID();
    const round = await this.tx.run(async (m) => {
      const r = await m.findOne(ComplianceRoundEntity, { where: { id: roundId }, lock: { mode: 'pessimistic_write' } });
      if (!r || !ComplianceAccess.canReadRound(actor, r)) throw DomainException.notFound('ComplianceRound', roundId);
      ComplianceAccess.enforceRunsRound(actor, r);
      if (r.stage !== RoundStage.PLANNED && r.stage !== RoundStage.SCREENED) {
        throw DomainException.conflict(`A ${r.stage} round is not screened again: checking has started`);
      }
      if (screeningIsLive(r)) {
        throw DomainException.conflict(
          `The screening is already ${r.screening === ScreeningState.QUEUED ? 'queued' : 'running'}; ` +
            `if its worker died, it can be queued again ${SCREENING_STALE_MS / 60_000} minutes after its last progress`,
        );
      }
      const replaced = r.screening === ScreeningState.QUEUED || r.screening === ScreeningState.RUNNING ? r.screeningRunId : null;
      r.screening = ScreeningState.QUEUED;
      r.screeningError = null;
      r.screeningRunId = runId;
      r.screeningHeartbeatAt = new Date();
      r.updatedAt = new Date();
      const saved = await m.save(r);
      await this.audit.record(m, actor, {
        operation: 'runComplianceScreening',
        targetType: 'ComplianceRound',
        targetId: r.id,
        after: { runId, ...(replaced ? { replacedStaleRun: replaced } : {}) },
      });
      return saved;
    });
    await this.producer.enqueue(JobName.COMPLIANCE_SCREEN, { roundId, actorUserId: actor.userId, runId }, { attempts: 1 });
    return round;
  }

  /**
   * The job: stream the departments' case files of the period through the screens, then write every
   * check's items in one transaction. Only the round's current run works and writes, once: a
   * superseded, finished or repeated delivery returns `skipped` and changes nothing.
   */
  async screenRound(roundId: string, actorUserId: string, runId: string): Promise<{ cases: number; skipped?: true }> {
    const m = this.tx.manager;
    const claimed = await returning<{ id: string }>(
      m,
      `UPDATE compliance_round SET screening = 'RUNNING', screening_heartbeat_at = now()
        WHERE id = $1 AND screening_run_id = $2 AND screening IN ('QUEUED', 'RUNNING') RETURNING id`,
      [roundId, runId],
    );
    if (!claimed.length) {
      this.logger.warn(`Screening run ${runId} of round ${roundId} is finished or superseded; nothing to do`);
      return { cases: 0, skipped: true };
    }
    const round = await m.findOneByOrFail(ComplianceRoundEntity, { id: roundId });
    const current = { id: roundId, screeningRunId: runId };
    const scopeEvent = { regionPath: round.regionPath, departmentId: null };
    try {
      const checklist = await m.findOneByOrFail(ComplianceChecklistEntity, { id: round.checklistId });
      const checks = await m.findBy(ComplianceCheckEntity, { roundId });
      const scope: CaseScope = { departmentIds: checks.map((c) => c.departmentId), from: round.periodFrom, to: round.periodTo };
      const keys = [...new Set(checklist.template.items.flatMap((i) => (i.auto ? [i.auto] : [])))];
      const run = await this.runScreens(m, keys, scope, EVIDENCE_LIMIT, async (done, total) => {
        await this.tx.run(async (tm) => {
          await tm.update(ComplianceRoundEntity, current, { screeningHeartbeatAt: new Date() });
          await this.outbox.emit(tm, 'import.progressed', scopeEvent, {
            importId: roundId,
            kind: PROGRESS_KIND,
            done,
            total,
            finished: false,
          });
        });
      });
      const outcomes = run.engine.outcomes();
      const actor = await this.org.actorFor(actorUserId);
      const written = await this.tx.run(async (tm) => {
        const latest = await tm.findOne(ComplianceRoundEntity, { where: { id: roundId }, lock: { mode: 'pessimistic_write' } });
        // Replaced meanwhile (this run was taken for dead) or already written by a repeated delivery: nothing more.
        if (latest?.screeningRunId !== runId || latest.screening !== ScreeningState.RUNNING) return false;
        if (latest.stage !== RoundStage.PLANNED && latest.stage !== RoundStage.SCREENED)
          throw DomainException.conflict('Checking started while the screening ran; its results were not written');
        for (const check of checks) {
          const perScreen = outcomes.get(check.departmentId) ?? new Map<string, ScreenOutcome>();
          let failing = 0;
          for (const item of checklist.template.items.filter((i) => i.auto)) {
            const o = perScreen.get(item.auto!);
            const result = o?.result ?? (item.mayNotApply ? 'NOT_APPLICABLE' : 'PASS');
            failing += (o?.failures.length ?? 0) + (o?.omitted ?? 0);
            await tm.update(
              ComplianceCheckItemEntity,
              { checkId: check.id, itemCode: item.code },
              {
                screenResult: result,
                screenPassed: o?.passed ?? 0,
                screenTotal: o?.total ?? 0,
                screenFailures: o?.failures ?? [],
                screenFailuresOmitted: o?.omitted ?? 0,
                result,
                overrideReason: null,
                updatedAt: new Date(),
              },
            );
          }
          await this.outbox.emit(
            tm,
            'compliance.screened',
            { regionPath: round.regionPath, departmentId: check.departmentId },
            {
              roundId,
              departmentId: check.departmentId,
              screens: checklist.template.items.filter((i) => i.auto).length,
              failingCases: failing,
            },
          );
        }
        const warning = run.calendarGaps ? `${run.calendarGaps} 件案卷的日期所在年份缺少官方工作日历，相关期限未能判断` : null;
        await tm.update(
          ComplianceRoundEntity,
          { id: roundId },
          {
            stage: RoundStage.SCREENED,
            screening: ScreeningState.DONE,
            screeningError: warning,
            screenedAt: new Date(),
            updatedAt: new Date(),
            version: () => 'version + 1',
          },
        );
        await this.audit.record(tm, actor ?? null, {
          operation: 'complianceScreened',
          targetType: 'ComplianceRound',
          targetId: roundId,
          after: { cases: run.engine.casesSeen, failingCases: run.engine.failingCases },
        });
        await this.outbox.emit(tm, 'import.progressed', scopeEvent, {
          importId: roundId,
          kind: PROGRESS_KIND,
          done: run.engine.casesSeen,
          total: run.engine.casesSeen,
          finished: true,
        });
        return true;
      });
      return written ? { cases: run.engine.casesSeen } : { cases: 0, skipped: true };
    } catch (error) {
      this.logger.error(`Screening of round ${roundId} failed: ${(error as Error).message}`);
      await this.tx.run(async (tm) => {
        await tm.update(ComplianceRoundEntity, current, {
          screening: ScreeningState.FAILED,
          screeningError: (error as Error).message.slice(0, 500),
          updatedAt: new Date(),
        });
        await this.outbox.emit(tm, 'import.progressed', scopeEvent, {
          importId: roundId,
          kind: PROGRESS_KIND,
          done: 0,
          total: 0,
          finished: true,
          failed: true,
        });
      });
      throw error;
    }
  }

  /** The screens over a scope with the database's calendar, today (Asia/Shanghai) as the as-of date. */
  async runScreens(
    m: EntityManager,
    keys: readonly string[],
    scope: CaseScope,
    evidenceLimit: number,
    progress?: (done: number, total: number) => Promise<void>,
  ): Promise<ScreenRun> {
    const engine = await runScreens(m, await this.calendars.calendar(), shanghaiToday(), keys, scope, evidenceLimit, progress);
    return { engine, calendarGaps: engine.calendarGaps };
  }
}
