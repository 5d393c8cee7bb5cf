/** A long operation's progress as its `import.progressed` events report it. */
export interface JobProgress {
  done: number;
  total: number;
  finished: boolean;
  failed: boolean;
}

/** Percent for an antd Progress; a finished job is 100 even when it counted nothing. */
export function progressPercent(progress: JobProgress): number {
  if (progress.finished) return 100;
  return progress.total > 0 ? Math.min(99, Math.floor((progress.done / progress.total) * 100)) : 0;
}
