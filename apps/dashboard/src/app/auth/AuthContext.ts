import type { Role } from '@ducha/contracts';
import { createContext } from 'react';
import type { Me } from './types';

export type AuthStatus =
  /** No session: show the sign-in page. */
  | 'anonymous'
  /** A session exists and `me` is loading. */
  | 'loading'
  | 'authenticated'
  /** A session exists but `me` could not be fetched (network, 5xx): offer a retry, keep it. */
  | 'unreachable';

export interface AuthContextValue {
  status: AuthStatus;
  me: Me | null;
  /** Rejects with the API error; the sign-in page turns it into text. */
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  retry(): void;
  hasRole(role: Role): boolean;
}

export const AuthContext = createContext<AuthContextValue | null>(null);
