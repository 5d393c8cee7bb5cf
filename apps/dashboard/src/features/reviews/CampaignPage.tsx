import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { Role } from '@ducha/contracts';
import { Alert, Button, Card, Descriptions, Input, List, Space, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useAuth } from '../../app/auth/useAuth';
import { useT } from '../../i18n/useT';
import { GRADES, gradeLabel } from '../../shared/grades/gradeLabel';
import { useErrorMessage } from '../../shared/errors/useErrorMessage';
import { useMutationWithToast } from '../../shared/hooks/useMutationWithToast';
import { ExportButton } from '../../shared/export/ExportButton';
import { useLiveEvents } from '../../app/realtime/useLiveEvents';
import { AssignmentsCard } from './AssignmentsCard';
import { StageTag } from './CampaignListPage';
import {
  ASSIGN,
  CAMPAIGN,
  DRAW,
  FINALIZE,
  MY_SHEETS,
  PUBLISH,
  RESULTS,
  REVIEW_FILES,
  type ReviewFileRow,
  type SheetRow,
} from './operations';

/** A grade's place, best first; a band a rubric names itself comes last. */
const gradeOrder = (grade: string): number => {
  const i = (GRADES as readonly string[]).indexOf(grade);
  return i < 0 ? GRADES.length : i;
};

/** One campaign: the draw (seed shown), the drawn files, my sheets to score, results and downloads. */
export function CampaignPage() {
  const t = useT();
  const describe = useErrorMessage();
  const { hasRole } = useAuth();
  const { campaignId = '' } = useParams();
  const [seed, setSeed] = useState('');
  const [filePaging, setFilePaging] = useState({ page: 1, pageSize: 10 });
  const campaign = useQuery(CAMPAIGN, { variables: { id: campaignId } });
  const files = useQuery(REVIEW_FILES, { variables: { campaignId, ...filePaging }, fetchPolicy: 'cache-and-network' });
  const inspector = hasRole(Role.INSPECTOR);
  const sheets = useQuery(MY_SHEETS, {
    variables: { campaignId, page: 1, pageSize: 200 },
    skip: !inspector,
    fetchPolicy: 'cache-and-network',
  });
  const c = campaign.data?.reviewCampaign;
  const finished = c?.stage === 'FINALIZED' || c?.stage === 'PUBLISHED';
  const results = useQuery(RESULTS, { variables: { campaignId }, skip: !finished });
  const refresh = (): void => {
    void campaign.refetch();
    void files.refetch();
    if (inspector) void sheets.refetch();
  };
  // Live assignments: draws, assignments, re-checks and submissions in scope refresh the lists.
  useLiveEvents((event) => {
    if (event.type.startsWith('review.') || event.type === 'scoresheet.submitted') refresh();
  });
  const [draw, drawing] = useMutationWithToast(DRAW, { success: (d) => t('rv.drawn', { seed: d.drawSample.seed ?? '' }) });
  const [assign, assigning] = useMutationWithToast(ASSIGN, { success: 'rv.assigned' });
  const [finalize, finalizing] = useMutationWithToast(FINALIZE, { success: 'task.done' });
  const [publish, publishing] = useMutationWithToast(PUBLISH, { success: 'task.done' });
  const fileById = new Map((files.data?.reviewFiles.items ?? []).map((f) => [f.id, f]));

  if (campaign.error) return <Alert type="error" showIcon title={describe(campaign.error)} />;
  if (!c) return <Spin />;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="campaign-page">
      <Space wrap>
        <Link to="/reviews">
          <ArrowLeftOutlined /> {t('rv.campaigns')}
        </Link>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {c.name}
        </Typography.Title>
        <StageTag stage={c.stage} />
      </Space>
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('rv.period')}>
            {c.periodFrom} ~ {c.periodTo}
          </Descriptions.Item>
          <Descriptions.Item label={t('rv.caseTypes')}>{c.caseTypes.join('、')}</Descriptions.Item>
          <Descriptions.Item label={t('rv.filesPerDepartment')}>{c.filesPerDepartment}</Descriptions.Item>
          <Descriptions.Item label={t('rv.seed')}>
            <Typography.Text code data-testid="campaign-seed">
              {c.seed ?? '—'}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('rv.reviewersPerFile')}>{c.reviewersPerFile}</Descriptions.Item>
          <Descriptions.Item label={t('rv.departments')}>{c.departmentIds.length}</Descriptions.Item>
        </Descriptions>
        {inspector && (
          <Space wrap>
            {(c.stage === 'PLANNED' || c.stage === 'SELF_CHECK') && (
              <>
                <Input
                  placeholder={t('rv.drawSeed')}
                  value={seed}
                  onChange={(e) => setSeed(e.target.value)}
                  style={{ width: 240 }}
                  data-testid="draw-seed"
                />
                <Button
                  type="primary"
                  loading={drawing.loading}
                  data-testid="draw"
                  onClick={() => void draw({ campaignId: c.id, seed: seed.trim() || undefined }).then((ok) => ok && refresh())}
                >
                  {t('rv.draw')}
                </Button>
              </>
            )}
            {c.stage === 'DRAWN' && (
              <Button
                type="primary"
                loading={assigning.loading}
                data-testid="assign"
                onClick={() => void assign({ campaignId: c.id }).then((ok) => ok && refresh())}
              >
                {t('rv.assign')}
              </Button>
            )}
            {(c.stage === 'REVIEWING' || c.stage === 'RECHECK') && (
              <Button loading={finalizing.loading} onClick={() => void finalize({ campaignId: c.id }).then((ok) => ok && refresh())}>
                {t('rv.finalize')}
              </Button>
            )}
            {c.stage === 'FINALIZED' && (
              <Button
                type="primary"
                loading={publishing.loading}
                onClick={() => void publish({ campaignId: c.id }).then((ok) => ok && refresh())}
              >
                {t('rv.publish')}
              </Button>
            )}
          </Space>
        )}
      </Card>
      {inspector && (
        <Card size="small" title={t('rv.mySheets')}>
          <Table<SheetRow>
            data-testid="my-sheets"
            rowKey="id"
            size="small"
            loading={sheets.loading}
            dataSource={sheets.data?.myScoreSheets.items ?? []}
            locale={{ emptyText: t('rv.noSheets') }}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            columns={[
              { title: t('rv.fileNo'), key: 'file', render: (_, s) => fileById.get(s.reviewFileId)?.fileNo ?? s.reviewFileId.slice(0, 8) },
              { title: t('rv.department'), key: 'dept', render: (_, s) => fileById.get(s.reviewFileId)?.departmentName ?? '' },
              {
                title: t('rv.status'),
                key: 'status',
                width: 140,
                render: (_, s) => <Tag>{`${t(`rv.sheetKind.${s.kind}`)} · ${t(`rv.sheetStatus.${s.status}`)}`}</Tag>,
              },
              { title: t('rv.score'), dataIndex: 'score', width: 80, render: (v: number | null) => v ?? '—' },
              {
                title: t('common.actions'),
                key: 'open',
                width: 80,
                render: (_, s) => <Link to={`/reviews/${c.id}/sheets/${s.id}`}>{t('rv.open')}</Link>,
              },
            ]}
          />
        </Card>
      )}
      {inspector && c.stage !== 'PLANNED' && c.stage !== 'SELF_CHECK' && c.stage !== 'DRAWN' && (
        <AssignmentsCard campaignId={c.id} canReassign={c.stage === 'REVIEWING' || c.stage === 'RECHECK'} />
      )}
      <Card size="small" title={t('rv.files')}>
        <Table<ReviewFileRow>
          data-testid="review-files"
          rowKey="id"
          size="small"
          loading={files.loading}
          dataSource={files.data?.reviewFiles.items ?? []}
          pagination={{
            current: filePaging.page,
            pageSize: filePaging.pageSize,
            total: files.data?.reviewFiles.total ?? 0,
            onChange: (page, pageSize) => setFilePaging({ page, pageSize }),
          }}
          columns={[
            { title: t('rv.fileNo'), dataIndex: 'fileNo', render: (no: string, f) => <Link to={`/cases/${f.caseFileId}`}>{no}</Link> },
            { title: t('rv.department'), dataIndex: 'departmentName' },
            { title: t('rv.caseType'), dataIndex: 'caseType', width: 120 },
            { title: t('rv.status'), dataIndex: 'status', width: 100 },
            { title: t('rv.finalScore'), dataIndex: 'finalScore', width: 80, render: (v: number | null) => v ?? '—' },
          ]}
        />
      </Card>
      {finished && (
        <Card
          size="small"
          title={t('rv.results')}
          extra={
            <Space>
              <ExportButton request={{ kind: 'REVIEW_BULLETIN', targetId: c.id }} testId="campaign-export-bulletin">
                {t('rv.downloadBulletin')}
              </ExportButton>
              <ExportButton request={{ kind: 'REVIEW_RESULTS', targetId: c.id }} testId="campaign-export-results">
                {t('rv.downloadResults')}
              </ExportButton>
            </Space>
          }
        >
          <Table
            data-testid="campaign-results"
            rowKey="departmentId"
            size="small"
            pagination={false}
            dataSource={results.data?.campaignResults.departments ?? []}
            columns={[
              { title: t('rv.rank'), dataIndex: 'rank', width: 70 },
              { title: t('rv.department'), dataIndex: 'departmentName' },
              { title: t('rv.filesReviewed'), dataIndex: 'filesReviewed', width: 100 },
              { title: t('rv.meanScore'), dataIndex: 'meanScore', width: 100 },
              { title: t('rv.grade'), dataIndex: 'grade', width: 80, render: (g: string, d) => gradeLabel(t, g, d.gradeLabel) },
              {
                title: t('rv.gradeCounts'),
                dataIndex: 'gradeCounts',
                render: (counts: Record<string, number>) =>
                  // Best grade first, as the bulletin lists them.
                  Object.entries(counts ?? {})
                    .sort(([a], [b]) => gradeOrder(a) - gradeOrder(b))
                    .map(([grade, n]) => <Tag key={grade}>{`${gradeLabel(t, grade)} ${n}`}</Tag>),
              },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('rv.typicalProblems')}
          </Typography.Title>
          <List
            size="small"
            data-testid="campaign-typical-problems"
            dataSource={results.data?.campaignResults.typicalProblems ?? []}
            locale={{ emptyText: t('rv.noTypicalProblems') }}
            renderItem={(p, i) => (
              <List.Item>{`${i + 1}. ${t('rv.typicalProblem', { group: p.group, title: p.title, count: p.count })}`}</List.Item>
            )}
          />
        </Card>
      )}
    </Space>
  );
}
