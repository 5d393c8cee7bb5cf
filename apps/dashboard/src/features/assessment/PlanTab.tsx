import { UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { Role } from '@ducha/contracts';
import { Button, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../app/auth/useAuth';
import { useT } from '../../i18n/useT';
import { UNITS } from '../admin/operations';
import type { Scope } from './AssessmentPage';
import styles from './assessment.module.css';
import { isLate, MeasureStatusCell } from './labels';
import { MEASURES, type MeasureRow } from './operations';
import { PlanImportModal } from './PlanImportModal';

/** 年度计划: key tasks and their measures with lead unit, departments, deadline, indicator and status; late ones in red. */
export function PlanTab({ scope }: { scope: Scope }) {
  const t = useT();
  const { hasRole } = useAuth();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [departmentId, setDepartmentId] = useState<string>();
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [importing, setImporting] = useState(false);
  const units = useQuery(UNITS, { variables: { page: 1, pageSize: 200 } });
  const { data, loading, refetch } = useQuery(MEASURES, {
    variables: { year: scope.year, departmentId, overdueOnly, ...paging },
    fetchPolicy: 'cache-and-network',
  });
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="as-plan">
      <Space wrap>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('as.department')}
          style={{ width: 260 }}
          value={departmentId}
          onChange={(v) => (setDepartmentId(v), setPaging((p) => ({ ...p, page: 1 })))}
          options={(units.data?.units.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
        />
        <Space size={4}>
          <Switch checked={overdueOnly} onChange={(v) => (setOverdueOnly(v), setPaging((p) => ({ ...p, page: 1 })))} />
          <Typography.Text>{t('as.overdueOnly')}</Typography.Text>
        </Space>
        {hasRole(Role.ADMIN) && (
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="as-plan-import">
            {t('as.importPlan')}
          </Button>
        )}
      </Space>
      <Table<MeasureRow>
        data-testid="as-measures"
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={data?.assessmentMeasures.items ?? []}
        rowClassName={(row) => (isLate(row) ? styles.lateRow : '')}
        scroll={{ x: 1000 }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: data?.assessmentMeasures.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
        columns={[
          { title: t('as.task'), key: 'task', width: 160, render: (_, r) => `${r.taskCode} ${r.taskTitle}` },
          { title: t('as.measure'), key: 'measure', render: (_, r) => `${r.code} ${r.title}` },
          { title: t('as.leadUnit'), dataIndex: 'leadUnitName', width: 130, ellipsis: true },
          {
            title: t('as.departments'),
            dataIndex: 'departmentNames',
            width: 170,
            render: (names: string[]) => names.map((n) => <Tag key={n}>{n}</Tag>),
          },
          { title: t('as.deadline'), dataIndex: 'deadline', width: 100 },
          { title: t('as.indicator'), dataIndex: 'indicatorCode', width: 80 },
          {
            title: t('as.status'),
            key: 'status',
            width: 130,
            render: (_, r) => <MeasureStatusCell measure={r} />,
          },
        ]}
      />
      {importing && (
        <PlanImportModal
          scope={scope}
          onClose={(imported) => {
            setImporting(false);
            if (imported) void refetch();
          }}
        />
      )}
    </Space>
  );
}
