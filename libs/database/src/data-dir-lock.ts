import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export class DataDirLockedError extends Error {}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * An exclusive lock on a data directory: two processes writing one PGlite directory silently lose
 * writes, so a second process is refused with a message that says who holds it. A lock left by a
 * process that no longer runs is taken over.
 */
export class DataDirLock {
  private released = false;

  private constructor(private readonly file: string) {}

  static acquire(dir: string, name = 'ducha.lock'): DataDirLock {
    mkdirSync(dir, { recursive: true });
    const file = join(dir, name);
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = openSync(file, 'wx');
        writeSync(fd, `${process.pid}\n`);
        closeSync(fd);
        return new DataDirLock(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const holder = Number.parseInt(readFileSync(file, 'utf8'), 10);
        if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
          throw new DataDirLockedError(
            `The data directory ${dir} is in use by another ducha process (pid ${holder}). ` +
              `Stop that process first, or start this one with another DATA_DIR.`,
          );
        }
        unlinkSync(file); // stale: its owner is gone
      }
    }
    throw new DataDirLockedError(`Could not lock ${dir}`);
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    try {
      unlinkSync(this.file);
    } catch {
      // already gone
    }
  }
}
