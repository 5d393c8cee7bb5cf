import { Progress, Space, Typography } from 'antd';
import type { MessageKey } from '../../i18n/locales';
import { useT } from '../../i18n/useT';
import { progressPercent, type JobProgress } from './progress';

/** A long operation's progress as its events report it: bar, "已处理 n / N 件", red when it failed. */
export function JobProgressBar({ progress, label, testId }: { progress: JobProgress; label: MessageKey; testId: string }) {
  const t = useT();
  return (
    <Space orientation="vertical" size={0} style={{ width: '100%', maxWidth: 480 }} data-testid={testId}>
      <Typography.Text type="secondary">
        {t(label)}：{progress.failed ? t('progress.failed') : t('progress.cases', { done: progress.done, total: progress.total })}
      </Typography.Text>
      <Progress
        percent={progressPercent(progress)}
        status={progress.failed ? 'exception' : progress.finished ? 'success' : 'active'}
        aria-label={t(label)}
      />
    </Space>
  );
}
