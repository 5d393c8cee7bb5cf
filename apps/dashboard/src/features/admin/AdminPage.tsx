import { Card, Spin, Tabs } from 'antd';
import { lazy, Suspense } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import type { MessageKey } from '../../i18n/locales';
import { useT } from '../../i18n/useT';

const TABS: { key: string; label: MessageKey; Page: ReturnType<typeof lazy> }[] = [
  { key: 'units', label: 'admin.tab.units', Page: lazy(() => import('./UnitsTab').then((m) => ({ default: m.UnitsTab }))) },
  { key: 'users', label: 'admin.tab.users', Page: lazy(() => import('./UsersTab').then((m) => ({ default: m.UsersTab }))) },
  { key: 'officers', label: 'admin.tab.officers', Page: lazy(() => import('./OfficersTab').then((m) => ({ default: m.OfficersTab }))) },
  { key: 'imports', label: 'admin.tab.imports', Page: lazy(() => import('./ImportTab').then((m) => ({ default: m.ImportTab }))) },
  {
    key: 'templates',
    label: 'admin.tab.templates',
    Page: lazy(() => import('./TemplateImportTab').then((m) => ({ default: m.TemplateImportTab }))),
  },
  { key: 'calendar', label: 'admin.tab.calendar', Page: lazy(() => import('./CalendarTab').then((m) => ({ default: m.CalendarTab }))) },
  { key: 'audit', label: 'admin.tab.audit', Page: lazy(() => import('./AuditTab').then((m) => ({ default: m.AuditTab }))) },
];

/** 系统管理: one tab per registry, each tab its own URL (`/admin/<tab>`) so it can be bookmarked. */
export function AdminPage() {
  const t = useT();
  const location = useLocation();
  const navigate = useNavigate();
  const segment = location.pathname.split('/')[2] ?? '';
  const active = TABS.find((tab) => tab.key === segment) ?? TABS[0]!;
  return (
    <Card data-testid="admin-page">
      <Tabs
        activeKey={active.key}
        onChange={(key) => void navigate(`/admin/${key}${key === 'audit' ? location.search : ''}`)}
        destroyOnHidden
        items={TABS.map(({ key, label, Page }) => ({
          key,
          label: <span data-testid={`admin-tab-${key}`}>{t(label)}</span>,
          children: (
            <Suspense fallback={<Spin />}>
              <Page />
            </Suspense>
          ),
        }))}
      />
    </Card>
  );
}
