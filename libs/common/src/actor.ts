import type { Role } from '@ducha/contracts';

/**
 * Who is acting: the signed-in user as the policy sees them. Built by the auth guard from the
 * database on every request (so a disabled user or a changed role takes effect at once).
 */
export interface Actor {
  userId: string;
  username: string;
  roles: readonly Role[];
  unitId: string;
  /** Region path of the actor's unit, e.g. `/1/7/42/`: office staff see this subtree. */
  regionPath: string;
  /** The actor's unit is a supervising (rule-of-law) office. */
  isSupervisingOffice: boolean;
}
