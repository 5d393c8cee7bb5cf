import type { Role } from '@ducha/contracts';
import type { ReactNode } from 'react';
import { ForbiddenResult } from '../../shared/components/StatusResults';
import { useMe } from './useAuth';

/**
 * Hides a screen from roles that may not use it. A convenience, not a control: the API enforces
 * access on every query, this only spares the user a screen full of FORBIDDEN errors.
 */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const me = useMe();
  return me.roles.some((role) => roles.includes(role)) ? children : <ForbiddenResult />;
}
