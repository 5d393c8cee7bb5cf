import { useQuery } from '@apollo/client/react';
import { Badge, Col, List, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useMe } from '../../app/auth/useAuth';
import { LiveConnection } from '../../app/realtime/LiveConnection';
import { useLiveStatus } from '../../app/realtime/useLiveEvents';
import type { DomainEvent } from '@ducha/contracts';
import type { MessageKey, Translate } from '../../i18n/locales';
import { useT } from '../../i18n/useT';
import { gradeLabel } from '../../shared/grades/gradeLabel';
import { formatInShanghai, inShanghai } from '../../shared/time/dayjs';
import { REGIONS } from '../admin/operations';
import { AssessmentPanels } from './AssessmentPanels';
import { Chart } from './Chart';
import { RegionDrill } from './RegionDrill';
import styles from './CockpitPage.module.css';
import { feedText, inFeed } from './feedText';
import { COCKPIT, type CockpitData } from './operations';

const pct = (v: number | null): string => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
const num = (v: number | null, digits = 1): string => (v === null ? '—' : v.toFixed(digits));
const WARNINGS = [
  ['RED', '#ff7875'],
  ['YELLOW', '#ffd666'],
  ['GREEN', '#95de64'],
] as const;
const FLOW = ['ISSUED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'SUBMITTED', 'RETURNED', 'VERIFIED', 'CLOSED', 'CANCELLED'] as const;
/** A rectification state's label in the current language; an unknown key as it is. */
const stateName = (t: Translate, state: string): string => (FLOW.includes(state as never) ? t(`rect.state.${state}` as MessageKey) : state);

/**
 * 领导驾驶舱: loads the snapshot (with asOfSeq), then follows socket events after that seq; each
 * event adds a line to the feed and refreshes the figures (debounced). A dropped connection
 * reconnects from the last applied seq, so nothing is missed; the indicator shows the state.
 */
export function CockpitPage() {
  const t = useT();
  const me = useMe();
  const regions = useQuery(REGIONS);
  const [regionId, setRegionId] = useState(me.unit.regionId);
  const [period, setPeriod] = useState(String(inShanghai().year()));
  const { data, refetch } = useQuery(COCKPIT, {
    variables: { regionId, period, page: 1, pageSize: 20 },
    notifyOnNetworkStatusChange: false,
  });
  // The events themselves: each line is rendered in the language of the moment.
  const [feed, setFeed] = useState<DomainEvent[]>([]);
  const [connection, setConnection] = useState<LiveConnection | null>(null);
  const status = useLiveStatus(connection);
  const firstSeq = data?.cockpit.asOfSeq;
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  // One connection per (region, period) snapshot, starting after its asOfSeq.
  const snapshotKey = firstSeq === undefined ? null : `${regionId}|${period}`;
  useEffect(() => {
    if (snapshotKey === null || firstSeq === undefined) return;
    const live = new LiveConnection(firstSeq);
    const off = live.onEvent((event) => {
      if (inFeed(event)) setFeed((items) => [event, ...items].slice(0, 30));
      if (refreshTimer.current) clearTimeout(refreshTimer.current);
      refreshTimer.current = setTimeout(() => void refetch(), 300);
    });
    live.start();
    setConnection(live);
    (window as unknown as { __cockpitLive?: LiveConnection }).__cockpitLive = live;
    return () => {
      off();
      live.stop();
      if (refreshTimer.current) clearTimeout(refreshTimer.current);
    };
    // Reconnect only when the snapshot's scope (region, period) changes, not on every refetch.
  }, [snapshotKey]);

  const c = data?.cockpit;
  const options = useMemo(() => (c ? chartOptions(c, t) : null), [c, t]);
  const years = Array.from({ length: 4 }, (_, i) => String(inShanghai().year() - i));

  return (
    <div className={styles.screen} data-testid="cockpit-page">
      <div className={styles.header}>
        <Typography.Title level={3} className={styles.title}>
          {t('ck.title')}
        </Typography.Title>
        <Space wrap>
          <RegionDrill regions={regions.data?.regions ?? []} value={regionId} onChange={setRegionId} />
          <Select
            value={period}
            onChange={setPeriod}
            style={{ width: 140 }}
            aria-label={t('ck.period')}
            options={years.map((y) => ({ value: y, label: t('ck.year', { year: y }) }))}
          />
          <span data-testid="cockpit-connection" data-status={status}>
            <Badge
              status={status === 'live' ? 'success' : status === 'connecting' ? 'processing' : 'error'}
              text={
                <span className={styles.muted}>
                  {t(status === 'live' ? 'ck.live' : status === 'connecting' ? 'ck.connecting' : 'ck.offline')}
                </span>
              }
            />
          </span>
          {c && <span className={styles.muted}>{t('ck.asOf', { seq: c.asOfSeq })}</span>}
        </Space>
      </div>
      {c && options && (
        <>
          <Row gutter={[12, 12]} className={styles.kpis} data-testid="cockpit-kpis">
            {(
              [
                ['filesReviewed', String(c.kpis.filesReviewed)],
                ['meanScore', num(c.kpis.meanScore)],
                ['passRate', pct(c.kpis.passRate)],
                ['tasksIssued', String(c.kpis.tasksIssued)],
                ['tasksOpen', String(c.kpis.tasksOpen)],
                ['tasksOverdue', String(c.kpis.tasksOverdue)],
                ['completionRate', pct(c.kpis.completionRate)],
                ['onTimeRate', pct(c.kpis.onTimeRate)],
                ['clearDownRate', pct(c.kpis.clearDownRate)],
                ['meanComplianceScore', num(c.kpis.meanComplianceScore)],
              ] as const
            ).map(([key, value]) => (
              <Col key={key} flex="1 1 120px">
                <div className={styles.kpi} data-testid={`kpi-${key}`}>
                  <Statistic
                    title={<span className={styles.muted}>{t(`ck.kpi.${key}` as MessageKey)}</span>}
                    value={value}
                    styles={{ content: { color: key === 'tasksOverdue' ? '#ff7875' : '#e6f4ff' } }}
                  />
                </div>
              </Col>
            ))}
          </Row>
          <Row gutter={[12, 12]}>
            <Col xs={24} xl={8}>
              <div className={styles.panel}>
                <div className={styles.panelTitle}>{t('ck.ranking')}</div>
                <Chart option={options.ranking} height={300} testId="chart-ranking" />
              </div>
            </Col>
            <Col xs={24} md={12} xl={8}>
              <div className={styles.panel}>
                <div className={styles.panelTitle}>{t('ck.grades')}</div>
                <Chart option={options.grades} height={300} />
              </div>
            </Col>
            <Col xs={24} md={12} xl={8}>
              <div className={styles.panel}>
                <div className={styles.panelTitle}>{t('ck.funnel')}</div>
                <Chart option={options.funnel} height={300} />
              </div>
            </Col>
            <Col xs={24} md={12} xl={8}>
              <div className={styles.panel}>
                <div className={styles.panelTitle}>{t('ck.radar')}</div>
                <Chart option={options.radar} height={300} />
              </div>
            </Col>
            <Col xs={24} md={12} xl={8}>
              <div className={styles.panel}>
                <div className={styles.panelTitle}>{t('ck.trend')}</div>
                <Chart option={options.trend} height={300} />
              </div>
            </Col>
            <Col xs={24} xl={8}>
              <div className={styles.panel}>
                <div className={styles.panelTitle}>{t('ck.feed')}</div>
                <List
                  className={styles.feed}
                  data-testid="cockpit-feed"
                  dataSource={feed}
                  locale={{ emptyText: <span className={styles.muted}>{t('ck.feedEmpty')}</span> }}
                  renderItem={(event) => (
                    <List.Item className={styles.feedItem}>
                      <span className={styles.muted}>{formatInShanghai(event.at, 'HH:mm:ss')}</span> {feedText(event, t)}
                    </List.Item>
                  )}
                />
              </div>
            </Col>
            <Col xs={24} xl={6}>
              <div className={styles.panel} data-testid="cockpit-warnings">
                <div className={styles.panelTitle}>{t('ck.warnings')}</div>
                {WARNINGS.map(([key, color]) => (
                  <div key={key} data-testid={`warning-${key}`}>
                    <Statistic
                      title={<span className={styles.muted}>{t(`ck.warn.${key}` as MessageKey)}</span>}
                      value={c.warningLevels.find((w) => w.key === key)?.count ?? 0}
                      styles={{ content: { color } }}
                    />
                  </div>
                ))}
              </div>
            </Col>
            <Col xs={24} xl={18}>
              <div className={styles.panel}>
                <div className={styles.panelTitle}>{t('ck.overdue')}</div>
                <Table
                  size="small"
                  rowKey="taskId"
                  pagination={false}
                  dataSource={c.overdue.slice(0, 10)}
                  data-testid="cockpit-overdue"
                  columns={[
                    { title: t('ck.col.taskNo'), dataIndex: 'taskNo', width: 180 },
                    { title: t('ck.col.department'), dataIndex: 'departmentName' },
                    { title: t('ck.col.deadline'), dataIndex: 'deadline', width: 120 },
                    { title: t('ck.col.state'), dataIndex: 'state', width: 120, render: (s: string) => stateName(t, s) },
                    {
                      title: t('ck.col.overdue'),
                      dataIndex: 'daysOverdue',
                      width: 150,
                      render: (d: number) => <span style={{ color: '#ff7875' }}>{t('ck.overdueDays', { days: d })}</span>,
                    },
                  ]}
                />
              </div>
            </Col>
          </Row>
          <div className={styles.section}>
            <AssessmentPanels a={c.assessment} t={t} />
          </div>
        </>
      )}
    </div>
  );
}

function chartOptions(c: CockpitData, t: Translate) {
  const ranked = [...c.ranking]
    .filter((d) => d.meanScore !== null)
    .sort((a, b) => a.rank - b.rank)
    .slice(0, 10)
    .reverse();
  const radarDepts = [...c.ranking].filter((d) => d.complianceScore !== null).slice(0, 5);
  return {
    ranking: {
      tooltip: {},
      grid: { left: 150, right: 30, top: 10, bottom: 20 },
      xAxis: { type: 'value', max: 100 },
      yAxis: { type: 'category', data: ranked.map((d) => d.departmentName), axisLabel: { width: 140, overflow: 'truncate' } },
      series: [{ type: 'bar', data: ranked.map((d) => d.meanScore), label: { show: true, position: 'right' } }],
    },
    grades: {
      tooltip: { trigger: 'item' },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['40%', '70%'],
          data: c.gradeDistribution.map((g) => ({ name: gradeLabel(t, g.key), value: g.count })),
        },
      ],
    },
    funnel: {
      tooltip: {},
      grid: { left: 80, right: 40, top: 10, bottom: 20 },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', inverse: true, data: FLOW.map((k) => stateName(t, k)) },
      series: [
        {
          type: 'bar',
          label: { show: true, position: 'right' },
          data: FLOW.map((k) => ({
            value: c.rectificationFunnel.find((f) => f.key === k)?.count ?? 0,
            itemStyle: { color: k === 'CLOSED' ? '#73d13d' : k === 'RETURNED' ? '#ff7875' : '#4096ff' },
          })),
        },
      ],
    },
    radar: {
      tooltip: {},
      legend: { bottom: 0, type: 'scroll' },
      radar: {
        radius: '60%',
        indicator: [
          { name: t('ck.radar.disclosure'), max: 100 },
          { name: t('ck.radar.legalReview'), max: 100 },
          { name: t('ck.radar.avFiled'), max: 100 },
          { name: t('ck.radar.score'), max: 100 },
        ],
      },
      series: [
        {
          type: 'radar',
          data: radarDepts.map((d) => ({
            name: d.departmentName,
            value: [
              (d.disclosureOnTimeRate ?? 0) * 100,
              (d.legalReviewCoverage ?? 0) * 100,
              (d.avFiledRate ?? 0) * 100,
              d.complianceScore ?? 0,
            ].map((v) => Number(v.toFixed(1))),
          })),
        },
      ],
    },
    trend: {
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 40, right: 20, top: 20, bottom: 50 },
      xAxis: { type: 'category', data: c.trend.map((p) => p.month) },
      yAxis: { type: 'value' },
      series: [
        { name: t('ck.trend.files'), type: 'line', smooth: true, data: c.trend.map((p) => p.filesReviewed) },
        { name: t('ck.trend.issued'), type: 'line', smooth: true, data: c.trend.map((p) => p.tasksIssued) },
        { name: t('ck.trend.closed'), type: 'line', smooth: true, data: c.trend.map((p) => p.tasksClosed) },
      ],
    },
  };
}
