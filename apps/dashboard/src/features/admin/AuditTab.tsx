import { useLazyQuery } from '@apollo/client/react';
import { Alert, Button, Form, Input, Space, Table, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useT } from '../../i18n/useT';
import { useErrorMessage } from '../../shared/errors/useErrorMessage';
import { formatInShanghai } from '../../shared/time/dayjs';
import { AUDIT_TRAIL, type AuditRow } from './operations';

const json = (value: unknown): string => (value === null || value === undefined ? '—' : JSON.stringify(value, null, 1));

/** 审计日志: every recorded change to one target, newest first. */
export function AuditTab() {
  const t = useT();
  const describe = useErrorMessage();
  const [params, setParams] = useSearchParams();
  const target = params.get('target') ?? '';
  const [load, { data, loading, error }] = useLazyQuery(AUDIT_TRAIL);
  const [form] = Form.useForm<{ targetId: string }>();

  useEffect(() => {
    form.setFieldsValue({ targetId: target });
    if (target) void load({ variables: { targetId: target, limit: 200 } });
  }, [target, load, form]);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('audit.hint')}</Typography.Text>
      <Form form={form} layout="inline" onFinish={(v) => setParams(v.targetId.trim() ? { target: v.targetId.trim() } : {})}>
        <Form.Item
          name="targetId"
          label={t('audit.targetId')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input allowClear placeholder={t('audit.targetPlaceholder')} style={{ width: 360 }} data-testid="audit-target" />
        </Form.Item>
        <Button type="primary" htmlType="submit" data-testid="audit-search">
          {t('common.search')}
        </Button>
      </Form>
      {error && <Alert type="error" showIcon title={describe(error)} />}
      <Table<AuditRow>
        data-testid="audit-table"
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={target ? (data?.auditTrail ?? []) : []}
        locale={{ emptyText: target ? t('audit.empty') : ' ' }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 900 }}
        expandable={{
          expandedRowRender: (row) => (
            <Space align="start" size="large">
              <div>
                <Typography.Text strong>{t('audit.before')}</Typography.Text>
                <pre style={{ maxWidth: 520, whiteSpace: 'pre-wrap' }}>{json(row.before)}</pre>
              </div>
              <div>
                <Typography.Text strong>{t('audit.after')}</Typography.Text>
                <pre style={{ maxWidth: 520, whiteSpace: 'pre-wrap' }}>{json(row.after)}</pre>
              </div>
            </Space>
          ),
        }}
        columns={[
          {
            title: t('audit.occurredAt'),
            dataIndex: 'occurredAt',
            width: 160,
            render: (v: string) => formatInShanghai(v, 'YYYY-MM-DD HH:mm:ss'),
          },
          { title: t('audit.operation'), dataIndex: 'operation', width: 180 },
          { title: t('audit.targetType'), dataIndex: 'targetType', width: 140 },
          { title: t('audit.actor'), dataIndex: 'actorUserId', render: (v: string | null) => v ?? '—' },
          {
            title: t('audit.sealed'),
            dataIndex: 'chainSeq',
            width: 100,
            render: (v: string | null) => v ?? <Tag>{t('audit.unsealed')}</Tag>,
          },
        ]}
      />
    </Space>
  );
}
