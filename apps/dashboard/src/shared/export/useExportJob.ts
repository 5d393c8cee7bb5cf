import { useApolloClient } from '@apollo/client/react';
import { App } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/useT';
import { useMutationWithToast } from '../hooks/useMutationWithToast';
import { downloadFile } from '../http/uploadWithProgress';
import type { JobProgress } from '../progress/progress';
import { useJobProgress } from '../progress/useJobProgress';
import { EXPORT_JOB, REQUEST_EXPORT, type ExportJobState, type ExportRequest } from './operations';

/**
 * One export at a time, as a job: `start` asks the server for the file (a refusal is a toast and
 * nothing starts), the progress follows the job's events (or its state, read from `exportJob`,
 * when they stop), and the finished file is downloaded at once; a failure is a toast.
 */
export function useExportJob(request: ExportRequest) {
  const t = useT();
  const { message } = App.useApp();
  const client = useApolloClient();
  const [job, setJob] = useState<ExportJobState | null>(null);
  const [requestExport, requesting] = useMutationWithToast(REQUEST_EXPORT);

  const read = async (id: string): Promise<ExportJobState | undefined> =>
    (await client.query({ query: EXPORT_JOB, variables: { id }, fetchPolicy: 'network-only' })).data?.exportJob;

  const finish = async (id: string, end: JobProgress): Promise<void> => {
    if (end.failed) return void message.error(t('export.failed'));
    // The response's Content-Disposition names the file; the fallback is never shown in practice.
    if (!(await downloadFile(`/exports/files/${id}`, 'export'))) void message.error(t('error.unknown'));
  };

  const progress = useJobProgress(job?.id ?? null, (end) => job && void finish(job.id, end), {
    active: job !== null,
    read: async () => {
      const now = job && (await read(job.id));
      if (!now) return null;
      const ended = now.status === 'DONE' || now.status === 'FAILED';
      return { done: now.done, total: now.total, finished: ended, failed: now.status === 'FAILED' };
    },
  });

  const start = async (): Promise<void> => {
    const data = await requestExport({ input: request });
    if (data) setJob(data.requestExport);
  };
  return { start, progress, busy: requesting.loading || (job !== null && !progress?.finished) };
}
