import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, Roles, type Actor } from '@ducha/common';
import { Role } from '@ducha/contracts';
import { MarkNotificationsReadInput, NotificationsArgs } from './dto/task.inputs.js';
import { NotificationPage, SweepResult } from './models/ledger.model.js';
import { EscalationService } from './services/escalation.service.js';
import { NotificationService } from './services/notification.service.js';

@Resolver()
export class NotificationResolver {
  constructor(
    private readonly centre: NotificationService,
    private readonly escalation: EscalationService,
  ) {}

  @Query(() => NotificationPage, { name: 'notifications', description: 'Your notification centre, newest first' })
  async notifications(@CurrentActor() actor: Actor, @Args() args: NotificationsArgs): Promise<NotificationPage> {
    const { items, total, unread } = await this.centre.list(actor, args);
    return {
      items: items.map((n) => ({
        id: n.id,
        kind: n.kind,
        title: n.title,
        body: n.body,
        taskId: n.taskId,
        read: n.readAt !== null,
        createdAt: n.createdAt,
      })),
      total,
      unread,
    };
  }

  @Mutation(() => Int, { description: 'Marks the given (or all) of your notifications read; answers how many changed' })
  markNotificationsRead(@CurrentActor() actor: Actor, @Args('input') input: MarkNotificationsReadInput): Promise<number> {
    return this.centre.markRead(actor, input.ids);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => SweepResult, { description: 'Runs the escalation sweep now (it also runs every 5 minutes)' })
  runEscalationSweep(): Promise<SweepResult> {
    return this.escalation.sweep();
  }
}
