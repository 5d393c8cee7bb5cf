import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainException, IS_PUBLIC, REQUIRED_ROLES, RequestContext, requestOf } from '@ducha/common';
import type { Role } from '@ducha/contracts';
import { AuthService } from './auth.service.js';

/**
 * Global guard: every GraphQL operation and REST route needs a valid access token unless marked
 * @Public(); @Roles() narrows further. The actor is read fresh from the database on each request.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = requestOf(context);
    const header = request.headers.authorization;
    const token = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    if (!token) throw DomainException.unauthenticated('Sign in first: no access token');
    request.actor ??= await this.auth.actorForAccessToken(token);
    const ctx = RequestContext.current();
    if (ctx) ctx.userId = request.actor.userId;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && !roles.some((r) => request.actor!.roles.includes(r))) {
      throw DomainException.forbidden(`Forbidden: requires one of the roles ${roles.join(', ')}`);
    }
    return true;
  }
}
