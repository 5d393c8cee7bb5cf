import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { Role } from '@ducha/contracts';
import { Alert, Button, Card, Space, Spin, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useAuth } from '../../app/auth/useAuth';
import type { MessageKey } from '../../i18n/locales';
import { useT } from '../../i18n/useT';
import { useMutationWithToast } from '../../shared/hooks/useMutationWithToast';
import { ExportButton } from '../../shared/export/ExportButton';
import { JobProgressBar } from '../../shared/progress/JobProgressBar';
import { useJobProgress } from '../../shared/progress/useJobProgress';
import { FINALIZE_ROUND, PUBLISH_ROUND, ROUND, RUN_SCREENING, type CheckRow } from './operations';

/** One round: screening (progress pushed by its events), each department's check, results and exports. */
export function RoundPage() {
  const t = useT();
  const { hasRole } = useAuth();
  const { roundId = '' } = useParams();
  const { data, refetch } = useQuery(ROUND, { variables: { id: roundId }, fetchPolicy: 'cache-and-network' });
  const round = data?.complianceRound;
  const running = round?.screening === 'QUEUED' || round?.screening === 'RUNNING';
  // The screening job reports its progress as events on the live socket (keyed by the round's id);
  // when they stop coming, the round itself is read again until it says the screening ended.
  const progress = useJobProgress(roundId, () => void refetch(), {
    active: running,
    read: async () => {
      const { data: fresh } = await refetch();
      const state = fresh?.complianceRound.screening;
      if (!progress || (state !== 'DONE' && state !== 'FAILED')) return null;
      return { ...progress, done: state === 'DONE' ? progress.total : progress.done, finished: true, failed: state === 'FAILED' };
    },
  });
  const [screen, screening] = useMutationWithToast(RUN_SCREENING, { success: 'task.done' });
  const [finalize, finalizing] = useMutationWithToast(FINALIZE_ROUND, { success: 'task.done' });
  const [publish, publishing] = useMutationWithToast(PUBLISH_ROUND, { success: 'task.done' });
  if (!round) return <Spin />;
  const inspector = hasRole(Role.INSPECTOR);
  const finished = round.stage === 'FINALIZED' || round.stage === 'PUBLISHED';

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="round-page">
      <Space wrap>
        <Link to="/compliance">
          <ArrowLeftOutlined /> {t('cp.rounds')}
        </Link>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {round.name}
        </Typography.Title>
        <Tag>{t(`cp.stage.${round.stage}` as MessageKey)}</Tag>
        <Tag color={round.screening === 'FAILED' ? 'red' : running ? 'processing' : undefined}>
          {t('cp.screening')}：{t(`cp.screening.${round.screening}` as MessageKey)}
        </Tag>
      </Space>
      {progress && <JobProgressBar progress={progress} label="progress.screening" testId="screening-progress" />}
      {round.screeningError && <Alert type="error" showIcon title={round.screeningError} />}
      <Space wrap>
        {inspector && !finished && (
          <Button loading={screening.loading || running} onClick={() => void screen({ roundId: round.id })}>
            {t('cp.runScreening')}
          </Button>
        )}
        {inspector && (round.stage === 'CHECKING' || round.stage === 'SCREENED') && (
          <Button
            loading={finalizing.loading}
            onClick={() => void finalize({ roundId: round.id, version: round.version }).then((ok) => ok && refetch())}
          >
            {t('cp.finalize')}
          </Button>
        )}
        {inspector && round.stage === 'FINALIZED' && (
          <Button
            type="primary"
            loading={publishing.loading}
            onClick={() => void publish({ roundId: round.id, version: round.version }).then((ok) => ok && refetch())}
          >
            {t('cp.publish')}
          </Button>
        )}
        {finished && (
          <>
            <ExportButton request={{ kind: 'COMPLIANCE_RESULTS', targetId: round.id }} testId="round-export-results">
              {t('cp.downloadResults')}
            </ExportButton>
            <ExportButton request={{ kind: 'COMPLIANCE_BULLETIN', targetId: round.id }} testId="round-export-bulletin">
              {t('cp.downloadBulletin')}
            </ExportButton>
          </>
        )}
      </Space>
      <Card size="small" title={t('cp.checks')}>
        <Table<CheckRow>
          rowKey="id"
          size="small"
          dataSource={round.checks ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: t('cp.departments'), dataIndex: 'departmentName' },
            { title: t('rect.state'), dataIndex: 'status', width: 100, render: (s: string) => t(`cp.status.${s}` as MessageKey) },
            { title: t('cp.score'), dataIndex: 'score', width: 80, render: (v: number | null) => v ?? '—' },
            {
              title: t('cp.system'),
              key: 'subtotals',
              render: (_, c) =>
                c.subtotals.map((s) => <Tag key={s.system}>{`${t(`cp.system.${s.system}` as MessageKey)} ${s.earned}/${s.max}`}</Tag>),
            },
            {
              title: t('common.actions'),
              key: 'open',
              width: 80,
              render: (_, c) => <Link to={`/compliance/${round.id}/checks/${c.id}`}>{t('cp.open')}</Link>,
            },
          ]}
        />
      </Card>
    </Space>
  );
}
