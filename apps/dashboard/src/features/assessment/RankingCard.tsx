import { CalculatorOutlined, SendOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { Role } from '@ducha/contracts';
import { Button, Card, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useAuth } from '../../app/auth/useAuth';
import type { MessageKey } from '../../i18n/locales';
import { useT } from '../../i18n/useT';
import { useMutationWithToast } from '../../shared/hooks/useMutationWithToast';
import { ExportButton } from '../../shared/export/ExportButton';
import { formatInShanghai } from '../../shared/time/dayjs';
import { GRADE_COLORS } from './labels';
import { COMPUTE_SCORES, PUBLISH_SCORES, RESULTS, type Period, type ResultRow } from './operations';

/** The ranking and grades of the period; inspectors compute and publish; .xlsx and .docx exports. */
export function RankingCard({ period }: { period: Period }) {
  const t = useT();
  const { hasRole } = useAuth();
  const { data, loading, refetch } = useQuery(RESULTS, { variables: period, fetchPolicy: 'cache-and-network' });
  const [compute, computing] = useMutationWithToast(COMPUTE_SCORES, { success: 'as.computed' });
  const [publish, publishing] = useMutationWithToast(PUBLISH_SCORES, { success: 'as.published' });
  const rows = data?.assessmentResults ?? [];
  const published = rows.some((r) => r.publishedAt);
  const office = hasRole(Role.INSPECTOR) || hasRole(Role.ADMIN);
  const label = period.quarter ? t('as.quarter', { quarter: period.quarter }) : t('as.annual');
  const target = { targetId: period.frameworkId, year: period.year, quarter: period.quarter ?? 0 };
  return (
    <Card
      size="small"
      title={t('as.ranking', { year: period.year, period: label })}
      data-testid="as-ranking"
      extra={
        <Space wrap>
          {published && <Tag color="green">{t('as.publishedOn', { at: formatInShanghai(rows[0]!.publishedAt!, 'YYYY-MM-DD') })}</Tag>}
          {office && (
            <Button
              icon={<CalculatorOutlined />}
              disabled={published}
              loading={computing.loading}
              data-testid="as-compute"
              onClick={() => void compute(period).then((d) => d && refetch())}
            >
              {t('as.compute')}
            </Button>
          )}
          {office && (
            <Popconfirm title={t('as.publishConfirm')} onConfirm={() => void publish(period).then((d) => d && refetch())}>
              <Button icon={<SendOutlined />} disabled={published || !rows.length} loading={publishing.loading} data-testid="as-publish">
                {t('as.publish')}
              </Button>
            </Popconfirm>
          )}
          <ExportButton request={{ kind: 'ASSESSMENT_RESULTS', ...target }} disabled={!rows.length} testId="as-export-results">
            {t('as.exportXlsx')}
          </ExportButton>
          <ExportButton request={{ kind: 'ASSESSMENT_REPORT', ...target }} disabled={!rows.length} testId="as-export-report">
            {t('as.exportDocx')}
          </ExportButton>
        </Space>
      }
    >
      <Table<ResultRow>
        data-testid="as-results"
        rowKey="departmentId"
        size="small"
        loading={loading}
        dataSource={rows}
        locale={{ emptyText: t('as.noResults') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        expandable={{
          expandedRowRender: (r) => (
            <Space wrap>
              {r.detail.level1.map((l) => (
                <Typography.Text key={l.code}>
                  {l.code} {l.title}：{l.scaled.toFixed(2)} / {l.weight}
                </Typography.Text>
              ))}
            </Space>
          ),
        }}
        columns={[
          { title: t('as.rank'), dataIndex: 'rank', width: 70 },
          { title: t('as.department'), dataIndex: 'departmentName' },
          { title: t('as.score'), dataIndex: 'score', width: 100, render: (s: number) => s.toFixed(2) },
          {
            title: t('as.grade'),
            dataIndex: 'grade',
            width: 100,
            render: (g: string) => <Tag color={GRADE_COLORS[g]}>{t(`as.grade.${g}` as MessageKey)}</Tag>,
          },
        ]}
      />
    </Card>
  );
}
