import { DownloadOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import type { ReactNode } from 'react';
import { JobProgressBar } from '../progress/JobProgressBar';
import type { ExportRequest } from './operations';
import { useExportJob } from './useExportJob';

/**
 * A download the server builds as a job: the click requests it, a progress bar follows it and the
 * file downloads when it is ready. `unit` words the bar: rows (the ledger) or steps (a document).
 */
export function ExportButton({
  request,
  children,
  testId,
  disabled,
  unit = 'steps',
}: {
  request: ExportRequest;
  children: ReactNode;
  testId: string;
  disabled?: boolean;
  unit?: 'rows' | 'steps';
}) {
  const { start, progress, busy } = useExportJob(request);
  return (
    <Space orientation="vertical" size={4}>
      <Button icon={<DownloadOutlined />} disabled={disabled} loading={busy} onClick={() => void start()} data-testid={testId}>
        {children}
      </Button>
      {progress && (
        <JobProgressBar
          progress={progress}
          label="progress.export"
          count={unit === 'rows' ? 'progress.exportRows' : 'progress.exportSteps'}
          testId={`${testId}-progress`}
        />
      )}
    </Space>
  );
}
