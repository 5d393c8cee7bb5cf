import { Button, Flex, Result } from 'antd';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { useT } from '../../i18n/useT';
import { FullPageSpinner } from '../../shared/components/FullPageSpinner';
import { useAuth } from './useAuth';

/** Where the sign-in page sends the user back to. */
export interface SignInLocationState {
  from?: string;
}

/** Gate for every signed-in route. */
export function RequireAuth() {
  const { status, retry, signOut } = useAuth();
  const location = useLocation();
  const t = useT();

  switch (status) {
    case 'loading':
      return <FullPageSpinner />;
    case 'anonymous': {
      const state: SignInLocationState = { from: location.pathname + location.search };
      return <Navigate to="/login" replace state={state} />;
    }
    case 'unreachable':
      return (
        <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
          <Result
            status="warning"
            title={t('app.unreachable.title')}
            subTitle={t('app.unreachable.description')}
            extra={[
              <Button key="retry" type="primary" onClick={retry}>
                {t('app.retry')}
              </Button>,
              // A way out for a shared PC when the server stays down.
              <Button key="signOut" onClick={() => void signOut()}>
                {t('header.signOut')}
              </Button>,
            ]}
          />
        </Flex>
      );
    case 'authenticated':
      return <Outlet />;
  }
}
