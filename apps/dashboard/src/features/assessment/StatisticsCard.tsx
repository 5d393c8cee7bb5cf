import { useQuery } from '@apollo/client/react';
import { Button, Card, Form, Input, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/useT';
import { useMutationWithToast } from '../../shared/hooks/useMutationWithToast';
import { formatInShanghai } from '../../shared/time/dayjs';
import type { Scope } from './AssessmentPage';
import { FRAMEWORK, leavesOf, STATISTICS, SUBMIT_STATISTICS, type StatisticRow } from './operations';

type Figures = Record<string, { numerator: number; denominator: number }>;

/** The RATE keys a framework asks for, each with the title of its indicator. */
function useRateKeys(frameworkId: string): { key: string; title: string }[] {
  const { data } = useQuery(FRAMEWORK, { variables: { id: frameworkId } });
  const seen = new Map<string, string>();
  for (const leaf of leavesOf(data?.assessmentFramework.template.indicators)) {
    if (leaf.method?.startsWith('RATE:') && !seen.has(leaf.method.slice(5))) seen.set(leaf.method.slice(5), leaf.title);
  }
  return [...seen].map(([key, title]) => ({ key, title }));
}

/** 季度统计: numerators and denominators of the RATE indicators, submitted once; corrections need a reason and keep history. */
export function StatisticsCard({ scope, quarter }: { scope: Scope; quarter: number }) {
  const t = useT();
  const keys = useRateKeys(scope.frameworkId);
  const [form] = Form.useForm<{ items: Figures; reason?: string }>();
  const [correcting, setCorrecting] = useState(false);
  const { data, loading, refetch } = useQuery(STATISTICS, {
    variables: { frameworkId: scope.frameworkId, year: scope.year, quarter, withHistory: true },
    fetchPolicy: 'cache-and-network',
  });
  const rows = data?.assessmentStatistics ?? [];
  const current = rows.filter((r) => r.current);
  const history = rows.filter((r) => !r.current);
  const submitted = current.length > 0;
  const editing = !submitted || correcting;
  const titleOf = (key: string) => keys.find((k) => k.key === key)?.title ?? key;
  const [submit, state] = useMutationWithToast(SUBMIT_STATISTICS, { success: submitted ? 'as.statsCorrected' : 'as.statsSubmitted' });

  const onFinish = (v: { items: Figures; reason?: string }) =>
    void submit({
      input: {
        frameworkId: scope.frameworkId,
        year: scope.year,
        quarter,
        items: keys.map(({ key }) => ({ key, numerator: v.items[key]!.numerator, denominator: v.items[key]!.denominator })),
        ...(submitted ? { reason: v.reason?.trim() } : {}),
      },
    }).then((d) => {
      if (!d) return;
      setCorrecting(false);
      void refetch();
    });

  return (
    <Card
      size="small"
      title={t('as.statsTitle', { quarter })}
      data-testid="as-statistics"
      loading={loading && !data}
      extra={
        submitted && !correcting ? (
          <Button onClick={() => (form.setFieldsValue({ items: figuresOf(current) }), setCorrecting(true))} data-testid="as-stats-correct">
            {t('as.correct')}
          </Button>
        ) : null
      }
    >
      {editing ? (
        <Form form={form} layout="vertical" onFinish={onFinish} initialValues={{ items: figuresOf(current) }}>
          <Table
            size="small"
            rowKey="key"
            pagination={false}
            style={{ width: '100%', marginBottom: 12 }}
            dataSource={keys}
            columns={[
              { title: t('as.rateIndicator'), dataIndex: 'title' },
              {
                title: t('as.numerator'),
                key: 'numerator',
                width: 170,
                render: (_, { key }) => (
                  <Form.Item
                    name={['items', key, 'numerator']}
                    dependencies={[['items', key, 'denominator']]}
                    rules={[
                      { required: true, message: t('common.required') },
                      ({ getFieldValue }) => ({
                        validator: (_rule, value: number | null) =>
                          value === null || value === undefined || value <= (getFieldValue(['items', key, 'denominator']) ?? Infinity)
                            ? Promise.resolve()
                            : Promise.reject(new Error(t('as.numeratorAbove'))),
                      }),
                    ]}
                  >
                    <InputNumber min={0} precision={0} style={{ width: 120 }} data-testid={`as-num-${key}`} />
                  </Form.Item>
                ),
              },
              {
                title: t('as.denominator'),
                key: 'denominator',
                width: 170,
                render: (_, { key }) => (
                  <Form.Item name={['items', key, 'denominator']} rules={[{ required: true, message: t('common.required') }]}>
                    <InputNumber min={0} precision={0} style={{ width: 120 }} data-testid={`as-den-${key}`} />
                  </Form.Item>
                ),
              },
            ]}
          />
          {submitted && (
            <Form.Item
              name="reason"
              label={t('as.correctReason')}
              style={{ width: '100%', marginBottom: 12 }}
              rules={[{ required: true, whitespace: true, message: t('as.reasonRequired') }]}
            >
              <Input maxLength={500} data-testid="as-stats-reason" />
            </Form.Item>
          )}
          <Space>
            <Button type="primary" htmlType="submit" loading={state.loading} data-testid="as-stats-submit">
              {submitted ? t('as.submitCorrection') : t('as.submitStats')}
            </Button>
            {correcting && <Button onClick={() => setCorrecting(false)}>{t('common.cancel')}</Button>}
          </Space>
        </Form>
      ) : (
        <FiguresTable rows={current} titleOf={titleOf} />
      )}
      {history.length > 0 && (
        <div data-testid="as-stats-history" style={{ marginTop: 16 }}>
          <Typography.Text strong>{t('as.statsHistory')}</Typography.Text>
          <FiguresTable rows={history} titleOf={titleOf} withReason />
        </div>
      )}
      {submitted && (
        <Typography.Text type="secondary">
          {t('as.revisionNow', { revision: current[0]!.revision, at: formatInShanghai(current[0]!.submittedAt, 'YYYY-MM-DD HH:mm') })}
          {current[0]!.reason && `（${current[0]!.reason}）`}
        </Typography.Text>
      )}
    </Card>
  );
}

function figuresOf(rows: readonly StatisticRow[]): Figures {
  return Object.fromEntries(rows.map((r) => [r.key, { numerator: r.numerator, denominator: r.denominator }]));
}

function FiguresTable({ rows, titleOf, withReason }: { rows: StatisticRow[]; titleOf(key: string): string; withReason?: boolean }) {
  const t = useT();
  return (
    <Table<StatisticRow>
      size="small"
      rowKey={(r) => `${r.key}-${r.revision}`}
      pagination={false}
      dataSource={rows}
      columns={[
        { title: t('as.rateIndicator'), dataIndex: 'key', render: (key: string) => titleOf(key) },
        { title: t('as.numerator'), dataIndex: 'numerator', width: 90 },
        { title: t('as.denominator'), dataIndex: 'denominator', width: 90 },
        {
          title: t('as.rate'),
          key: 'rate',
          width: 90,
          render: (_, r) => (r.denominator ? `${((100 * r.numerator) / r.denominator).toFixed(1)}%` : '—'),
        },
        ...(withReason
          ? [
              { title: t('as.revision'), dataIndex: 'revision', width: 70, render: (n: number) => <Tag>{n}</Tag> },
              {
                title: t('as.submittedAt'),
                dataIndex: 'submittedAt',
                width: 150,
                render: (v: string) => formatInShanghai(v, 'YYYY-MM-DD HH:mm'),
              },
              { title: t('as.reason'), dataIndex: 'reason', render: (v: string | null) => v ?? '—' },
            ]
          : []),
      ]}
    />
  );
}
