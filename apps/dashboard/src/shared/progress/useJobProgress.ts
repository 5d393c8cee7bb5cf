import type { DomainEvent } from '@ducha/contracts';
import { useEffect, useRef, useState } from 'react';
import { useLiveEvents } from '../../app/realtime/useLiveEvents';
import type { JobProgress } from './progress';

/** How long the page waits for an event before it asks the server itself. */
export const QUIET_MS = 4000;

/**
 * Asks the server for a job's state when its events stop coming (socket down, relay late):
 * `read` returns the job's progress, or null when the caller only refreshed its own data.
 */
export interface ProgressFallback {
  /** True while the server says the job is queued or running. */
  active: boolean;
  read: () => Promise<JobProgress | null>;
}

/**
 * The progress of one long operation (an import, a screening), fed by the `import.progressed`
 * events its job emits on the live socket. Events are the fast path; when none has come for
 * `QUIET_MS` while the job is active, `fallback.read` asks the server, so the page always ends.
 * `onFinished` runs once per job, whichever path saw the end first. `jobId` null: nothing is followed.
 */
export function useJobProgress(
  jobId: string | null,
  onFinished?: (progress: JobProgress) => void,
  fallback?: ProgressFallback,
): JobProgress | null {
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const finished = useRef(onFinished);
  const read = useRef(fallback?.read);
  const lastHeard = useRef(0);
  const endedFor = useRef<string | null>(null);
  useEffect(() => {
    finished.current = onFinished;
    read.current = fallback?.read;
  });
  useEffect(() => {
    setProgress(null);
    lastHeard.current = Date.now();
  }, [jobId]);

  const apply = (next: JobProgress): void => {
    setProgress(next);
    if (next.finished && jobId && endedFor.current !== jobId) {
      endedFor.current = jobId;
      finished.current?.(next);
    }
  };

  useLiveEvents((event: DomainEvent) => {
    if (event.type !== 'import.progressed' || !jobId) return;
    const payload = (event as DomainEvent<'import.progressed'>).payload;
    if (payload.importId !== jobId) return;
    lastHeard.current = Date.now();
    apply({ done: payload.done, total: payload.total, finished: payload.finished, failed: payload.failed ?? false });
  });

  const active = Boolean(jobId && fallback?.active);
  useEffect(() => {
    if (!active) return;
    let stopped = false;
    const timer = setInterval(() => {
      if (endedFor.current === jobId || Date.now() - lastHeard.current < QUIET_MS) return;
      lastHeard.current = Date.now();
      void read
        .current?.()
        .then((next) => {
          if (!stopped && next) apply(next);
        })
        .catch(() => undefined);
    }, QUIET_MS / 4);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
    // `apply` reads refs and the job id, and a new job id restarts this effect.
  }, [active, jobId]);
  return progress;
}
