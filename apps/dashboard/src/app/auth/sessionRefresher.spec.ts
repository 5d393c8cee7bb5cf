import { describe, expect, it } from '@jest/globals';
import { ErrorCode } from '@ducha/contracts';
import { GraphQLRequestError } from '../../shared/errors/GraphQLRequestError';
import { createSessionRefresher, SessionEndedError, type SessionRefresherDeps } from './sessionRefresher';
import { createSessionStore, type SessionStore } from './sessionStore';
import type { Session } from './types';

class MemoryStorage implements Storage {
  private readonly map = new Map<string, string>();
  get length() {
    return this.map.size;
  }
  clear() {
    this.map.clear();
  }
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  key(index: number) {
    return [...this.map.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
  setItem(key: string, value: string) {
    this.map.set(key, value);
  }
}

const NOW = 1_700_000_000_000;

function session(n: number, expiresInMs = 600_000): Session {
  return { accessToken: `at-${n}`, refreshToken: `rt-${n}`, accessTokenExpiresAtLocal: NOW + expiresInMs, userId: 'u1' };
}

function refused(code: ErrorCode): GraphQLRequestError {
  return new GraphQLRequestError([{ message: 'no', extensions: { code } }], 200);
}

/** A refresher over in-memory storage whose server answers are scripted per call. */
function setup(initial: Session | null, answer: (refreshToken: string, call: number) => Promise<Session>) {
  const storage = new MemoryStorage();
  const store: SessionStore = createSessionStore(storage, 'k');
  store.set(initial);
  const calls: string[] = [];
  const deps: SessionRefresherDeps = {
    store,
    requestRefresh: (token) => {
      calls.push(token);
      return answer(token, calls.length);
    },
    withLock: (task) => task(),
    now: () => NOW,
  };
  return { store, storage, calls, refresher: createSessionRefresher(deps) };
}

describe('createSessionRefresher', () => {
  it('should send one refresh request for concurrent callers and give all of them the new session', async () => {
    const { refresher, calls, store } = setup(session(1), async () => session(2));
    const results = await Promise.all([refresher.refresh(), refresher.refresh(), refresher.refresh()]);
    expect(calls).toEqual(['rt-1']);
    expect(results.map((s) => s.accessToken)).toEqual(['at-2', 'at-2', 'at-2']);
    expect(store.get()?.refreshToken).toBe('rt-2');
  });

  it('should use the rotated token for the next refresh, never the spent one', async () => {
    let n = 1;
    const { refresher, calls } = setup(session(1), async () => session(++n));
    await refresher.refresh();
    await refresher.refresh();
    expect(calls).toEqual(['rt-1', 'rt-2']);
  });

  it('should adopt the pair another tab stored instead of spending the old token', async () => {
    const { refresher, calls, storage } = setup(session(1), async () => session(99));
    // Another tab rotated: storage changed, this tab's cache has not seen it yet.
    storage.setItem('k', JSON.stringify(session(2)));
    const result = await refresher.refresh();
    expect(calls).toEqual([]);
    expect(result.refreshToken).toBe('rt-2');
  });

  it('should clear the session and reject with SessionEndedError when the refresh token is refused', async () => {
    const { refresher, store } = setup(session(1), async () => {
      throw refused(ErrorCode.UNAUTHENTICATED);
    });
    await expect(refresher.refresh()).rejects.toBeInstanceOf(SessionEndedError);
    expect(store.get()).toBeNull();
  });

  it('should keep the session when the refresh fails for a transient reason', async () => {
    const { refresher, store } = setup(session(1), async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(refresher.refresh()).rejects.toBeInstanceOf(TypeError);
    expect(store.get()?.refreshToken).toBe('rt-1');
  });

  it('should send a still-valid token without refreshing', async () => {
    const { refresher, calls } = setup(session(1), async () => session(2));
    expect((await refresher.sessionForRequest())?.accessToken).toBe('at-1');
    expect(calls).toEqual([]);
  });

  it('should refresh before a request when the token expires within the margin', async () => {
    const { refresher, calls } = setup(session(1, 10_000), async () => session(2));
    expect((await refresher.sessionForRequest())?.accessToken).toBe('at-2');
    expect(calls).toEqual(['rt-1']);
  });

  it('should retry without refreshing when the rejected token was already replaced', async () => {
    const { refresher, calls } = setup(session(2), async () => session(3));
    expect(await refresher.renewAfterRejection('at-1')).toBe(true);
    expect(calls).toEqual([]);
  });

  it('should report no renewal when there is no session', async () => {
    const { refresher } = setup(null, async () => session(2));
    expect(await refresher.renewAfterRejection('at-1')).toBe(false);
  });
});
