/**
 * The offices keep dates in Asia/Shanghai (UTC+8, no daylight saving). A deadline, a "today" or a
 * period boundary is the calendar date there, never the server's UTC date: between 00:00 and 08:00
 * Shanghai time the two differ by a day.
 */
export function shanghaiDate(at: Date = new Date()): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** The year of an instant in Asia/Shanghai. */
export function shanghaiYear(at: Date = new Date()): number {
  return Number(shanghaiDate(at).slice(0, 4));
}
