import { ArrowLeftOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { App, Card, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useMe } from '../../app/auth/useAuth';
import { useLiveEvents } from '../../app/realtime/useLiveEvents';
import { useT } from '../../i18n/useT';
import { gradeLabel } from '../../shared/grades/gradeLabel';
import { ASSIGN_RECHECK, RECHECK_QUEUE, type RecheckRow } from './assignmentOperations';
import { ReviewerAssign } from './ReviewerAssign';

/** 复核队列: files whose initial scores disagree; organisers give each to a reviewer who did not score it, who then re-scores it. */
export function RecheckQueuePage() {
  const t = useT();
  const me = useMe();
  const { message } = App.useApp();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const { data, loading, refetch } = useQuery(RECHECK_QUEUE, { variables: paging, fetchPolicy: 'cache-and-network' });
  const [assignRecheck] = useMutation(ASSIGN_RECHECK);
  useLiveEvents((event) => {
    if (event.type === 'scoresheet.submitted' || event.type === 'review.rechecked') void refetch();
  });

  return (
    <Card
      data-testid="recheck-queue"
      title={
        <Space>
          <Link to="/reviews">
            <ArrowLeftOutlined /> {t('rv.campaigns')}
          </Link>
          {t('rv.rechecks')}
        </Space>
      }
    >
      <Table<RecheckRow>
        rowKey="reviewFileId"
        loading={loading}
        dataSource={data?.recheckQueue.items ?? []}
        locale={{ emptyText: t('rv.noRechecks') }}
        scroll={{ x: 1100 }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: data?.recheckQueue.total ?? 0,
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
        columns={[
          {
            title: t('rv.campaign'),
            dataIndex: 'campaignName',
            render: (name: string, r) => <Link to={`/reviews/${r.campaignId}`}>{name}</Link>,
          },
          { title: t('rv.fileNo'), dataIndex: 'fileNo' },
          { title: t('rv.department'), dataIndex: 'departmentName' },
          {
            title: t('rv.initialScores'),
            key: 'scores',
            render: (_, r) =>
              r.initialScores.map((score, i) => (
                <Tag key={i}>{`${t('tpl.points', { points: score })} · ${gradeLabel(t, r.initialGrades[i])}`}</Tag>
              )),
          },
          {
            title: t('rv.recheckReviewer'),
            key: 'reviewer',
            width: 120,
            render: (_, r) => r.recheckReviewerName ?? <Tag color="orange">{t('rv.notAssigned')}</Tag>,
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 400,
            render: (_, r) => (
              <Space orientation="vertical" size={4}>
                {r.recheckSheetId && r.recheckReviewerId === me.id && (
                  <Link to={`/reviews/${r.campaignId}/sheets/${r.recheckSheetId}`} data-testid="recheck-start">
                    {t('rv.startRecheck')}
                  </Link>
                )}
                {r.canAssign && (
                  <ReviewerAssign
                    reviewFileId={r.reviewFileId}
                    actionLabel="rv.assignRecheck"
                    onAssign={async (reviewerId) => {
                      await assignRecheck({ variables: { reviewFileId: r.reviewFileId, reviewerId } });
                      void message.success(t('rv.recheckAssigned'));
                      await refetch();
                    }}
                  />
                )}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
