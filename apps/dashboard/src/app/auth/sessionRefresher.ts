import { ErrorCode } from '@ducha/contracts';
import { describeError } from '../../shared/errors/describeError';
import type { SessionStore } from './sessionStore';
import type { Session } from './types';

/** The refresh token was refused: the session is over and the user must sign in again. */
export class SessionEndedError extends Error {
  override readonly name = 'SessionEndedError';
}

/**
 * Codes by which the server refuses a refresh token for good (expired, revoked, already
 * rotated, user disabled). Anything else (network, 5xx, rate limit) is transient: the session is
 * kept so the next request can try again instead of throwing the user out over a hiccup.
 */
const FINAL_CODES = new Set<ErrorCode>([
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.FORBIDDEN,
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.NOT_FOUND,
  ErrorCode.CONFLICT,
]);

export function isFinalRefreshError(error: unknown): boolean {
  const { code } = describeError(error);
  return code !== null && FINAL_CODES.has(code);
}

export interface SessionRefresherDeps {
  store: SessionStore;
  requestRefresh: (refreshToken: string) => Promise<Session>;
  /** Runs `task` while no other tab refreshes (Web Locks); plain call where unavailable. */
  withLock: <T>(task: () => Promise<T>) => Promise<T>;
  now?: () => number;
}

export interface SessionRefresher {
  /** Rotate the pair. Concurrent calls in this tab share one request. */
  refresh(): Promise<Session>;
  /** The session to send with a request, refreshed first when its token is about to expire. */
  sessionForRequest(): Promise<Session | null>;
  /** After the server answered UNAUTHENTICATED to `rejectedToken`: is a newer token available? */
  renewAfterRejection(rejectedToken: string | undefined): Promise<boolean>;
}

/** Refresh this long before expiry so a request never leaves with a token that dies in flight. */
const EXPIRY_MARGIN_MS = 30_000;

export function createSessionRefresher(deps: SessionRefresherDeps): SessionRefresher {
  const { store } = deps;
  const now = deps.now ?? Date.now;
  let inFlight: Promise<Session> | null = null;

  async function rotate(): Promise<Session> {
    const before = store.get();
    if (!before) throw new SessionEndedError('no session');
    return deps.withLock(async () => {
      // Refresh tokens rotate and die on use: if another tab rotated while we waited for the
      // lock, storage already holds the new pair, and using our old token would fail (or make
      // the server revoke the whole family as a replay). Adopt theirs instead.
      const latest = store.reload();
      if (!latest) throw new SessionEndedError('signed out elsewhere');
      if (latest.refreshToken !== before.refreshToken) return latest;
      try {
        const next = await deps.requestRefresh(latest.refreshToken);
        store.set(next);
        return next;
      } catch (error) {
        if (!isFinalRefreshError(error)) throw error;
        // Without Web Locks (plain-http intranet) two tabs can race; the loser must not sign
        // out the winner, so look once more before forgetting the session.
        const again = store.reload();
        if (again && again.refreshToken !== latest.refreshToken) return again;
        store.set(null);
        throw new SessionEndedError('refresh token refused', { cause: error });
      }
    });
  }

  function refresh(): Promise<Session> {
    inFlight ??= rotate().finally(() => {
      inFlight = null;
    });
    return inFlight;
  }

  return {
    refresh,

    async sessionForRequest() {
      const session = store.get();
      if (!session) return null;
      if (session.accessTokenExpiresAtLocal - now() > EXPIRY_MARGIN_MS) return session;
      try {
        return await refresh();
      } catch {
        // Transient failure: send what we have and let the server decide; a final failure has
        // already cleared the store and the app is on its way to the sign-in page.
        return store.get();
      }
    },

    async renewAfterRejection(rejectedToken) {
      const session = store.get();
      if (!session) return false;
      // A parallel request already rotated the pair: just retry with the new token.
      if (rejectedToken !== undefined && session.accessToken !== rejectedToken) return true;
      try {
        await refresh();
        return true;
      } catch {
        return false;
      }
    },
  };
}

/** Cross-tab mutual exclusion. `navigator.locks` exists only in secure contexts (https, localhost). */
export function webLock<T>(task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? locks.request('ducha.session.refresh', task) : task();
}
