import { useQuery } from '@apollo/client/react';
import { Alert, Card, Descriptions, Empty, List, Space, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useMe } from '../../app/auth/useAuth';
import type { MessageKey } from '../../i18n/locales';
import { useT } from '../../i18n/useT';
import { useErrorMessage } from '../../shared/errors/useErrorMessage';
import { formatInShanghai } from '../../shared/time/dayjs';
import { ROUNDS, type RoundRow } from '../compliance/operations';
import { MY_REVIEW_RESULTS, ROUND_RESULTS, type MyReviewResult } from './operations';

const PAGE_SIZE = 10;

/** 本单位结果: my department's published case-file review results and three-systems check results. */
export function MyResultsPage() {
  const t = useT();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="my-results">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('res.title')}
      </Typography.Title>
      <Card title={t('res.reviews')} size="small">
        <ReviewResults />
      </Card>
      <Card title={t('res.compliance')} size="small">
        <ComplianceResults />
      </Card>
    </Space>
  );
}

/** Published campaigns or rounds, one item each, paged by the server. */
function ResultList<T extends { id: string }>({
  items,
  loading,
  paging,
  testId,
  render,
}: {
  items: T[];
  loading: boolean;
  paging: { page: number; total: number; onChange(page: number): void };
  testId: string;
  render(item: T): ReactNode;
}) {
  const t = useT();
  return (
    <List<T>
      loading={loading}
      dataSource={items}
      locale={{ emptyText: <Empty description={t('res.none')} /> }}
      pagination={{ current: paging.page, pageSize: PAGE_SIZE, total: paging.total, onChange: paging.onChange, hideOnSinglePage: true }}
      renderItem={(item) => (
        <List.Item key={item.id} data-testid={testId}>
          {render(item)}
        </List.Item>
      )}
    />
  );
}

function ReviewResults() {
  const describe = useErrorMessage();
  const [page, setPage] = useState(1);
  const { data, loading, error } = useQuery(MY_REVIEW_RESULTS, {
    variables: { page, pageSize: PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
  });
  if (error) return <Alert type="error" showIcon title={describe(error)} />;
  return (
    <ResultList
      items={(data?.myReviewResults.items ?? []).map((r) => ({ ...r, id: r.campaignId }))}
      loading={loading}
      paging={{ page, total: data?.myReviewResults.total ?? 0, onChange: setPage }}
      testId="my-review-result"
      render={(r) => <CampaignResult item={r} />}
    />
  );
}

function CampaignResult({ item: { campaignId, campaignName, publishedAt, departmentsRanked, result } }: { item: MyReviewResult }) {
  const t = useT();
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space>
        <Link to={`/reviews/${campaignId}`}>{campaignName}</Link>
        <Typography.Text type="secondary">{`${t('res.published')}：${formatInShanghai(publishedAt, 'YYYY-MM-DD')}`}</Typography.Text>
      </Space>
      {!result && <Typography.Text type="secondary">{t('res.noneForUs')}</Typography.Text>}
      {result && (
        <Descriptions size="small" column={{ xs: 1, md: 4 }}>
          <Descriptions.Item label={t('res.score')}>{result.meanScore}</Descriptions.Item>
          <Descriptions.Item label={t('res.grade')}>
            <Tag color={result.grade === 'FAIL' ? 'red' : 'green'}>{result.gradeLabel}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('rv.rank')}>{t('res.rank', { rank: result.rank, count: departmentsRanked })}</Descriptions.Item>
          <Descriptions.Item label={t('rv.filesReviewed')}>{result.filesReviewed}</Descriptions.Item>
        </Descriptions>
      )}
    </Space>
  );
}

function ComplianceResults() {
  const describe = useErrorMessage();
  const [page, setPage] = useState(1);
  const { data, loading, error } = useQuery(ROUNDS, { variables: { page, pageSize: PAGE_SIZE }, fetchPolicy: 'cache-and-network' });
  if (error) return <Alert type="error" showIcon title={describe(error)} />;
  return (
    <ResultList
      items={data?.complianceRounds.items ?? []}
      loading={loading}
      paging={{ page, total: data?.complianceRounds.total ?? 0, onChange: setPage }}
      testId="my-compliance-result"
      render={(r) => <RoundResult round={r} />}
    />
  );
}

function RoundResult({ round }: { round: RoundRow }) {
  const t = useT();
  const me = useMe();
  const describe = useErrorMessage();
  const { data, error } = useQuery(ROUND_RESULTS, { variables: { roundId: round.id } });
  const mine = data?.complianceRoundResults.departments.find((d) => d.departmentId === me.unit.id);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space>
        <Typography.Text strong>{round.name}</Typography.Text>
        {mine && <Link to={`/compliance/${round.id}/checks/${mine.checkId}`}>{t('res.open')}</Link>}
      </Space>
      {error && <Alert type="error" showIcon title={describe(error)} />}
      {data && !mine && <Typography.Text type="secondary">{t('res.noneForUs')}</Typography.Text>}
      {mine && (
        <Descriptions size="small" column={{ xs: 1, md: 4 }}>
          <Descriptions.Item label={t('res.score')}>{mine.score ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('res.grade')}>
            <Tag color={mine.grade === 'FAIL' ? 'red' : 'green'}>{mine.gradeLabel ?? '—'}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('rv.rank')}>{mine.rank ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('cp.system')}>
            {mine.subtotals.map((s) => (
              <Tag key={s.system}>{`${t(`cp.system.${s.system}` as MessageKey)} ${s.earned}/${s.max}`}</Tag>
            ))}
          </Descriptions.Item>
        </Descriptions>
      )}
    </Space>
  );
}
