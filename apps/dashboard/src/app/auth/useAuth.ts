import { useContext } from 'react';
import { AuthContext, type AuthContextValue } from './AuthContext';

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth() must be used inside <AuthProvider>');
  return value;
}

/** The signed-in user; only for components rendered behind <RequireAuth>. */
export function useMe() {
  const { me } = useAuth();
  if (!me) throw new Error('useMe() called without a signed-in user');
  return me;
}
