import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Role } from '@ducha/contracts';
import type { Actor } from './actor.js';
import { DomainException } from './domain.exception.js';

export const IS_PUBLIC = 'ducha:isPublic';
export const REQUIRED_ROLES = 'ducha:requiredRoles';

/** Marks an operation that needs no sign-in. Everything else is guarded by default. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/** The caller must hold one of these roles (scope rules are checked in the service). */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(REQUIRED_ROLES, roles);

/** The HTTP request behind a GraphQL or REST call. */
export function requestOf(context: ExecutionContext): {
  actor?: Actor;
  headers: Record<string, string | string[] | undefined>;
  ip?: string;
} {
  if (context.getType<string>() === 'graphql') return GqlExecutionContext.create(context).getContext().req;
  return context.switchToHttp().getRequest();
}

/** The signed-in actor, set by the auth guard. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const actor = requestOf(context).actor;
  if (!actor) throw DomainException.unauthenticated();
  return actor;
});
