import { useQuery } from '@apollo/client/react';
import { Role } from '@ducha/contracts';
import { Card, Select, Space, Tabs } from 'antd';
import { useState, type ReactNode } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useAuth } from '../../app/auth/useAuth';
import type { MessageKey } from '../../i18n/locales';
import { useT } from '../../i18n/useT';
import { inShanghai } from '../../shared/time/dayjs';
import { FrameworkTab } from './FrameworkTab';
import { FRAMEWORKS } from './operations';
import { PlanTab } from './PlanTab';
import { ReportsTab } from './ReportsTab';
import { ScoresTab } from './ScoresTab';

/** What every tab works on: one framework version and one year. */
export interface Scope {
  frameworkId: string;
  year: number;
}

const TABS: { key: string; label: MessageKey; roles: Role[]; render(scope: Scope): ReactNode }[] = [
  { key: 'plan', label: 'as.tab.plan', roles: [Role.ADMIN, Role.INSPECTOR, Role.LEADER], render: (s) => <PlanTab scope={s} /> },
  { key: 'reports', label: 'as.tab.reports', roles: [Role.DEPARTMENT_OFFICER], render: (s) => <ReportsTab scope={s} /> },
  {
    key: 'scores',
    label: 'as.tab.scores',
    roles: [Role.INSPECTOR, Role.LEADER, Role.ADMIN, Role.DEPARTMENT_OFFICER],
    render: (s) => <ScoresTab scope={s} />,
  },
  {
    key: 'framework',
    label: 'as.tab.framework',
    roles: [Role.ADMIN, Role.INSPECTOR, Role.LEADER, Role.DEPARTMENT_OFFICER],
    render: (s) => <FrameworkTab scope={s} />,
  },
];

/** 目标考核: the plan (office), progress and statistics (departments), scores and ranking (inspectors, leaders). */
export function AssessmentPage() {
  const t = useT();
  const { hasRole } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const thisYear = inShanghai().year();
  const [year, setYear] = useState(thisYear);
  const [chosen, setChosen] = useState<string>();
  const frameworks = useQuery(FRAMEWORKS);
  const list = frameworks.data?.assessmentFrameworks.items ?? [];
  const frameworkId = chosen ?? list[0]?.id;
  const tabs = TABS.filter((tab) => tab.roles.some(hasRole));
  const active = tabs.find((tab) => tab.key === params.get('tab')) ?? tabs[0];
  return (
    <Card
      data-testid="assessment-page"
      title={t('nav.assessment')}
      extra={
        <Space>
          <Select
            data-testid="as-framework"
            style={{ width: 300 }}
            loading={frameworks.loading}
            value={frameworkId}
            onChange={setChosen}
            options={list.map((f) => ({ value: f.id, label: `${f.name}（${f.version}）` }))}
          />
          <Select
            data-testid="as-year"
            style={{ width: 100 }}
            value={year}
            onChange={setYear}
            options={[thisYear - 1, thisYear, thisYear + 1].map((y) => ({ value: y, label: t('as.year', { year: y }) }))}
          />
        </Space>
      }
    >
      <Tabs
        activeKey={active?.key}
        onChange={(key) => void navigate(`/assessment?tab=${key}`)}
        destroyOnHidden
        items={tabs.map((tab) => ({
          key: tab.key,
          label: <span data-testid={`as-tab-${tab.key}`}>{t(tab.label)}</span>,
          children: frameworkId ? tab.render({ frameworkId, year }) : null,
        }))}
      />
    </Card>
  );
}
