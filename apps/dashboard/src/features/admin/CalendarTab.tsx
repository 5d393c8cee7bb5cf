import { PlusOutlined } from '@ant-design/icons';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { Alert, App, Button, Card, Col, DatePicker, Empty, Input, InputNumber, List, Row, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useT } from '../../i18n/useT';
import { useMutationWithToast } from '../../shared/hooks/useMutationWithToast';
import { CALENDAR, UPSERT_CALENDAR_YEAR, type CalendarYearRow } from './operations';

interface Draft {
  year: number;
  holidays: string[];
  makeUpWorkdays: string[];
  names: Record<string, string>;
}

const emptyDraft = (year: number): Draft => ({ year, holidays: [], makeUpWorkdays: [], names: {} });
const fromRow = (row: CalendarYearRow): Draft => ({
  year: row.year,
  holidays: [...row.holidays],
  makeUpWorkdays: [...row.makeUpWorkdays],
  names: { ...row.names },
});

/** 工作日历: one year at a time, holidays (with names) and make-up working days editable. */
export function CalendarTab() {
  const t = useT();
  const { message } = App.useApp();
  const { data } = useQuery(CALENDAR);
  const client = useApolloClient();
  const years = useMemo(() => data?.calendarYears ?? [], [data]);
  const missing = data?.calendarStatus.missingYears ?? [];
  const [year, setYear] = useState<number | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [newYear, setNewYear] = useState<number | null>(null);
  const [save, saving] = useMutationWithToast(UPSERT_CALENDAR_YEAR, {
    success: (d) => t('calendar.saved', { year: d.upsertCalendarYear.year }),
  });

  useEffect(() => {
    if (year === null && years.length) setYear(years[years.length - 1]!.year);
  }, [year, years]);
  useEffect(() => {
    if (year === null) return;
    const row = years.find((y) => y.year === year);
    setDraft(row ? fromRow(row) : emptyDraft(year));
  }, [year, years]);

  const addDate = (field: 'holidays' | 'makeUpWorkdays', value: Dayjs | null): void => {
    if (!draft || !value) return;
    const date = value.format('YYYY-MM-DD');
    if (value.year() !== draft.year) return void message.warning(t('calendar.outOfYear', { year: draft.year }));
    if (draft[field].includes(date)) return void message.warning(t('calendar.duplicate'));
    setDraft({ ...draft, [field]: [...draft[field], date].sort() });
  };
  const remove = (field: 'holidays' | 'makeUpWorkdays', date: string): void => {
    if (!draft) return;
    const names = { ...draft.names };
    delete names[date];
    setDraft({ ...draft, [field]: draft[field].filter((d) => d !== date), names });
  };

  const dateList = (field: 'holidays' | 'makeUpWorkdays', title: string) => (
    <Card size="small" title={title} data-testid={`calendar-${field}`}>
      <DatePicker
        placeholder={t('calendar.addDate')}
        value={null}
        onChange={(value) => addDate(field, value)}
        style={{ marginBottom: 8 }}
        data-testid={`calendar-add-${field}`}
      />
      <List
        size="small"
        dataSource={draft?.[field] ?? []}
        style={{ maxHeight: 360, overflow: 'auto' }}
        renderItem={(date) => (
          <List.Item
            actions={[
              <Button key="remove" type="link" size="small" danger onClick={() => remove(field, date)} aria-label={`remove ${date}`}>
                ×
              </Button>,
            ]}
          >
            <Space>
              <Typography.Text code>{date}</Typography.Text>
              {field === 'holidays' && draft && (
                <Input
                  size="small"
                  placeholder={t('calendar.holidayName')}
                  value={draft.names[date] ?? ''}
                  style={{ width: 120 }}
                  onChange={(e) => setDraft({ ...draft, names: { ...draft.names, [date]: e.target.value } })}
                />
              )}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {missing.length > 0 && (
        <Alert type="warning" showIcon data-testid="calendar-missing" title={t('calendar.missing', { years: missing.join('、') })} />
      )}
      <Space wrap>
        <Typography.Text>{t('calendar.year')}</Typography.Text>
        <Select
          style={{ width: 120 }}
          value={year ?? undefined}
          data-testid="calendar-year"
          options={[...new Set([...years.map((y) => y.year), ...missing, ...(year ? [year] : [])])]
            .sort()
            .map((y) => ({ value: y, label: String(y) }))}
          onChange={(value: number) => setYear(value)}
        />
        <InputNumber min={2000} max={2100} placeholder={t('calendar.year')} value={newYear} onChange={(v) => setNewYear(v)} />
        <Button icon={<PlusOutlined />} disabled={!newYear} onClick={() => newYear && setYear(newYear)}>
          {t('calendar.addYear')}
        </Button>
        {draft && (
          <Typography.Text type="secondary">
            {t('calendar.count', { holidays: draft.holidays.length, makeUp: draft.makeUpWorkdays.length })}
          </Typography.Text>
        )}
      </Space>
      {draft ? (
        <Row gutter={16}>
          <Col xs={24} md={12}>
            {dateList('holidays', t('calendar.holidays'))}
          </Col>
          <Col xs={24} md={12}>
            {dateList('makeUpWorkdays', t('calendar.makeUp'))}
          </Col>
        </Row>
      ) : (
        <Empty description={t('calendar.none')} />
      )}
      {draft && (
        <Button
          type="primary"
          loading={saving.loading}
          data-testid="calendar-save"
          onClick={() => {
            const names = Object.fromEntries(Object.entries(draft.names).filter(([d, n]) => n.trim() && draft.holidays.includes(d)));
            void save({ input: { year: draft.year, holidays: draft.holidays, makeUpWorkdays: draft.makeUpWorkdays, names } }).then(
              // The shell's banner and the working-day countdowns read the calendar too.
              (ok) => ok && client.refetchQueries({ include: [CALENDAR, 'CalendarStatusBanner', 'WorkingDayCalendar'] }),
            );
          }}
        >
          {t('common.save')}
        </Button>
      )}
    </Space>
  );
}
