import { Result } from 'antd';
import { Navigate } from 'react-router-dom';
import { useMe } from '../../app/auth/useAuth';
import { homePath, rolesInHomeOrder } from '../../app/navigation';
import { useT } from '../../i18n/useT';

/** `/`: open the home of the user's main role. */
export function HomeRedirect() {
  const me = useMe();
  const t = useT();
  const [first] = rolesInHomeOrder(me.roles);
  if (first) return <Navigate to={homePath(first)} replace />;
  return <Result status="info" title={t('home.noRole.title')} subTitle={t('home.noRole.description')} />;
}
