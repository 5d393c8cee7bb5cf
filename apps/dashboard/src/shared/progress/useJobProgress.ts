import type { DomainEvent } from '@ducha/contracts';
import { useEffect, useRef, useState } from 'react';
import { useLiveEvents } from '../../app/realtime/useLiveEvents';
import type { JobProgress } from './progress';

/**
 * The progress of one long operation (an import, a screening), fed by the `import.progressed`
 * events its job emits on the live socket: no polling. `onFinished` runs once when the job ends.
 * `jobId` null: nothing is followed (yet).
 */
export function useJobProgress(jobId: string | null, onFinished?: (progress: JobProgress) => void): JobProgress | null {
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const finished = useRef(onFinished);
  useEffect(() => {
    finished.current = onFinished;
  });
  useEffect(() => setProgress(null), [jobId]);
  useLiveEvents((event: DomainEvent) => {
    if (event.type !== 'import.progressed' || !jobId) return;
    const payload = (event as DomainEvent<'import.progressed'>).payload;
    if (payload.importId !== jobId) return;
    const next = { done: payload.done, total: payload.total, finished: payload.finished, failed: payload.failed ?? false };
    setProgress(next);
    if (next.finished) finished.current?.(next);
  });
  return progress;
}
