import { Args, Field, ID, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { AuditService } from '@ducha/audit';
import { CurrentActor, GraphQLJSON, type Actor } from '@ducha/common';
import { AccessPolicy } from '@ducha/org';
import { DataSource } from 'typeorm';

@ObjectType()
export class AuditEntry {
  @Field(() => ID) id: string;
  @Field() occurredAt: Date;
  @Field(() => ID, { nullable: true }) actorUserId: string | null;
  @Field(() => ID, { nullable: true }) actorUnitId: string | null;
  @Field() operation: string;
  @Field() targetType: string;
  @Field() targetId: string;
  @Field(() => GraphQLJSON, { nullable: true }) before: unknown;
  @Field(() => GraphQLJSON, { nullable: true }) after: unknown;
  @Field() requestId: string;
  @Field(() => String, { nullable: true, description: 'Position in the hash chain; null until sealed (seconds after commit)' })
  chainSeq: string | null;
}

@Resolver()
export class AuditResolver {
  constructor(
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
  ) {}

  @Query(() => [AuditEntry], { description: 'Every recorded change to one target, newest first (administrators)' })
  async auditTrail(
    @CurrentActor() actor: Actor,
    @Args('targetId') targetId: string,
    @Args('limit', { type: () => Int, defaultValue: 100 }) limit: number,
  ): Promise<AuditEntry[]> {
    AccessPolicy.enforce(AccessPolicy.canReadAudit(actor));
    return this.audit.trail(this.dataSource.manager, targetId, Math.min(Math.max(limit, 1), 500));
  }
}
