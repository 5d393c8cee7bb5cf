import type { GraphQLFormattedError } from 'graphql';
import { GraphQLRequestError } from '../../shared/errors/GraphQLRequestError';
import type { AuthPayload, Me, Session } from './types';

/**
 * The session calls (sign in, refresh, sign out) go over plain fetch, not Apollo: the Apollo link
 * chain itself depends on the session (it adds the token and refreshes on UNAUTHENTICATED), so
 * routing refresh through it would recurse, and these calls also need the response's Date header
 * to measure clock skew.
 */

const GRAPHQL_URL = '/graphql';

/** Selection of `Me`, shared with the Apollo `me` query so the cache gets identical objects. */
export const ME_FIELDS = `
  __typename id username displayName roles
  unit { __typename id code name kind regionId }
`;

const AUTH_PAYLOAD_FIELDS = `accessToken accessTokenExpiresAt refreshToken user { ${ME_FIELDS} }`;

const LOGIN = `mutation SignIn($input: LoginInput!) { login(input: $input) { ${AUTH_PAYLOAD_FIELDS} } }`;
const REFRESH = `mutation RefreshToken($input: RefreshTokenInput!) { refreshToken(input: $input) { ${AUTH_PAYLOAD_FIELDS} } }`;
const LOGOUT = `mutation SignOut($input: RefreshTokenInput!) { logout(input: $input) }`;

interface GraphQLBody<T> {
  data?: T | null;
  errors?: GraphQLFormattedError[];
}

interface Answer<T> {
  data: T;
  /** Server time from the Date header, or null when a proxy stripped it. */
  serverNow: number | null;
}

async function post<T>(operationName: string, query: string, variables: unknown): Promise<Answer<T>> {
  // No Authorization header: these three mutations are public, and a stale token must not matter.
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  // fetch rejects with TypeError on network failure; describeError() reports that as "network".
  const response = await fetch(GRAPHQL_URL, {
    method: 'POST',
    headers,
    body: JSON.stringify({ operationName, query, variables }),
    credentials: 'same-origin',
  });
  let body: GraphQLBody<T>;
  try {
    body = (await response.json()) as GraphQLBody<T>;
  } catch {
    throw new GraphQLRequestError([], response.status);
  }
  if (body.errors?.length || !body.data) throw new GraphQLRequestError(body.errors ?? [], response.status);
  const date = response.headers.get('date');
  const serverNow = date ? Date.parse(date) : NaN;
  return { data: body.data, serverNow: Number.isNaN(serverNow) ? null : serverNow };
}

/** Translate the server's expiry onto this browser's clock. */
export function toSession(payload: AuthPayload, serverNow: number | null, localNow = Date.now()): Session {
  const skew = serverNow === null ? 0 : serverNow - localNow;
  return {
    accessToken: payload.accessToken,
    refreshToken: payload.refreshToken,
    accessTokenExpiresAtLocal: Date.parse(payload.accessTokenExpiresAt) - skew,
    userId: payload.user.id,
  };
}

export interface SignedIn {
  session: Session;
  me: Me;
}

export async function requestSignIn(username: string, password: string): Promise<SignedIn> {
  const { data, serverNow } = await post<{ login: AuthPayload }>('SignIn', LOGIN, {
    input: { username, password },
  });
  return { session: toSession(data.login, serverNow), me: data.login.user };
}

export async function requestRefresh(refreshToken: string): Promise<Session> {
  const { data, serverNow } = await post<{ refreshToken: AuthPayload }>('RefreshToken', REFRESH, {
    input: { refreshToken },
  });
  return toSession(data.refreshToken, serverNow);
}

/**
 * Revokes the sign-in's refresh-token family server-side. `logout` is public and needs only the
 * refresh token, so it works even when the access token has already expired. Best effort: the
 * caller forgets the session anyway.
 */
export async function requestSignOut(session: Session): Promise<void> {
  await post<{ logout: boolean }>('SignOut', LOGOUT, { input: { refreshToken: session.refreshToken } });
}
