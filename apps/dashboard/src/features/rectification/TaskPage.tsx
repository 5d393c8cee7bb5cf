import { ArrowLeftOutlined, PaperClipOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Col, Descriptions, List, Row, Space, Spin, Table, Tag, Timeline, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import type { MessageKey } from '../../i18n/locales';
import { useLiveEvents } from '../../app/realtime/useLiveEvents';
import { useT } from '../../i18n/useT';
import { useErrorMessage } from '../../shared/errors/useErrorMessage';
import { downloadFile } from '../../shared/http/uploadWithProgress';
import { ExportButton } from '../../shared/export/ExportButton';
import { formatInShanghai } from '../../shared/time/dayjs';
import { Countdown, StateTag, WarningTag } from './labels';
import { TASK, type FindingRow, type TaskDetail } from './operations';
import { TaskActions } from './TaskActions';

interface TimelineItem {
  at: string;
  text: string;
  color?: string;
}

function timeline(detail: TaskDetail, t: ReturnType<typeof useT>): TimelineItem[] {
  const items: TimelineItem[] = [
    ...detail.deadlines.map((d) => ({
      at: d.setAt,
      text: `${t('task.event.deadline', { deadline: d.deadline })}${d.reason ? `（${d.reason}）` : ''}`,
    })),
    ...detail.escalations.map((e) => ({
      at: e.occurredAt,
      color: 'red',
      text: t('task.event.escalation', { step: t(`rect.escalation.${e.step}` as MessageKey), notice: e.notice }),
    })),
    ...detail.extensions.map((x) => ({
      at: x.requestedAt,
      color: 'orange',
      text: `${t('task.event.extension', { date: x.requestedDeadline, status: t(`task.extension.${x.status}`) })}：${x.reason}${x.decisionNote ? ` / ${x.decisionNote}` : ''}`,
    })),
    ...detail.reports.flatMap((r) => [
      { at: r.submittedAt, color: 'blue', text: `${t('task.event.report')}：${r.measuresTaken}` },
      ...(r.verdict
        ? [
            {
              at: r.submittedAt,
              color: r.verdict === 'RETURNED' ? 'red' : 'green',
              text: `${t('task.event.verdict', { verdict: t(`task.verdict.${r.verdict}` as MessageKey) })}${r.verdictNote ? `：${r.verdictNote}` : ''}`,
            },
          ]
        : []),
    ]),
  ];
  return items.sort((a, b) => a.at.localeCompare(b.at));
}

/** One task: its facts, findings, every transition, reports and evidence, and the actions the user may take now. */
export function TaskPage() {
  const t = useT();
  const describe = useErrorMessage();
  const { taskId = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(TASK, { variables: { id: taskId }, fetchPolicy: 'cache-and-network' });
  // Live: whoever moves this task (the other side, a co-department, the sweep), the page follows.
  useLiveEvents((event) => {
    if (event.type.startsWith('rectification.') && (event.payload as { taskId?: string }).taskId === taskId) void refetch();
  });
  if (error && !data) return <Alert type="error" showIcon title={describe(error)} />;
  if (!data) return <Spin spinning={loading} />;
  const detail = data.rectificationTask;
  const task = detail.task;
  const lastReturn = [...detail.reports].reverse().find((r) => r.verdict === 'RETURNED');

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="task-page">
      <Space wrap>
        <Link to="/rectification">
          <ArrowLeftOutlined /> {t('task.back')}
        </Link>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {task.taskNo} · {task.departmentName}
        </Typography.Title>
        <StateTag state={task.state} />
        <WarningTag level={task.state === 'CLOSED' || task.state === 'CANCELLED' ? null : task.warningLevel} />
        <Countdown task={task} />
        <ExportButton request={{ kind: 'RECTIFICATION_NOTICE', targetId: task.id }} testId="task-export-notice">
          {t('rect.downloadNotice')}
        </ExportButton>
      </Space>
      {task.state === 'RETURNED' && lastReturn?.verdictNote && (
        <Alert
          type="warning"
          showIcon
          data-testid="task-returned-reason"
          title={t('task.returnedBecause', { reason: lastReturn.verdictNote })}
        />
      )}
      {task.state === 'CANCELLED' && task.cancelReason && (
        <Alert type="info" showIcon data-testid="task-cancel-reason" title={t('task.cancelledBecause', { reason: task.cancelReason })} />
      )}
      <TaskActions detail={detail} onChanged={() => void refetch()} />
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Card size="small" title={t('task.basics')}>
              <Descriptions size="small" column={2}>
                <Descriptions.Item label={t('rect.source')}>{t(`rect.source.${task.source}`)}</Descriptions.Item>
                <Descriptions.Item label={t('rect.responsiblePerson')}>{task.responsiblePerson}</Descriptions.Item>
                <Descriptions.Item label={t('rect.issuedOn')}>{task.issuedOn}</Descriptions.Item>
                <Descriptions.Item label={t('rect.deadline')}>{task.deadline}</Descriptions.Item>
                <Descriptions.Item label={t('rect.requirements')} span={2}>
                  {task.requirements}
                </Descriptions.Item>
                <Descriptions.Item label={t('task.departments')} span={2}>
                  {detail.departments.map((d) => (
                    <Tag key={d.departmentId}>
                      {d.departmentName}（{t(`task.role.${d.role}`)}）
                    </Tag>
                  ))}
                </Descriptions.Item>
              </Descriptions>
            </Card>
            <Card size="small" title={t('task.findings')}>
              <Table<FindingRow>
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={detail.findings}
                columns={[
                  { title: t('finding.category'), dataIndex: 'category', width: 120 },
                  { title: t('finding.description'), dataIndex: 'description' },
                  { title: t('finding.legalBasis'), dataIndex: 'legalBasis', width: 160, render: (v: string | null) => v ?? '—' },
                ]}
              />
            </Card>
            <Card size="small" title={t('task.reports')}>
              <List
                dataSource={detail.reports}
                renderItem={(r) => (
                  <List.Item>
                    <List.Item.Meta
                      title={`${formatInShanghai(r.submittedAt, 'YYYY-MM-DD HH:mm')} ${r.verdict ? `· ${t(`task.verdict.${r.verdict}` as MessageKey)}` : ''}`}
                      description={
                        <>
                          <div>
                            {t('task.measures')}：{r.measuresTaken}
                          </div>
                          <div>{r.text}</div>
                          {r.verdictNote && <div style={{ color: '#cf1322' }}>{r.verdictNote}</div>}
                        </>
                      }
                    />
                  </List.Item>
                )}
              />
            </Card>
          </Space>
        </Col>
        <Col xs={24} lg={10}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Card size="small" title={t('task.timeline')} data-testid="task-timeline">
              <Timeline
                items={timeline(detail, t).map((item) => ({
                  color: item.color,
                  content: (
                    <>
                      <Typography.Text type="secondary">{formatInShanghai(item.at, 'YYYY-MM-DD HH:mm')}</Typography.Text>
                      <div>{item.text}</div>
                    </>
                  ),
                }))}
              />
            </Card>
            <Card size="small" title={t('task.files')} data-testid="task-files">
              <List
                size="small"
                dataSource={detail.files}
                renderItem={(f) => (
                  <List.Item>
                    <Button type="link" icon={<PaperClipOutlined />} onClick={() => void downloadFile(f.downloadPath, f.fileName)}>
                      {f.fileName}
                    </Button>
                    <Typography.Text type="secondary">{t('task.size', { size: Math.max(1, Math.round(f.size / 1024)) })}</Typography.Text>
                  </List.Item>
                )}
              />
            </Card>
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
