import { useApolloClient, useQuery } from '@apollo/client/react';
import { ErrorCode, type Role } from '@ducha/contracts';
import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore, type ReactNode } from 'react';
import { describeError } from '../../shared/errors/describeError';
import { AuthContext, type AuthContextValue, type AuthStatus } from './AuthContext';
import { requestSignIn, requestSignOut } from './authApi';
import { ME_QUERY } from './operations';
import { sessionStore } from './session';

/**
 * Owns "who is signed in". The token pair lives in the session store (shared with the Apollo
 * links and other tabs); this provider derives the UI state from it and from the `me` query, so
 * a refresh refused anywhere (a link, another tab) sends the user to sign-in without extra wiring.
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  const client = useApolloClient();
  const session = useSyncExternalStore(sessionStore.subscribe, sessionStore.get);
  const userId = session?.userId ?? null;
  const { data, error, refetch } = useQuery(ME_QUERY, { skip: !session });

  // Cached data belongs to a user: drop it on sign-out, refetch it when another tab signed in
  // as someone else.
  const previousUserId = useRef(userId);
  useEffect(() => {
    const previous = previousUserId.current;
    previousUserId.current = userId;
    if (previous === userId) return;
    // Failures here are failures of refetched queries, which report through their own hooks.
    if (userId === null) client.clearStore().catch(() => undefined);
    else if (previous !== null) client.resetStore().catch(() => undefined);
  }, [userId, client]);

  const errorCode = error ? describeError(error).code : null;
  useEffect(() => {
    // The refresh link already tried; a `me` still refused means the session is unusable.
    if (errorCode === ErrorCode.UNAUTHENTICATED) sessionStore.set(null);
  }, [errorCode]);

  const me = session && data?.me ? data.me : null;
  let status: AuthStatus;
  if (!session) status = 'anonymous';
  else if (me) status = 'authenticated';
  else if (error && errorCode !== ErrorCode.UNAUTHENTICATED) status = 'unreachable';
  else status = 'loading';

  const signIn = useCallback(
    async (username: string, password: string) => {
      const signedIn = await requestSignIn(username, password);
      // Seed the cache before publishing the session so the first render after sign-in already
      // has the user and no `me` round trip is needed.
      client.writeQuery({ query: ME_QUERY, data: { me: signedIn.me } });
      sessionStore.set(signedIn.session);
    },
    [client],
  );

  const signOut = useCallback(async () => {
    const ending = sessionStore.get();
    sessionStore.set(null);
    if (!ending) return;
    try {
      await requestSignOut(ending);
    } catch {
      // Local sign-out has happened; an unreachable server only means the refresh token lives
      // until it expires.
    }
  }, []);

  const retry = useCallback(() => void refetch().catch(() => undefined), [refetch]);

  const value = useMemo<AuthContextValue>(
    () => ({
      status,
      me,
      signIn,
      signOut,
      retry,
      hasRole: (role: Role) => me?.roles.includes(role) ?? false,
    }),
    [status, me, signIn, signOut, retry],
  );

  return <AuthContext value={value}>{children}</AuthContext>;
}
