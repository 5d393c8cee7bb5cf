import { Role } from '@ducha/contracts';
import { Card, Tabs } from 'antd';
import { Route, Routes, useNavigate, useSearchParams } from 'react-router-dom';
import { useAuth } from '../../app/auth/useAuth';
import { useT } from '../../i18n/useT';
import { FindingsTab } from './FindingsTab';
import { LedgerTab } from './LedgerTab';
import { TaskPage } from './TaskPage';

/** 整改督办: the ledger for everyone in scope, the findings inbox for inspectors, one page per task. */
export function RectificationPage() {
  return (
    <Routes>
      <Route index element={<RectificationHome />} />
      <Route path=":taskId" element={<TaskPage />} />
    </Routes>
  );
}

function RectificationHome() {
  const t = useT();
  const { hasRole } = useAuth();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const inspector = hasRole(Role.INSPECTOR);
  const tab = params.get('tab') === 'findings' && inspector ? 'findings' : 'ledger';
  return (
    <Card data-testid="rectification-page">
      <Tabs
        activeKey={tab}
        onChange={(key) => void navigate(key === 'ledger' ? '/rectification' : `/rectification?tab=${key}`)}
        destroyOnHidden
        items={[
          {
            key: 'ledger',
            label: (
              <span data-testid="rect-tab-ledger">
                {t(hasRole(Role.DEPARTMENT_OFFICER) && !inspector ? 'rect.myTasks' : 'rect.tab.ledger')}
              </span>
            ),
            children: <LedgerTab />,
          },
          ...(inspector
            ? [{ key: 'findings', label: <span data-testid="rect-tab-findings">{t('rect.tab.findings')}</span>, children: <FindingsTab /> }]
            : []),
        ]}
      />
    </Card>
  );
}
