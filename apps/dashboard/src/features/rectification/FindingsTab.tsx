import { useQuery } from '@apollo/client/react';
import { Alert, Button, Form, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/useT';
import { formatInShanghai } from '../../shared/time/dayjs';
import { IssueModal } from './IssueModal';
import { FINDING_SOURCES, FINDINGS, type FindingRow, type FindingSource } from './operations';

/** 问题收件箱: findings from reviews, checks and inspections that have no task yet. */
export function FindingsTab() {
  const t = useT();
  const [source, setSource] = useState<FindingSource | undefined>();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [selected, setSelected] = useState<FindingRow[]>([]);
  const [issuing, setIssuing] = useState<{ findings: FindingRow[]; batchId?: string } | null>(null);
  const { data, loading, refetch } = useQuery(FINDINGS, {
    variables: { ...paging, source, unissuedOnly: true },
    fetchPolicy: 'cache-and-network',
  });
  const oneDepartment = new Set(selected.map((f) => f.departmentId)).size <= 1;
  const batches = [...new Set((data?.findings.items ?? []).map((f) => f.batchId).filter((b): b is string => !!b))];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Form layout="inline">
          <Form.Item label={t('rect.source')}>
            <Select
              allowClear
              style={{ width: 140 }}
              value={source}
              onChange={(v: FindingSource | undefined) => {
                setSource(v);
                setPaging((p) => ({ ...p, page: 1 }));
              }}
              options={FINDING_SOURCES.map((s) => ({ value: s, label: t(`rect.source.${s}`) }))}
            />
          </Form.Item>
        </Form>
        <Button
          type="primary"
          disabled={!selected.length || !oneDepartment}
          onClick={() => setIssuing({ findings: selected })}
          data-testid="findings-issue"
        >
          {selected.length ? t('finding.issueSelected', { count: selected.length }) : t('finding.issue')}
        </Button>
        {batches.length > 0 && (
          <Select
            placeholder={t('finding.bulkIssue')}
            style={{ width: 220 }}
            value={null}
            onChange={(batchId: string) =>
              setIssuing({ findings: (data?.findings.items ?? []).filter((f) => f.batchId === batchId), batchId })
            }
            options={batches.map((b) => ({ value: b, label: `${t('finding.batch')} ${b}` }))}
          />
        )}
      </Space>
      {!oneDepartment && <Alert type="warning" showIcon title={t('finding.sameDepartment')} />}
      <Table<FindingRow>
        data-testid="findings-table"
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={data?.findings.items ?? []}
        locale={{ emptyText: t('finding.none') }}
        scroll={{ x: 900 }}
        rowSelection={{ selectedRowKeys: selected.map((f) => f.id), onChange: (_, rows) => setSelected(rows) }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: data?.findings.total ?? 0,
          showTotal: (total) => t('common.total', { total }),
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
        columns={[
          { title: t('finding.department'), dataIndex: 'departmentName', width: 200, ellipsis: true },
          { title: t('rect.source'), dataIndex: 'source', width: 110, render: (s: FindingSource) => t(`rect.source.${s}`) },
          { title: t('finding.category'), dataIndex: 'category', width: 130 },
          { title: t('finding.description'), dataIndex: 'description' },
          {
            title: t('finding.severity'),
            dataIndex: 'severity',
            width: 90,
            render: (s: 'GENERAL' | 'MAJOR') => <Tag color={s === 'MAJOR' ? 'red' : undefined}>{t(`rect.severity.${s}`)}</Tag>,
          },
          {
            title: t('finding.createdAt'),
            dataIndex: 'createdAt',
            width: 150,
            render: (v: string) => formatInShanghai(v, 'YYYY-MM-DD HH:mm'),
          },
        ]}
      />
      {issuing && (
        <IssueModal
          findings={issuing.findings}
          batchId={issuing.batchId}
          onClose={(changed) => {
            setIssuing(null);
            if (changed) {
              setSelected([]);
              void refetch();
            }
          }}
        />
      )}
    </Space>
  );
}
