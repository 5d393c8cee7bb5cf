import type { Role, UnitKind } from '@ducha/contracts';

/** GraphQL `Unit`. */
export interface Unit {
  __typename?: 'Unit';
  id: string;
  code: string;
  name: string;
  kind: UnitKind;
  regionId: string;
}

/** GraphQL `Me`: the signed-in user. */
export interface Me {
  __typename?: 'Me';
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  unit: Unit;
}

/** GraphQL `AuthPayload`, returned by login and refreshToken. */
export interface AuthPayload {
  accessToken: string;
  /** ISO timestamp, server clock. */
  accessTokenExpiresAt: string;
  refreshToken: string;
  user: Me;
}

/** What the browser keeps between page loads (see sessionStore.ts for where and why). */
export interface Session {
  accessToken: string;
  refreshToken: string;
  /**
   * Access-token expiry on THIS browser's clock (epoch ms): the server's expiry shifted by the
   * clock difference measured when the token arrived, so a PC whose clock is minutes off neither
   * refreshes on every request nor sends tokens the server already considers dead.
   */
  accessTokenExpiresAtLocal: number;
  userId: string;
}
