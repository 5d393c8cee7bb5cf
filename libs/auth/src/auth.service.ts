import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@ducha/config';
import { AuditService } from '@ducha/audit';
import { DomainException, hashPassword, passwordWeakness, verifyPassword, type Actor } from '@ducha/common';
import { ErrorCode } from '@ducha/contracts';
import { TransactionRunner, returning } from '@ducha/database';
import { OrgService, UserEntity, UserService } from '@ducha/org';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { RefreshTokenEntity } from './refresh-token.entity.js';
import { TokenService } from './token.service.js';

export interface IssuedTokens {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  userId: string;
}

const WRONG_CREDENTIALS = 'Wrong user name or password';
/** Compared against when the user does not exist, so timing does not reveal which user names exist. */
const DECOY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sign-in, token rotation, sign-out and password change. */
@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    private readonly config: AppConfig,
    private readonly tokens: TokenService,
    private readonly users: UserService,
    private readonly org: OrgService,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  /**
   * Each failure slows the next answer (0.2 s, 0.4 s, … up to 3 s); reaching the limit locks the
   * account for LOGIN_LOCK_SECONDS. The lock is answered TOO_MANY_REQUESTS with the wait.
   */
  async login(username: string, password: string): Promise<IssuedTokens> {
    const user = await this.users.findByUsername(username);
    if (!user) {
      await verifyPassword(password, DECOY_HASH);
      throw DomainException.unauthenticated(WRONG_CREDENTIALS);
    }
    this.assertNotLocked(user);
    if (user.disabled) throw DomainException.forbidden('This account is disabled');
    if (!(await verifyPassword(password, user.passwordHash))) {
      const failures = await this.recordFailure(user);
      await sleep(Math.min(200 * 2 ** (failures - 1), 3000));
      if (failures >= this.config.loginMaxFailures) {
        throw new DomainException(
          ErrorCode.TOO_MANY_REQUESTS,
          `Too many failed sign-ins; try again in ${this.config.loginLockSeconds} seconds`,
          [],
          {
            retryAfterSeconds: this.config.loginLockSeconds,
          },
        );
      }
      throw DomainException.unauthenticated(WRONG_CREDENTIALS);
    }
    return this.tx.run(async (m) => {
      await m.update(UserEntity, { id: user.id }, { failedLoginCount: 0, lockedUntil: null });
      await this.audit.record(m, { userId: user.id, unitId: user.unitId }, { operation: 'login', targetType: 'User', targetId: user.id });
      return this.issue(m, user.id, randomUUID());
    });
  }

  /** Rotates: the presented token is spent and a new one returned. A spent token presented again revokes its family. */
  async refresh(refreshToken: string): Promise<IssuedTokens> {
    const hash = this.tokens.hashRefresh(refreshToken);
    const outcome = await this.tx.run(async (m) => {
      const spent = await returning<{ user_id: string; family_id: string }>(
        m,
        `UPDATE refresh_token SET used_at = now()
          WHERE token_hash = $1 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()
          RETURNING user_id, family_id`,
        [hash],
      );
      if (spent.length === 1) {
        const user = await m.findOneBy(UserEntity, { id: spent[0].user_id });
        if (!user || user.disabled) return { error: 'This account is disabled' };
        return { tokens: await this.issue(m, user.id, spent[0].family_id) };
      }
      const known = await m.findOneBy(RefreshTokenEntity, { tokenHash: hash });
      if (known?.usedAt && !known.revokedAt) {
        // Someone replayed a spent token: assume theft and end every session of that sign-in.
        await m.update(RefreshTokenEntity, { familyId: known.familyId }, { revokedAt: new Date() });
        this.logger.warn(`Refresh token reuse detected for user ${known.userId}; family ${known.familyId} revoked`);
      }
      return { error: 'Refresh token is invalid, expired or already used' };
    });
    if ('error' in outcome) throw DomainException.unauthenticated(outcome.error);
    return outcome.tokens!;
  }

  async logout(refreshToken: string): Promise<boolean> {
    const hash = this.tokens.hashRefresh(refreshToken);
    const revoked = await returning(
      this.tx.manager,
      `UPDATE refresh_token SET revoked_at = now()
        WHERE family_id = (SELECT family_id FROM refresh_token WHERE token_hash = $1) AND revoked_at IS NULL
        RETURNING id`,
      [hash],
    );
    return revoked.length > 0;
  }

  async changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<boolean> {
    const user = await this.users.findById(actor.userId);
    if (!user) throw DomainException.unauthenticated();
    if (!(await verifyPassword(currentPassword, user.passwordHash)))
      throw DomainException.field('currentPassword', 'is not your current password');
    const weakness = passwordWeakness(newPassword);
    if (weakness) throw DomainException.field('newPassword', weakness);
    if (newPassword === currentPassword) throw DomainException.field('newPassword', 'must differ from the current password');
    const passwordHash = await hashPassword(newPassword);
    await this.tx.run(async (m) => {
      await m.update(UserEntity, { id: user.id }, { passwordHash, passwordChangedAt: new Date(), updatedAt: new Date() });
      // Other sessions end: every refresh token of this user is revoked.
      await m.update(RefreshTokenEntity, { userId: user.id }, { revokedAt: new Date() });
      await this.audit.record(m, actor, { operation: 'changePassword', targetType: 'User', targetId: user.id });
    });
    return true;
  }

  /** The actor behind an access token, read fresh: a disabled user's tokens stop working at once. */
  async actorForAccessToken(token: string): Promise<Actor> {
    const claims = await this.tokens.verifyAccess(token);
    const session = await this.org.session(claims.userId);
    if (!session) throw DomainException.unauthenticated('This account is disabled');
    // Tokens issued before a password change are void (iat has one-second precision).
    if (claims.issuedAt.getTime() + 1000 <= session.passwordChangedAt.getTime())
      throw DomainException.unauthenticated('Signed out after a password change');
    return session.actor;
  }

  private assertNotLocked(user: UserEntity): void {
    if (user.lockedUntil && user.lockedUntil > new Date()) {
      const wait = Math.ceil((user.lockedUntil.getTime() - Date.now()) / 1000);
      throw new DomainException(ErrorCode.TOO_MANY_REQUESTS, `Too many failed sign-ins; try again in ${wait} seconds`, [], {
        retryAfterSeconds: wait,
      });
    }
  }

  /** Counts a failure atomically (two wrong guesses at once both count) and locks at the limit. */
  private async recordFailure(user: UserEntity): Promise<number> {
    const rows = await returning<{ failed_login_count: number }>(
      this.tx.manager,
      `UPDATE app_user
          SET failed_login_count = CASE WHEN locked_until IS NOT NULL AND locked_until <= now() THEN 1 ELSE failed_login_count + 1 END,
              locked_until = CASE
                WHEN (CASE WHEN locked_until IS NOT NULL AND locked_until <= now() THEN 1 ELSE failed_login_count + 1 END) >= $2
                THEN now() + make_interval(secs => $3) ELSE NULL END
        WHERE id = $1
        RETURNING failed_login_count`,
      [user.id, this.config.loginMaxFailures, this.config.loginLockSeconds],
    );
    return rows[0]?.failed_login_count ?? 1;
  }

  private async issue(m: EntityManager, userId: string, familyId: string): Promise<IssuedTokens> {
    const access = await this.tokens.signAccess(userId, familyId);
    const refresh = this.tokens.newRefreshToken();
    await m.insert(RefreshTokenEntity, {
      userId,
      familyId,
      tokenHash: refresh.hash,
      expiresAt: new Date(Date.now() + this.config.refreshTokenTtlSeconds * 1000),
    });
    return { accessToken: access.token, accessTokenExpiresAt: access.expiresAt, refreshToken: refresh.token, userId };
  }
}
