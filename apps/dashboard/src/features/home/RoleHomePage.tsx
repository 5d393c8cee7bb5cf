import { useParams } from 'react-router-dom';
import { useMe } from '../../app/auth/useAuth';
import { roleFromSlug } from '../../app/navigation';
import { ForbiddenResult, NotFoundResult } from '../../shared/components/StatusResults';
import { WelcomeCard } from './WelcomeCard';

/** `/home/:roleSlug`: the home of one of the user's roles. */
export function RoleHomePage() {
  const { roleSlug } = useParams();
  const me = useMe();
  const role = roleFromSlug(roleSlug);
  if (!role) return <NotFoundResult />;
  if (!me.roles.includes(role)) return <ForbiddenResult />;
  return <WelcomeCard role={role} me={me} />;
}
