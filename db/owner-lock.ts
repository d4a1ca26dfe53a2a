import fs from 'node:fs';
import path from 'node:path';

// Two processes opening one PGlite folder both "succeed" and silently lose writes
// (electric-sql/pglite issues 323 and 1106), so each data folder has one owner process.

export class DataDirInUseError extends Error {
  constructor(dir: string, pid: number, lockFile: string) {
    super(
      `Another Tandem process (pid ${pid}) is already using the embedded database in ${dir}.\n` +
        `Stop it first, or set TANDEM_DATA_DIR to another folder. ` +
        `If no Tandem is running, delete ${lockFile} and try again.`,
    );
    this.name = 'DataDirInUseError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the folder's lock for this process; returns a function that releases it. */
export function acquireOwnerLock(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const lockFile = path.join(dir, 'tandem.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      const release = () => {
        try {
          if (fs.readFileSync(lockFile, 'utf8') === String(process.pid)) fs.unlinkSync(lockFile);
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(fs.readFileSync(lockFile, 'utf8'), 10);
      if (holder === process.pid) throw new Error(`This process already owns ${dir}`);
      if (Number.isInteger(holder) && isAlive(holder)) throw new DataDirInUseError(dir, holder, lockFile);
      // The previous owner died without cleaning up: the lock is stale.
      fs.rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`Could not take the lock on ${dir}`);
}
