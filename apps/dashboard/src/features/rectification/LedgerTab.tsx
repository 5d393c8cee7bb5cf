import { useQuery } from '@apollo/client/react';
import { Button, DatePicker, Form, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { MessageKey } from '../../i18n/locales';
import { useT } from '../../i18n/useT';
import { ExportButton } from '../../shared/export/ExportButton';
import { useLiveEvents } from '../../app/realtime/useLiveEvents';
import { Countdown, StateTag, WarningTag } from './labels';
import {
  FINDING_SOURCES,
  LEDGER,
  TASK_STATES,
  type FindingSource,
  type LedgerVars,
  type TaskRow,
  type TaskState,
  type WarningLevel,
} from './operations';

interface Filters {
  states?: TaskState[];
  warningLevel?: WarningLevel;
  source?: FindingSource;
  range?: [Dayjs, Dayjs] | null;
}

/** 整改台账: every task in the user's scope (a department officer's: their own), filtered server-side. */
export function LedgerTab() {
  const t = useT();
  const [filters, setFilters] = useState<Omit<LedgerVars, 'page' | 'pageSize'>>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const { data, loading, refetch } = useQuery(LEDGER, { variables: { ...paging, ...filters }, fetchPolicy: 'cache-and-network' });
  // Live list: any task change in the user's scope (the server filters by scope) refreshes the page shown.
  useLiveEvents((event) => {
    if (event.type.startsWith('rectification.')) void refetch();
  });
  const counts = data?.rectificationLedger.counts ?? [];

  // The export takes the filters shown, as the ledger's query string names them.
  const exportFilter = Object.fromEntries(
    Object.entries(filters)
      .filter(([, value]) => value !== undefined && value !== null && value !== '')
      .map(([key, value]) => [key, Array.isArray(value) ? value.join(',') : String(value)]),
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Form<Filters>
        layout="inline"
        onFinish={(v) => {
          setFilters({
            states: v.states?.length ? v.states : undefined,
            warningLevel: v.warningLevel,
            source: v.source,
            from: v.range?.[0]?.format('YYYY-MM-DD'),
            to: v.range?.[1]?.format('YYYY-MM-DD'),
          });
          setPaging((p) => ({ ...p, page: 1 }));
        }}
      >
        <Form.Item name="states">
          <Select
            mode="multiple"
            allowClear
            placeholder={t('rect.state')}
            style={{ minWidth: 160 }}
            maxTagCount={2}
            options={TASK_STATES.map((s) => ({ value: s, label: t(`rect.state.${s}` as MessageKey) }))}
            data-testid="ledger-states"
          />
        </Form.Item>
        <Form.Item name="warningLevel">
          <Select
            allowClear
            placeholder={t('rect.warning')}
            style={{ width: 100 }}
            options={(['GREEN', 'YELLOW', 'RED'] as const).map((w) => ({ value: w, label: t(`rect.warning.${w}`) }))}
          />
        </Form.Item>
        <Form.Item name="source">
          <Select
            allowClear
            placeholder={t('rect.source')}
            style={{ width: 130 }}
            options={FINDING_SOURCES.map((s) => ({ value: s, label: t(`rect.source.${s}`) }))}
          />
        </Form.Item>
        <Form.Item name="range">
          <DatePicker.RangePicker placeholder={[t('rect.issuedOn'), t('rect.issuedOn')]} style={{ width: 240 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('common.search')}
        </Button>
        <div style={{ marginLeft: 'auto' }}>
          <ExportButton request={{ kind: 'RECTIFICATION_LEDGER', filter: exportFilter }} testId="ledger-export" unit="rows">
            {t('rect.exportLedger')}
          </ExportButton>
        </div>
      </Form>
      <Space wrap size={4}>
        {counts.map((c) => (
          <Tag key={c.state}>
            {t(`rect.state.${c.state}` as MessageKey)} {c.count}
          </Tag>
        ))}
      </Space>
      <Table<TaskRow>
        data-testid="ledger-table"
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={data?.rectificationLedger.items ?? []}
        scroll={{ x: 1000 }}
        rowClassName={(row) => (row.warningLevel === 'RED' && row.state !== 'CLOSED' ? 'ledger-row-red' : '')}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: data?.rectificationLedger.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
        columns={[
          {
            title: t('rect.taskNo'),
            dataIndex: 'taskNo',
            width: 150,
            render: (no: string, row) => <Link to={`/rectification/${row.id}`}>{no}</Link>,
          },
          { title: t('rect.department'), dataIndex: 'departmentName', ellipsis: true },
          { title: t('rect.source'), dataIndex: 'source', width: 110, render: (s: FindingSource) => t(`rect.source.${s}`) },
          { title: t('rect.issuedOn'), dataIndex: 'issuedOn', width: 110 },
          { title: t('rect.deadline'), dataIndex: 'deadline', width: 110 },
          { title: t('rect.state'), dataIndex: 'state', width: 100, render: (s: TaskState) => <StateTag state={s} /> },
          {
            title: t('rect.warning'),
            key: 'warning',
            width: 170,
            render: (_, row) => (
              <Space size={4}>
                <WarningTag level={row.state === 'CLOSED' || row.state === 'CANCELLED' ? null : row.warningLevel} />
                <Countdown task={row} />
                {row.escalationStep && <Tag color="volcano">{t(`rect.escalation.${row.escalationStep}` as MessageKey)}</Tag>}
              </Space>
            ),
          },
        ]}
      />
    </Space>
  );
}
