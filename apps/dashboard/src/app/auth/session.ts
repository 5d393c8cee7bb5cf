import { requestRefresh } from './authApi';
import { createSessionRefresher, webLock } from './sessionRefresher';
import { createBrowserSessionStore } from './sessionStore';

/**
 * The one session of this browser tab. Module singletons rather than React state because the
 * Apollo link chain (outside React) and the AuthProvider (inside) must see the same tokens and
 * share one in-flight refresh.
 */
export const sessionStore = createBrowserSessionStore();

export const sessionRefresher = createSessionRefresher({
  store: sessionStore,
  requestRefresh,
  withLock: webLock,
});
