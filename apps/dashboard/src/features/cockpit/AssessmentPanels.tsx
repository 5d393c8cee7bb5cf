import { Col, Row, Statistic, Table } from 'antd';
import { useMemo } from 'react';
import type { MessageKey } from '../../i18n/locales';
import type { useT } from '../../i18n/useT';
import { Chart } from './Chart';
import styles from './CockpitPage.module.css';
import type { CockpitAssessmentData } from './operations';

type T = ReturnType<typeof useT>;
const pct = (v: number | null): string => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
const QUARTERS = [1, 2, 3, 4];
const STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'DONE'] as const;

/** 法治考核 in the cockpit: scores, first-level indicators, the reported rates by quarter, the plan's measures. */
export function AssessmentPanels({ a, t }: { a: CockpitAssessmentData; t: T }) {
  const quarterName = a.quarter === null ? '—' : a.quarter === 0 ? t('ck.assess.annual') : t('ck.assess.quarter', { quarter: a.quarter });
  const options = useMemo(() => chartOptions(a), [a]);
  const rateRows = [...new Set(a.rates.map((r) => r.key))].map((key) => ({
    key,
    ...Object.fromEntries(QUARTERS.map((q) => [`q${q}`, a.rates.find((r) => r.key === key && r.quarter === q)?.rate ?? null])),
  }));
  const count = (status: string) => a.measures.find((m) => m.key === status)?.count ?? 0;
  return (
    <Row gutter={[12, 12]} data-testid="cockpit-assessment">
      <Col xs={24} md={12} xxl={8}>
        <div className={styles.panel} data-testid="cockpit-assessment-scores">
          <div className={styles.panelTitle}>{t('ck.assess.scores', { quarter: quarterName })}</div>
          {a.ranking.length ? (
            <Chart option={options.ranking} height={300} testId="chart-assessment-ranking" />
          ) : (
            <div className={styles.empty}>{t('ck.assess.none')}</div>
          )}
        </div>
      </Col>
      <Col xs={24} md={12} xxl={8}>
        <div className={styles.panel}>
          <div className={styles.panelTitle}>{t('ck.assess.indicators', { quarter: quarterName })}</div>
          {a.indicators.length ? (
            <Chart option={options.indicators} height={300} testId="chart-assessment-indicators" />
          ) : (
            <div className={styles.empty}>{t('ck.assess.none')}</div>
          )}
        </div>
      </Col>
      <Col xs={24} xxl={8}>
        <div className={styles.panel}>
          <div className={styles.panelTitle}>{t('ck.assess.rates')}</div>
          <Table
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={rateRows}
            data-testid="cockpit-assessment-rates"
            columns={[
              { title: '', dataIndex: 'key', render: (key: string) => t(`ck.assess.rate.${key}` as MessageKey) },
              ...QUARTERS.map((q) => ({
                title: t('ck.assess.quarter', { quarter: q }),
                dataIndex: `q${q}`,
                width: 72,
                render: (v: number | null) => pct(v),
              })),
            ]}
          />
        </div>
      </Col>
      <Col xs={24}>
        <div className={styles.panel}>
          <div className={styles.panelTitle}>{t('ck.assess.measures')}</div>
          <Row gutter={[12, 12]} data-testid="cockpit-measures">
            {STATUSES.map((status) => (
              <Col key={status} flex="1 1 120px" data-testid={`measures-${status}`}>
                <Statistic
                  title={<span className={styles.muted}>{t(`ck.assess.status.${status}` as MessageKey)}</span>}
                  value={count(status)}
                  styles={{ content: { color: status === 'DONE' ? '#73d13d' : '#e6f4ff' } }}
                />
              </Col>
            ))}
            <Col flex="1 1 120px" data-testid="measures-late">
              <Statistic
                title={<span className={styles.muted}>{t('ck.assess.late', { count: a.measuresLate })}</span>}
                value={a.measuresLate}
                styles={{ content: { color: '#ff7875' } }}
              />
            </Col>
          </Row>
          <Table
            size="small"
            rowKey="measureId"
            pagination={false}
            dataSource={a.lateMeasures.slice(0, 8)}
            data-testid="cockpit-late-measures"
            columns={[
              { title: t('ck.assess.col.code'), dataIndex: 'code', width: 120 },
              { title: t('ck.assess.col.title'), dataIndex: 'title', ellipsis: true },
              { title: t('ck.assess.col.lead'), dataIndex: 'leadUnitName', width: 220 },
              { title: t('ck.assess.col.deadline'), dataIndex: 'deadline', width: 120 },
              {
                title: '',
                dataIndex: 'daysLate',
                width: 120,
                render: (d: number) => <span style={{ color: '#ff7875' }}>{t('ck.assess.lateDays', { days: d })}</span>,
              },
            ]}
          />
        </div>
      </Col>
    </Row>
  );
}

function chartOptions(a: CockpitAssessmentData) {
  const ranked = [...a.ranking].reverse();
  return {
    ranking: {
      tooltip: {},
      grid: { left: 150, right: 40, top: 10, bottom: 20 },
      xAxis: { type: 'value', max: 100 },
      yAxis: { type: 'category', data: ranked.map((d) => d.departmentName), axisLabel: { width: 140, overflow: 'truncate' } },
      series: [
        { type: 'bar', data: ranked.map((d) => d.score), label: { show: true, position: 'right' }, itemStyle: { color: '#36cfc9' } },
      ],
    },
    indicators: {
      tooltip: {},
      grid: { left: 150, right: 50, top: 10, bottom: 20 },
      xAxis: { type: 'value', max: 100 },
      yAxis: { type: 'category', inverse: true, data: a.indicators.map((i) => i.title), axisLabel: { width: 140, overflow: 'truncate' } },
      series: [
        {
          type: 'bar',
          data: a.indicators.map((i) => Number(((i.rate ?? 0) * 100).toFixed(1))),
          label: { show: true, position: 'right', formatter: '{c}%' },
          itemStyle: { color: '#9254de' },
        },
      ],
    },
  };
}
