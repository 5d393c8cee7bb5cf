import { Tag } from 'antd';
import type { MessageKey } from '../../i18n/locales';
import { useT } from '../../i18n/useT';
import { useWorkingDays } from '../../shared/calendar/useWorkingDays';
import { inShanghai } from '../../shared/time/dayjs';
import type { TaskRow, TaskState, WarningLevel } from './operations';

const STATE_COLORS: Record<TaskState, string> = {
  ISSUED: 'blue',
  ACKNOWLEDGED: 'cyan',
  IN_PROGRESS: 'geekblue',
  SUBMITTED: 'purple',
  RETURNED: 'magenta',
  VERIFIED: 'lime',
  CLOSED: 'green',
  CANCELLED: 'default',
};
const WARNING_COLORS: Record<WarningLevel, string> = { GREEN: 'green', YELLOW: 'gold', RED: 'red' };

export function StateTag({ state }: { state: TaskState }) {
  const t = useT();
  return (
    <Tag color={STATE_COLORS[state]} data-testid="task-state">
      {t(`rect.state.${state}` as MessageKey)}
    </Tag>
  );
}

export function WarningTag({ level }: { level: WarningLevel | null }) {
  const t = useT();
  if (!level) return null;
  return <Tag color={WARNING_COLORS[level]}>{t(`rect.warning.${level}` as MessageKey)}</Tag>;
}

/** 剩 N 天 / 逾期 N 天 in working days, or the closing date once closed. */
export function Countdown({ task }: { task: Pick<TaskRow, 'deadline' | 'state' | 'closedOn'> }) {
  const t = useT();
  const days = useWorkingDays();
  if (task.state === 'CLOSED' && task.closedOn) return <span>{t('rect.closedOn', { date: task.closedOn })}</span>;
  if (task.state === 'CANCELLED' || !days.ready) return null;
  const n = days.countdown(task.deadline);
  const overdue = task.deadline < inShanghai().format('YYYY-MM-DD');
  if (overdue && n === 0) return <span style={{ color: '#cf1322' }}>{t('rect.warning.RED')}</span>;
  return n >= 0 ? (
    <span style={{ color: n <= 3 ? '#d48806' : undefined }}>{t('rect.daysLeft', { days: n })}</span>
  ) : (
    <span style={{ color: '#cf1322' }}>{t('rect.daysOverdue', { days: -n })}</span>
  );
}
