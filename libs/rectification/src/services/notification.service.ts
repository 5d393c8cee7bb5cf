import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { DomainException, pageWindow, type Actor } from '@ducha/common';
import { TransactionRunner } from '@ducha/database';
import { OutboxService } from '@ducha/realtime';
import type { EntityManager } from 'typeorm';
import { NotificationEntity } from '../entities/rectification-records.entity.js';
import type { NotificationKind } from '../rectification.enums.js';

/** Where a notification goes besides the in-app centre: SMS, WeCom, DingTalk… plug one in here. */
export interface NotificationChannel {
  readonly name: string;
  deliver(notification: NotificationEntity): Promise<void>;
}

export const NOTIFICATION_CHANNELS = Symbol('NOTIFICATION_CHANNELS');

/** The channel of this build: writes each notification to the log. */
export class LogNotificationChannel implements NotificationChannel {
  readonly name = 'log';
  private readonly logger = new Logger('NotificationChannel');
  async deliver(n: NotificationEntity): Promise<void> {
    this.logger.log(`notify ${n.userId} [${n.kind}] ${n.title}`);
  }
}

export interface NotificationDraft {
  kind: NotificationKind;
  title: string;
  body: string;
  taskId: string | null;
}

/** The in-app notification centre: stored per user, read/unread, pushed live through the outbox. */
@Injectable()
export class NotificationService {
  private readonly logger = new Logger(NotificationService.name);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly outbox: OutboxService,
    @Optional() @Inject(NOTIFICATION_CHANNELS) private readonly channels: NotificationChannel[] = [new LogNotificationChannel()],
  ) {}

  /** Notifies every active department officer of these units, inside the caller's transaction. */
  async toDepartments(
    m: EntityManager,
    departmentIds: readonly string[],
    draft: NotificationDraft,
    regionPath: string,
  ): Promise<NotificationEntity[]> {
    const users: { id: string; unit_id: string }[] = await m.query(
      `SELECT id, unit_id FROM app_user WHERE unit_id = ANY($1) AND NOT disabled AND 'DEPARTMENT_OFFICER' = ANY(roles)`,
      [departmentIds],
    );
    return this.insert(
      m,
      users.map((u) => ({ userId: u.id, departmentId: u.unit_id })),
      draft,
      regionPath,
    );
  }

  async toUsers(
    m: EntityManager,
    userIds: readonly (string | null)[],
    draft: NotificationDraft,
    regionPath: string,
  ): Promise<NotificationEntity[]> {
    const ids = [...new Set(userIds.filter((id): id is string => !!id))];
    if (!ids.length) return [];
    const users: { id: string; unit_id: string }[] = await m.query(`SELECT id, unit_id FROM app_user WHERE id = ANY($1) AND NOT disabled`, [
      ids,
    ]);
    return this.insert(
      m,
      users.map((u) => ({ userId: u.id, departmentId: u.unit_id })),
      draft,
      regionPath,
    );
  }

  /** Hands committed notifications to the pluggable channels; a channel failure never fails the change. */
  async deliver(notifications: readonly NotificationEntity[]): Promise<void> {
    for (const n of notifications) {
      for (const channel of this.channels) {
        await channel.deliver(n).catch((e: Error) => this.logger.warn(`Channel ${channel.name} failed for ${n.id}: ${e.message}`));
      }
    }
  }

  async list(
    actor: Actor,
    args: { page?: number; pageSize?: number; unreadOnly?: boolean },
  ): Promise<{ items: NotificationEntity[]; total: number; unread: number }> {
    const { skip, take } = pageWindow(args);
    const q = this.tx.manager.createQueryBuilder(NotificationEntity, 'n').where('n.user_id = :u', { u: actor.userId });
    if (args.unreadOnly) q.andWhere('n.read_at IS NULL');
    const [items, total] = await q.orderBy('n.created_at', 'DESC').addOrderBy('n.id').skip(skip).take(take).getManyAndCount();
    const [{ n }] = await this.tx.manager.query(`SELECT count(*)::int AS n FROM notification WHERE user_id = $1 AND read_at IS NULL`, [
      actor.userId,
    ]);
    return { items, total, unread: n };
  }

  /** Marks the given notifications (or all) of the actor read; someone else's ids are NOT_FOUND. */
  async markRead(actor: Actor, ids: readonly string[] | undefined): Promise<number> {
    return this.tx.run(async (m) => {
      if (ids?.length) {
        const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM notification WHERE id = ANY($1) AND user_id = $2`, [
          ids,
          actor.userId,
        ]);
        if (n !== new Set(ids).size) throw DomainException.notFound('Notification');
      }
      const result = await m
        .createQueryBuilder()
        .update(NotificationEntity)
        .set({ readAt: () => 'now()' })
        .where('user_id = :u AND read_at IS NULL', { u: actor.userId })
        .andWhere(ids?.length ? 'id IN (:...ids)' : 'true', { ids })
        .execute();
      return result.affected ?? 0;
    });
  }

  private async insert(
    m: EntityManager,
    targets: { userId: string; departmentId: string }[],
    draft: NotificationDraft,
    regionPath: string,
  ): Promise<NotificationEntity[]> {
    if (!targets.length) return [];
    const rows = targets.map((t) =>
      m.create(NotificationEntity, {
        userId: t.userId,
        kind: draft.kind,
        title: draft.title,
        body: draft.body,
        taskId: draft.taskId,
        readAt: null,
      }),
    );
    const saved = await m.save(rows);
    for (const [i, n] of saved.entries()) {
      await this.outbox.emit(
        m,
        'notification.created',
        { regionPath, departmentId: targets[i].departmentId },
        { notificationId: n.id, userId: n.userId, title: n.title, kind: n.kind },
      );
    }
    return saved;
  }
}
