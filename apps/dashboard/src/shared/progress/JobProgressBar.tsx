import { Progress, Space, Typography } from 'antd';
import type { MessageKey } from '../../i18n/locales';
import { useT } from '../../i18n/useT';
import { progressPercent, type JobProgress } from './progress';

/**
 * A long operation's progress as its events report it: bar, "已处理 n / N 件" (or the `count`
 * wording, e.g. an export's "已处理 n / N 行"), red when it failed.
 */
export function JobProgressBar({
  progress,
  label,
  testId,
  count = 'progress.cases',
}: {
  progress: JobProgress;
  label: MessageKey;
  testId: string;
  count?: MessageKey;
}) {
  const t = useT();
  return (
    <Space orientation="vertical" size={0} style={{ width: '100%', maxWidth: 480 }} data-testid={testId}>
      <Typography.Text type="secondary">
        {t(label)}：{progress.failed ? t('progress.failed') : t(count, { done: progress.done, total: progress.total })}
      </Typography.Text>
      <Progress
        percent={progressPercent(progress)}
        status={progress.failed ? 'exception' : progress.finished ? 'success' : 'active'}
        aria-label={t(label)}
      />
    </Space>
  );
}
