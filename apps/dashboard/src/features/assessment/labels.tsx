import { Segmented, Space, Tag } from 'antd';
import { useT } from '../../i18n/useT';
import { inShanghai } from '../../shared/time/dayjs';
import type { MeasureRow, MeasureStatus } from './operations';

const STATUS_COLORS: Record<MeasureStatus, string> = { NOT_STARTED: 'default', IN_PROGRESS: 'processing', DONE: 'success' };

export function MeasureStatusTag({ status }: { status: MeasureStatus }) {
  const t = useT();
  return <Tag color={STATUS_COLORS[status]}>{t(`as.status.${status}`)}</Tag>;
}

/** Late: the overdue sweep has flagged it, or its deadline has passed and it is not done. */
export function isLate(m: Pick<MeasureRow, 'overdue' | 'status' | 'deadline'>): boolean {
  return m.status !== 'DONE' && (m.overdue || m.deadline < inShanghai().format('YYYY-MM-DD'));
}

export function LateTag({ measure }: { measure: MeasureRow }) {
  const t = useT();
  return isLate(measure) ? (
    <Tag color="red" data-testid="as-late">
      {t('as.late')}
    </Tag>
  ) : null;
}

/** The measure's status with a red "late" tag beside it when it is late. */
export function MeasureStatusCell({ measure }: { measure: MeasureRow }) {
  return (
    <Space size={4}>
      <MeasureStatusTag status={measure.status} />
      <LateTag measure={measure} />
    </Space>
  );
}

/** Q1 to Q4, and with `annual` the whole year as 0. */
export function QuarterPicker({ value, onChange, annual }: { value: number; onChange(quarter: number): void; annual?: boolean }) {
  const t = useT();
  return (
    <Segmented
      data-testid="as-quarter"
      value={value}
      onChange={onChange}
      options={[
        ...[1, 2, 3, 4].map((q) => ({ value: q, label: t('as.quarter', { quarter: q }) })),
        ...(annual ? [{ value: 0, label: t('as.annual') }] : []),
      ]}
    />
  );
}

/** The quarter (1 to 4) today falls in, on Beijing time. */
export const currentQuarter = (): number => Math.floor(inShanghai().month() / 3) + 1;

export const GRADE_COLORS: Record<string, string> = { EXCELLENT: 'green', GOOD: 'blue', PASS: 'gold', FAIL: 'red' };
