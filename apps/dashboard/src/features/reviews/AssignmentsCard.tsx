import { useMutation, useQuery } from '@apollo/client/react';
import { App, Card, Table, Tag } from 'antd';
import { useState } from 'react';
import type { MessageKey } from '../../i18n/locales';
import { useT } from '../../i18n/useT';
import { ASSIGNMENTS, REASSIGN, type AssignmentRow } from './assignmentOperations';
import { ReviewerAssign } from './ReviewerAssign';

/** 评查分配: who scores which file; an unsubmitted sheet can go to another reviewer the rules allow. */
export function AssignmentsCard({ campaignId, canReassign }: { campaignId: string; canReassign: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const [paging, setPaging] = useState({ page: 1, pageSize: 10 });
  const { data, loading, refetch } = useQuery(ASSIGNMENTS, { variables: { campaignId, ...paging }, fetchPolicy: 'cache-and-network' });
  const [reassign] = useMutation(REASSIGN);

  return (
    <Card size="small" title={t('rv.assignments')}>
      <Table<AssignmentRow>
        data-testid="assignments-table"
        rowKey="sheetId"
        size="small"
        loading={loading}
        dataSource={data?.reviewAssignments.items ?? []}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: data?.reviewAssignments.total ?? 0,
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
        scroll={{ x: 900 }}
        columns={[
          { title: t('rv.fileNo'), dataIndex: 'fileNo' },
          { title: t('rv.department'), dataIndex: 'departmentName' },
          { title: t('rv.reviewer'), dataIndex: 'reviewerName', width: 120 },
          {
            title: t('rv.status'),
            key: 'status',
            width: 140,
            render: (_, s) => (
              <Tag>{`${t(`rv.sheetKind.${s.kind}` as MessageKey)} · ${t(`rv.sheetStatus.${s.status}` as MessageKey)}`}</Tag>
            ),
          },
          {
            title: t('rv.reassign'),
            key: 'reassign',
            width: 380,
            render: (_, s) =>
              canReassign && s.status === 'DRAFT' && s.kind === 'INITIAL' ? (
                <ReviewerAssign
                  reviewFileId={s.reviewFileId}
                  actionLabel="rv.reassign"
                  onAssign={async (reviewerId) => {
                    await reassign({ variables: { sheetId: s.sheetId, reviewerId } });
                    void message.success(t('rv.reassigned'));
                    await refetch();
                  }}
                />
              ) : (
                '—'
              ),
          },
        ]}
      />
    </Card>
  );
}
