import { useQuery } from '@apollo/client/react';
import { Card, Descriptions, Empty, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import type { MessageKey } from '../../i18n/locales';
import { useT } from '../../i18n/useT';
import { formatInShanghai } from '../../shared/time/dayjs';
import { GRADE_COLORS } from './labels';
import { FRAMEWORK, leavesOf, RESULTS, type Period, type ResultIndicator } from './operations';

/**
 * 本单位考核得分: a department's own published result for the period, with every level-3 indicator's
 * points and what it earned, so the department sees where it lost them. Nothing shows before publication.
 */
export function OwnScoreCard({ period }: { period: Period }) {
  const t = useT();
  const results = useQuery(RESULTS, { variables: period, fetchPolicy: 'cache-and-network' });
  const framework = useQuery(FRAMEWORK, { variables: { id: period.frameworkId } });
  const titles = useMemo(
    () => new Map(leavesOf(framework.data?.assessmentFramework.template.indicators).map((n) => [n.code, n.title])),
    [framework.data],
  );
  const own = results.data?.assessmentResults[0];
  const label = period.quarter ? t('as.quarter', { quarter: period.quarter }) : t('as.annual');
  return (
    <Card
      size="small"
      title={t('as.own.title', { year: period.year, period: label })}
      data-testid="as-own"
      loading={results.loading && !own}
    >
      {!own ? (
        <Empty description={t('as.own.notPublished')} data-testid="as-own-empty" />
      ) : (
        <>
          <Descriptions size="small" column={{ xs: 1, md: 4 }} data-testid="as-own-summary">
            <Descriptions.Item label={t('as.score')}>
              <Typography.Text strong data-testid="as-own-score">
                {own.score.toFixed(2)}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('as.grade')}>
              <Tag color={GRADE_COLORS[own.grade]}>{t(`as.grade.${own.grade}` as MessageKey)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('as.rank')}>
              <span data-testid="as-own-rank">{own.rank}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('as.own.publishedAt')}>
              {own.publishedAt ? formatInShanghai(own.publishedAt, 'YYYY-MM-DD') : ''}
            </Descriptions.Item>
          </Descriptions>
          <Table<ResultIndicator>
            data-testid="as-own-indicators"
            rowKey="code"
            size="small"
            pagination={false}
            dataSource={own.detail.indicators ?? []}
            columns={[
              { title: t('as.own.indicator'), dataIndex: 'code', render: (code: string) => `${code} ${titles.get(code) ?? ''}` },
              { title: t('as.pointsHeader'), dataIndex: 'weight', width: 80 },
              {
                title: t('as.score'),
                dataIndex: 'earned',
                width: 100,
                render: (earned: number, i) =>
                  !i.applicable ? (
                    <Tag>{t('as.own.notApplicable')}</Tag>
                  ) : !i.answered ? (
                    <Tag color="orange">{t('as.own.unanswered')}</Tag>
                  ) : (
                    // Points lost stand out.
                    <Typography.Text type={earned < i.weight ? 'danger' : undefined}>{earned.toFixed(2)}</Typography.Text>
                  ),
              },
              { title: t('as.own.note'), dataIndex: 'note', render: (note: string | null) => note ?? '' },
            ]}
          />
        </>
      )}
    </Card>
  );
}
