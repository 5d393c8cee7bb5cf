// Initialises an empty PGlite data directory (initdb, several seconds of one core). `npm start`
// runs it for the database and the job store in parallel with the build on a fresh clone, so the
// first start does not pay for it afterwards. It builds in a scratch directory and renames it into
// place, so an interrupted run never leaves a half-initialised directory; it never touches a
// directory that already holds a database.
import { PGlite } from '@electric-sql/pglite';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';

const dir = process.argv[2];
if (!dir) throw new Error('usage: prepare-data-dir.mjs <dir>');
if (!existsSync(join(dir, 'PG_VERSION')) && !(existsSync(dir) && readdirSync(dir).length > 0)) {
  const scratch = `${dir}.init-${process.pid}`;
  mkdirSync(dirname(dir), { recursive: true });
  rmSync(scratch, { recursive: true, force: true });
  try {
    const db = await PGlite.create(scratch);
    await db.close();
    rmSync(dir, { recursive: true, force: true }); // an empty directory at most
    renameSync(scratch, dir);
  } catch (error) {
    rmSync(scratch, { recursive: true, force: true });
    // The api initialises the directory itself at start; this was only a head start.
    process.stderr.write(`Could not prepare ${dir} ahead of start (${error.message}); the api will do it.\n`);
  }
}
