import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { AuditService } from '@ducha/audit';
import { DomainException, pageWindow, type Actor } from '@ducha/common';
import { Role } from '@ducha/contracts';
import { returning, TransactionRunner } from '@ducha/database';
import { AccessPolicy } from '@ducha/org';
import { JobHandlers, JobName, JobProducer } from '@ducha/queue';
import { OutboxService } from '@ducha/realtime';
import { ComplianceRateEntity, type ScreenCounts } from './entities/compliance-rate.entity.js';
import { SCREEN_KEYS } from './screens/index.js';
import { shanghaiToday } from './screening/screen-context.js';
import { ScreeningService } from './screening.service.js';

/** A nightly run that started this long ago without finishing is taken for dead; another job may take its day. */
const NIGHTLY_STALE = '1 hour';
const DISCLOSURE = ['DISCLOSURE_WITHIN_7_WORKING_DAYS', 'DISCLOSURE_WITHIN_20_WORKING_DAYS'];
const sum = (s: ScreenCounts, keys: string[]) =>
  keys.reduce((a, k) => ({ passed: a.passed + (s[k]?.passed ?? 0), total: a.total + (s[k]?.total ?? 0) }), { passed: 0, total: 0 });

/** The cockpit's figures for one department and year, from the standing screen's counts. */
export function liveRates(s: ScreenCounts) {
  return {
    disclosureOnTime: sum(s, DISCLOSURE),
    legalReviewCoverage: sum(s, ['MAJOR_DECISIONS_REVIEWED_BEFORE_DECISION']),
    avFiled: sum(s, ['AV_FILED_WITH_CASE']),
  };
}

/**
 * The standing screen: every screen over every department's case files of the current year, nightly
 * (SCHEDULES: 02:00 Asia/Shanghai, once per day) and on demand, without a round. Stores counts per department and emits
 * `compliance.rates_updated` for each department whose figures changed.
 */
@Injectable()
export class StandingScreenService implements OnModuleInit {
  private readonly logger = new Logger(StandingScreenService.name);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly screening: ScreeningService,
    private readonly producer: JobProducer,
    private readonly handlers: JobHandlers,
  ) {}

  onModuleInit(): void {
    this.handlers.register(JobName.COMPLIANCE_STANDING_SCREEN, async ({ year }, job) =>
      year === undefined ? this.nightly(job.id ?? 'unknown') : this.screenYear(year),
    );
  }

  /**
   * The scheduled run: today's (Asia/Shanghai) year, once per day. The job claims the day; another
   * job of the same day does nothing unless the claim's job died (a retry of the same job, or an
   * unfinished claim older than NIGHTLY_STALE).
   */
  async nightly(jobId: string): Promise<{ day: string; skipped?: true; cases?: number; changed?: number }> {
    const day = shanghaiToday();
    const claimed = await returning<{ day: string }>(
      this.tx.manager,
      `INSERT INTO compliance_standing_run (day, job_id) VALUES ($1, $2)
        ON CONFLICT (day) DO UPDATE SET job_id = EXCLUDED.job_id, started_at = now()
        WHERE compliance_standing_run.finished_at IS NULL
          AND (compliance_standing_run.job_id = EXCLUDED.job_id OR compliance_standing_run.started_at < now() - interval '${NIGHTLY_STALE}')
        RETURNING day`,
      [day, jobId],
    );
    if (!claimed.length) return { day, skipped: true };
    const { cases, changed } = await this.screenYear(Number(day.slice(0, 4)));
    await this.tx.manager.query(`UPDATE compliance_standing_run SET finished_at = now(), cases = $2 WHERE day = $1`, [day, cases]);
    return { day, cases, changed };
  }

  /** On demand: queues the standing screen (inspectors and administrators). */
  async requestStandingScreen(actor: Actor, year?: number): Promise<string> {
    if (!actor.roles.includes(Role.ADMIN))
      AccessPolicy.enforce(AccessPolicy.canInspect(actor, { unitId: '', regionPath: actor.regionPath }));
    const current = Number(shanghaiToday().slice(0, 4));
    if (year !== undefined && (year < 2000 || year > current)) throw DomainException.field('year', `must be between 2000 and ${current}`);
    await this.tx.run((m) =>
      this.audit.record(m, actor, { operation: 'requestStandingScreen', targetType: 'ComplianceRate', targetId: String(year ?? current) }),
    );
    return this.producer.enqueue(JobName.COMPLIANCE_STANDING_SCREEN, { year: year ?? current }, { attempts: 1 });
  }

  /** The job: returns how many case files went through and how many departments changed. */
  async screenYear(year: number): Promise<{ cases: number; departments: number; changed: number }> {
    const m = this.tx.manager;
    const run = await this.screening.runScreens(m, SCREEN_KEYS, { departmentIds: null, from: `${year}-01-01`, to: `${year}-12-31` }, 0);
    const outcomes = run.engine.outcomes();
    const previous = new Map((await m.findBy(ComplianceRateEntity, { year })).map((r) => [r.departmentId, JSON.stringify(r.screens)]));
    const rows: ComplianceRateEntity[] = [];
    for (const [departmentId, perScreen] of outcomes) {
      const screens: ScreenCounts = Object.fromEntries([...perScreen].map(([k, o]) => [k, { passed: o.passed, total: o.total }]));
      const touched = Object.values(screens).some((c) => c.total > 0);
      if (!touched && !previous.has(departmentId)) continue;
      if (previous.get(departmentId) === JSON.stringify(screens)) continue;
      rows.push(Object.assign(new ComplianceRateEntity(), { departmentId, year, screens, screenedAt: new Date() }));
    }
    const paths = await this.regionPaths(rows.map((r) => r.departmentId));
    await this.tx.run(async (tm) => {
      for (let i = 0; i < rows.length; i += 1000) await tm.upsert(ComplianceRateEntity, rows.slice(i, i + 1000), ['departmentId', 'year']);
      for (const r of rows) {
        const regionPath = paths.get(r.departmentId);
        if (!regionPath) continue;
        await this.outbox.emit(
          tm,
          'compliance.rates_updated',
          { regionPath, departmentId: r.departmentId },
          { departmentId: r.departmentId, year, ...liveRates(r.screens) },
        );
      }
      if (rows.length) {
        await this.outbox.emit(
          tm,
          'compliance.screened',
          { regionPath: '/', departmentId: null },
          { roundId: null, departmentId: null, screens: SCREEN_KEYS.length, failingCases: run.engine.failingCases },
        );
      }
    });
    this.logger.log(`Standing screen ${year}: ${run.engine.casesSeen} case files, ${rows.length} departments changed`);
    return { cases: run.engine.casesSeen, departments: outcomes.size, changed: rows.length };
  }

  /** Live rates of the departments in the actor's region (paginated). */
  async rates(
    actor: Actor,
    args: { year: number; departmentId?: string; page?: number; pageSize?: number },
  ): Promise<{ items: (ComplianceRateEntity & { departmentName: string })[]; total: number }> {
    AccessPolicy.enforce(AccessPolicy.canReadRegion(actor, actor.regionPath));
    const { skip, take } = pageWindow(args);
    const params: unknown[] = [args.year, `${actor.regionPath}%`];
    let where = `c.year = $1 AND r.path LIKE $2`;
    if (args.departmentId) {
      params.push(args.departmentId);
      where += ` AND c.department_id = $3`;
    }
    const from = `FROM compliance_rate c JOIN unit u ON u.id = c.department_id JOIN region r ON r.id = u.region_id WHERE ${where}`;
    const [{ n }] = await this.tx.manager.query(`SELECT count(*)::int AS n ${from}`, params);
    const items = await this.tx.manager.query(
      `SELECT c.department_id AS "departmentId", c.year, c.screens, c.screened_at AS "screenedAt", u.name AS "departmentName" ${from} ORDER BY u.name LIMIT ${take} OFFSET ${skip}`,
      params,
    );
    return { items, total: n };
  }

  /** Region paths of departments, one set-based read (events are scoped by region). */
  private async regionPaths(departmentIds: string[]): Promise<Map<string, string>> {
    if (!departmentIds.length) return new Map();
    const rows: { id: string; path: string }[] = await this.tx.manager.query(
      `SELECT u.id, r.path FROM unit u JOIN region r ON r.id = u.region_id WHERE u.id = ANY($1::uuid[])`,
      [departmentIds],
    );
    return new Map(rows.map((r) => [r.id, r.path]));
  }
}
