import { useQuery } from '@apollo/client/react';
import { Button, Card, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useMe } from '../../app/auth/useAuth';
import { useT } from '../../i18n/useT';
import type { Scope } from './AssessmentPage';
import styles from './assessment.module.css';
import { currentQuarter, isLate, MeasureStatusCell, MeasureStatusTag, QuarterPicker } from './labels';
import { MEASURES, type MeasureRow } from './operations';
import { ProgressModal } from './ProgressModal';
import { StatisticsCard } from './StatisticsCard';

/** 进展报送 (department officer): the department's measures with this quarter's reports, and the quarter's statistics. */
export function ReportsTab({ scope }: { scope: Scope }) {
  const t = useT();
  const me = useMe();
  const [quarter, setQuarter] = useState(currentQuarter);
  const [editing, setEditing] = useState<MeasureRow | null>(null);
  const { data, loading, refetch } = useQuery(MEASURES, {
    variables: { year: scope.year, page: 1, pageSize: 200 },
    fetchPolicy: 'cache-and-network',
  });
  const mine = (m: MeasureRow) => m.progress.find((p) => p.departmentId === me.unit.id && p.year === scope.year && p.quarter === quarter);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="as-reports">
      <QuarterPicker value={quarter} onChange={setQuarter} />
      <Card size="small" title={t('as.myMeasures')}>
        <Table<MeasureRow>
          data-testid="as-my-measures"
          rowKey="id"
          size="small"
          loading={loading}
          dataSource={data?.assessmentMeasures.items ?? []}
          rowClassName={(row) => (isLate(row) ? styles.lateRow : '')}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          scroll={{ x: 900 }}
          columns={[
            {
              title: t('as.measure'),
              key: 'measure',
              render: (_, r) => (
                <>
                  {r.code} {r.title} {r.leadUnitId === me.unit.id && <Tag color="blue">{t('as.lead')}</Tag>}
                </>
              ),
            },
            { title: t('as.deadline'), dataIndex: 'deadline', width: 110 },
            {
              title: t('as.status'),
              key: 'status',
              width: 150,
              render: (_, r) => <MeasureStatusCell measure={r} />,
            },
            {
              title: t('as.thisQuarter'),
              key: 'report',
              width: 170,
              render: (_, r) => {
                const report = mine(r);
                return report ? (
                  <Space size={4}>
                    <MeasureStatusTag status={report.status} />
                    {report.files.length > 0 && <Tag>{t('as.fileCount', { count: report.files.length })}</Tag>}
                  </Space>
                ) : (
                  <Tag>{t('as.notReported')}</Tag>
                );
              },
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 90,
              render: (_, r) => (
                <Button size="small" type="link" onClick={() => setEditing(r)} data-testid={`as-report-${r.code}`}>
                  {t('as.report')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <StatisticsCard scope={scope} quarter={quarter} />
      {editing && (
        <ProgressModal
          measure={editing}
          existing={mine(editing)}
          year={scope.year}
          quarter={quarter}
          onClose={() => {
            setEditing(null);
            void refetch();
          }}
        />
      )}
    </Space>
  );
}
