import type { Session } from './types';

/**
 * Where the token pair lives.
 *
 * The API issues bearer tokens (no httpOnly cookie), so script can read them wherever they are
 * kept. localStorage is chosen over memory or sessionStorage because the office works in several
 * tabs and reloads often: one sign-in serves every tab, a reload does not cost a refresh, and
 * the `storage` event lets a sign-out or a token rotation in one tab reach the others at once.
 * The trade-off (an XSS could read the tokens) is the same for any JS-held bearer token; it is
 * bounded by the short access-token lifetime and by the server revoking the refresh-token family
 * on reuse and on logout.
 */
export interface SessionStore {
  /** The cached value; stable identity between changes (useSyncExternalStore relies on it). */
  get(): Session | null;
  /** Re-read storage, bypassing the cache: another tab may have written a moment ago. */
  reload(): Session | null;
  set(session: Session | null): void;
  subscribe(listener: () => void): () => void;
}

function parse(raw: string | null): Session | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<Session>;
    const ok =
      typeof value.accessToken === 'string' &&
      typeof value.refreshToken === 'string' &&
      typeof value.accessTokenExpiresAtLocal === 'number' &&
      typeof value.userId === 'string';
    return ok ? (value as Session) : null;
  } catch {
    return null;
  }
}

/** Storage-agnostic so tests can pass an in-memory Storage. */
export function createSessionStore(storage: Storage | null, key = 'ducha.session'): SessionStore {
  const listeners = new Set<() => void>();
  const read = (): Session | null => {
    try {
      return parse(storage?.getItem(key) ?? null);
    } catch {
      return null;
    }
  };
  let current = read();
  let currentRaw = current ? JSON.stringify(current) : null;

  const notify = () => listeners.forEach((listener) => listener());

  const adopt = (next: Session | null): Session | null => {
    const raw = next ? JSON.stringify(next) : null;
    if (raw !== currentRaw) {
      current = next;
      currentRaw = raw;
      notify();
    }
    return current;
  };

  return {
    get: () => current,
    reload: () => adopt(read()),
    set(session) {
      try {
        if (session) storage?.setItem(key, JSON.stringify(session));
        else storage?.removeItem(key);
      } catch {
        // Storage full or blocked: the session still works in this tab until it is closed.
      }
      adopt(session);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function createBrowserSessionStore(key = 'ducha.session'): SessionStore {
  const store = createSessionStore(browserStorage(), key);
  // Another tab signed in, out, or rotated the pair: pick it up without waiting for a request.
  window.addEventListener('storage', (event) => {
    if (event.key === key || event.key === null) store.reload();
  });
  return store;
}
