import { useQuery } from '@apollo/client/react';
import { Button, Card, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/useT';
import { useMutationWithToast } from '../../shared/hooks/useMutationWithToast';
import { UNITS } from '../admin/operations';
import { MeasureStatusTag } from './labels';
import {
  FRAMEWORK,
  leavesOf,
  MEASURES,
  SCORE_SELF_REPORT,
  SELF_SCORES,
  type IndicatorNode,
  type MeasureRow,
  type Period,
} from './operations';
import { EvidenceList } from './ProgressModal';

/** Off-step or above the points: the sentence to show, or null when the score is acceptable. */
function scoreProblem(score: number | null, points: number, t: ReturnType<typeof useT>): string | null {
  if (score === null) return t('common.required');
  if (score < 0 || score > points) return t('as.scoreRange', { points });
  if (!Number.isInteger(score * 2)) return t('as.scoreStep');
  return null;
}

/** Scores one SELF_REPORT indicator of one department; the server enforces the same rules and recusal. */
function ScoreEditor({
  period,
  departmentId,
  indicator,
  given,
  onSaved,
}: {
  period: Period;
  departmentId: string;
  indicator: IndicatorNode;
  given: { score: number; note: string | null } | undefined;
  onSaved(): void;
}) {
  const t = useT();
  const points = indicator.weight ?? 0;
  const [score, setScore] = useState<number | null>(given?.score ?? null);
  const [note, setNote] = useState(given?.note ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [save, state] = useMutationWithToast(SCORE_SELF_REPORT, { success: 'common.saved' });
  const submit = () => {
    const issue = scoreProblem(score, points, t);
    setProblem(issue);
    if (issue || score === null) return;
    void save({ input: { ...period, departmentId, indicatorCode: indicator.code, score, note: note.trim() || undefined } }).then(
      (d) => d && onSaved(),
    );
  };
  return (
    <Space orientation="vertical" size={2} data-testid={`as-score-${indicator.code}`}>
      <Space size={4}>
        <InputNumber
          value={score}
          onChange={(v) => setScore(v)}
          min={0}
          step={0.5}
          style={{ width: 90 }}
          status={problem ? 'error' : undefined}
          aria-label={t('as.score')}
        />
        <Input
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder={t('as.scoreNote')}
          maxLength={2000}
          style={{ width: 200 }}
        />
        <Button type="primary" size="small" loading={state.loading} onClick={submit}>
          {t('common.save')}
        </Button>
      </Space>
      {problem && <Typography.Text type="danger">{problem}</Typography.Text>}
    </Space>
  );
}

/** The SELF_REPORT indicators of one department for the period, with its measures' reports and evidence beside each. */
export function SelfReportCard({ period }: { period: Period }) {
  const t = useT();
  const [departmentId, setDepartmentId] = useState<string>();
  const units = useQuery(UNITS, { variables: { page: 1, pageSize: 200, enforcementOnly: true } });
  const framework = useQuery(FRAMEWORK, { variables: { id: period.frameworkId } });
  const indicators = leavesOf(framework.data?.assessmentFramework.template.indicators).filter((i) => i.method === 'SELF_REPORT');
  const given = useQuery(SELF_SCORES, {
    variables: { ...period, departmentId: departmentId ?? '' },
    skip: !departmentId,
    fetchPolicy: 'cache-and-network',
  });
  const measures = useQuery(MEASURES, {
    variables: { year: period.year, departmentId, page: 1, pageSize: 200 },
    skip: !departmentId,
  });
  const scores = new Map((given.data?.assessmentSelfScores ?? []).map((s) => [s.indicatorCode, s]));
  const serving = (code: string): MeasureRow[] => (measures.data?.assessmentMeasures.items ?? []).filter((m) => m.indicatorCode === code);
  return (
    <Card
      size="small"
      title={t('as.selfReportTitle')}
      data-testid="as-self-report"
      extra={
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('as.chooseDepartment')}
          style={{ width: 280 }}
          value={departmentId}
          onChange={setDepartmentId}
          data-testid="as-score-department"
          options={(units.data?.units.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
        />
      }
    >
      {departmentId ? (
        <Table<IndicatorNode>
          rowKey="code"
          size="small"
          loading={given.loading && !given.data}
          dataSource={indicators}
          pagination={false}
          scroll={{ y: 420 }}
          expandable={{
            rowExpandable: (i) => serving(i.code).length > 0,
            expandedRowRender: (i) => <Evidence measures={serving(i.code)} departmentId={departmentId} />,
          }}
          columns={[
            { title: t('as.indicator'), key: 'indicator', render: (_, i) => `${i.code} ${i.title}` },
            { title: t('as.pointsHeader'), dataIndex: 'weight', width: 70 },
            {
              title: t('as.score'),
              key: 'score',
              width: 420,
              render: (_, i) => (
                <ScoreEditor
                  key={`${departmentId}-${period.quarter}-${scores.get(i.code)?.score}`}
                  period={period}
                  departmentId={departmentId}
                  indicator={i}
                  given={scores.get(i.code)}
                  onSaved={() => void given.refetch()}
                />
              ),
            },
          ]}
        />
      ) : (
        <Typography.Text type="secondary">{t('as.chooseDepartmentHint')}</Typography.Text>
      )}
    </Card>
  );
}

function Evidence({ measures, departmentId }: { measures: MeasureRow[]; departmentId: string }) {
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {measures.map((m) => (
        <div key={m.id}>
          <Space>
            <Typography.Text strong>
              {m.code} {m.title}
            </Typography.Text>
            <MeasureStatusTag status={m.status} />
          </Space>
          {m.progress
            .filter((p) => p.departmentId === departmentId)
            .map((p) => (
              <div key={p.id} style={{ paddingLeft: 16 }}>
                <Typography.Text type="secondary">
                  Q{p.quarter}：{p.text}
                </Typography.Text>
                <EvidenceList files={p.files} />
              </div>
            ))}
        </div>
      ))}
    </Space>
  );
}
