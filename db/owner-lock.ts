import fs from 'node:fs';
import path from 'node:path';

// Two processes opening one PGlite folder both "succeed" and silently lose writes
// (electric-sql/pglite issues 323 and 1106), so each data folder has one owner process.
//
// The lock file names its owner by pid, command line and start time. A pid alone is not enough:
// after a crash or a reboot the pid may belong to another live process, and a lock that trusted
// it would block every restart. A holder counts only while a process with that pid still runs
// the same command line and started at the same moment.

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

/** Who holds a lock: enough to tell the owner from a later process that was given its pid. */
export type LockHolder = { pid: number; command: string | null; startedAt: string | null };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readProcFile(pid: number, name: string): string | null {
  try {
    return fs.readFileSync(`/proc/${pid}/${name}`, 'utf8');
  } catch {
    return null;
  }
}

/** A process's command line and start time (in clock ticks since boot, field 22 of /proc/pid/stat; see proc(5)). */
export function describeProcess(pid: number): LockHolder {
  const cmdline = readProcFile(pid, 'cmdline');
  const stat = readProcFile(pid, 'stat');
  // The command name in field 2 may hold spaces and parentheses: count fields after the last ')'.
  const afterName = stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
  return {
    pid,
    command: cmdline === null ? null : cmdline.replaceAll('\0', ' ').trim(),
    startedAt: afterName?.[19] ?? null,
  };
}

function parseHolder(text: string): LockHolder | null {
  if (/^\d+$/.test(text.trim())) return { pid: Number(text.trim()), command: null, startedAt: null };
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (!Number.isInteger(value.pid)) return null;
    return { pid: value.pid as number, command: value.command ?? null, startedAt: value.startedAt ?? null };
  } catch {
    return null;
  }
}

/**
 * Whether the recorded holder still runs. Where /proc exists (Linux), the live process must have
 * the recorded command line and start time; a lock written by an older Tandem (a bare pid) counts
 * only if that pid is a Node.js process. Elsewhere only the pid can be checked.
 */
export function isHolderRunning(holder: LockHolder): boolean {
  if (!isAlive(holder.pid)) return false;
  const now = describeProcess(holder.pid);
  if (now.command === null) return !fs.existsSync('/proc/self/cmdline');
  if (holder.command === null) return /(^|\/)node(\s|$)/.test(now.command.split(' ')[0] ?? '');
  return now.command === holder.command && now.startedAt === holder.startedAt;
}

/** Takes the folder's lock for this process; returns a function that releases it. */
export function acquireOwnerLock(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const lockFile = path.join(dir, 'tandem.lock');
  const mine = JSON.stringify(describeProcess(process.pid));
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, mine, { flag: 'wx' });
      const release = () => {
        try {
          if (fs.readFileSync(lockFile, 'utf8') === mine) fs.unlinkSync(lockFile);
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = parseHolder(fs.readFileSync(lockFile, 'utf8'));
      if (holder?.pid === process.pid && fs.readFileSync(lockFile, 'utf8') === mine) throw new Error(`This process already owns ${dir}`);
      if (holder && holder.pid !== process.pid && isHolderRunning(holder)) throw new DataDirInUseError(dir, holder.pid, lockFile);
      // The previous owner died without cleaning up (its pid may since have gone to another process): the lock is stale.
      fs.rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`Could not take the lock on ${dir}`);
}
