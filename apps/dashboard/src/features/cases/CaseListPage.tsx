import { useQuery } from '@apollo/client/react';
import { Card, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { MessageKey } from '../../i18n/locales';
import { useT } from '../../i18n/useT';
import { CASE_FILES, type CaseFileRow } from './operations';
import { CASE_TYPES } from '@ducha/scoring';
import { useUnitNames } from './useUnitNames';

/** The case files I may see (office: my region; officer: my department), searchable, paged by the server. */
export function CaseListPage() {
  const t = useT();
  const units = useUnitNames();
  const [filter, setFilter] = useState<{ search?: string; caseType?: string }>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const { data, loading } = useQuery(CASE_FILES, { variables: { ...paging, ...filter }, fetchPolicy: 'cache-and-network' });
  return (
    <Card title={t('case.list')} data-testid="cases-page">
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('case.search')}
          style={{ width: 280 }}
          onSearch={(search) => (setFilter((f) => ({ ...f, search: search.trim() || undefined })), setPaging((p) => ({ ...p, page: 1 })))}
          data-testid="case-search"
        />
        <Select
          allowClear
          placeholder={t('case.type')}
          style={{ width: 180 }}
          onChange={(caseType?: string) => (setFilter((f) => ({ ...f, caseType })), setPaging((p) => ({ ...p, page: 1 })))}
          options={CASE_TYPES.map((type) => ({ value: type, label: t(`caseType.${type}` as MessageKey) }))}
        />
      </Space>
      <Table<CaseFileRow>
        rowKey="id"
        loading={loading}
        dataSource={data?.caseFiles.items ?? []}
        scroll={{ x: 900 }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: data?.caseFiles.total ?? 0,
          showTotal: (total) => t('common.total', { total }),
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
        columns={[
          { title: t('case.fileNo'), dataIndex: 'fileNo', render: (no: string, c) => <Link to={`/cases/${c.id}`}>{no}</Link> },
          { title: t('case.department'), dataIndex: 'departmentId', render: (id: string) => units.get(id) ?? '' },
          { title: t('case.type'), dataIndex: 'caseType', width: 120, render: (type: string) => t(`caseType.${type}` as MessageKey) },
          { title: t('case.cause'), dataIndex: 'cause', ellipsis: true },
          { title: t('case.party'), dataIndex: 'partyName', width: 160 },
          { title: t('case.closed'), dataIndex: 'closedDate', width: 110 },
          {
            title: t('case.major'),
            dataIndex: 'major',
            width: 90,
            render: (major: boolean) => (major ? <Tag color="orange">{t('common.yes')}</Tag> : ''),
          },
        ]}
      />
    </Card>
  );
}
