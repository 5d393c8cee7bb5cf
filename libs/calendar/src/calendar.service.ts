import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AuditService } from '@ducha/audit';
import { DomainException, type Actor } from '@ducha/common';
import { TransactionRunner } from '@ducha/database';
import { OutboxService } from '@ducha/realtime';
import { Repository } from 'typeorm';
import type { CalendarYearData } from './calendar-year-data.js';
import { CalendarYearEntity } from './calendar-year.entity.js';
import { CalendarError } from './calendar.errors.js';
import { OFFICIAL_CALENDAR_SOURCE, loadOfficialCalendar } from './official-calendar.js';
import { validateYearData } from './validate-year-data.js';
import { WorkingDayCalendar } from './working-day-calendar.js';

/** Other api nodes pick up an administrator's change within this long. */
const REFRESH_MS = 30_000;

/**
 * The working-day calendar as the database holds it: the shipped official years (inserted at
 * first start) plus any year an administrator adds. Deadline arithmetic everywhere uses this.
 *
 * It is read from memory, never from the database on demand: deadlines are computed inside other
 * services' transactions, and a query outside that transaction would wait forever for the single
 * embedded connection the transaction holds. So it is loaded at start, reloaded after a change
 * here, and refreshed in the background for changes made on other nodes.
 */
@Injectable()
export class CalendarService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CalendarService.name);
  private cached: WorkingDayCalendar | undefined;
  private refresher: NodeJS.Timeout | undefined;

  constructor(
    @InjectRepository(CalendarYearEntity) private readonly years: Repository<CalendarYearEntity>,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  /** Inserts shipped years the database does not have yet; never overwrites an administrator's year. */
  async onApplicationBootstrap(): Promise<void> {
    const rows = loadOfficialCalendar().map((y) => ({
      year: y.year,
      holidays: y.holidays,
      makeUpWorkdays: y.makeUpWorkdays,
      names: y.names ?? {},
      source: OFFICIAL_CALENDAR_SOURCE,
    }));
    await this.years.createQueryBuilder().insert().values(rows).orIgnore().execute();
    await this.reload();
    this.refresher = setInterval(
      () => void this.reload().catch((error: Error) => this.logger.warn(`Calendar refresh failed: ${error.message}`)),
      REFRESH_MS,
    );
    this.refresher.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.refresher);
  }

  async calendar(): Promise<WorkingDayCalendar> {
    return this.cached ?? this.reload();
  }

  private async reload(): Promise<WorkingDayCalendar> {
    const rows = await this.years.find({ order: { year: 'ASC' } });
    this.cached = new WorkingDayCalendar(rows.map(toYearData));
    return this.cached;
  }

  list(): Promise<CalendarYearEntity[]> {
    return this.years.find({ order: { year: 'ASC' } });
  }

  /** Adds or replaces one year; validated as a whole (make-up days must be weekends, dates inside the year…). */
  async upsertYear(actor: Actor, data: CalendarYearData): Promise<CalendarYearEntity> {
    const issues = validateYearData(data);
    if (issues.length)
      throw DomainException.badInput(
        `Calendar ${data.year} is not valid: ${issues[0].reason}`,
        issues.map((i) => ({ field: i.field, reason: i.reason })),
      );
    const saved = await this.tx.run(async (m) => {
      const before = await m.findOneBy(CalendarYearEntity, { year: data.year });
      await m.upsert(
        CalendarYearEntity,
        {
          year: data.year,
          holidays: data.holidays,
          makeUpWorkdays: data.makeUpWorkdays,
          names: data.names ?? {},
          source: `admin:${actor.username}`,
          updatedAt: new Date(),
        },
        ['year'],
      );
      const after = await m.findOneByOrFail(CalendarYearEntity, { year: data.year });
      await this.audit.record(m, actor, {
        operation: 'upsertCalendarYear',
        targetType: 'CalendarYear',
        targetId: String(data.year),
        before,
        after,
      });
      await this.outbox.emit(m, 'calendar.year_changed', { regionPath: '/', departmentId: null }, { year: data.year });
      return after;
    });
    await this.reload();
    this.logger.log(`Calendar ${data.year} saved by ${actor.username}`);
    return saved;
  }

  /** The date `n` working days after `date`; a year without official data is a BAD_USER_INPUT naming it. */
  async addWorkingDays(date: string, n: number): Promise<string> {
    const calendar = await this.calendar();
    try {
      return calendar.addWorkingDays(date, n);
    } catch (error) {
      throw asDomain(error, 'date');
    }
  }

  async workingDaysBetween(from: string, to: string): Promise<number> {
    const calendar = await this.calendar();
    try {
      return calendar.workingDaysBetween(from, to);
    } catch (error) {
      throw asDomain(error, 'to');
    }
  }
}

function toYearData(row: CalendarYearEntity): CalendarYearData {
  return { year: row.year, holidays: row.holidays, makeUpWorkdays: row.makeUpWorkdays, names: row.names };
}

function asDomain(error: unknown, field: string): unknown {
  return error instanceof CalendarError || error instanceof RangeError ? DomainException.field(field, error.message) : error;
}
