import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireOwnerLock, DataDirInUseError, describeProcess } from './owner-lock';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-lock-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('the data folder owner lock', () => {
  it('refuses a folder that a live process holds, naming it', async () => {
    const dir = tempDir();
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      fs.writeFileSync(path.join(dir, 'tandem.lock'), String(holder.pid));
      expect(() => acquireOwnerLock(dir)).toThrow(DataDirInUseError);
      expect(() => acquireOwnerLock(dir)).toThrow(`pid ${holder.pid}`);
    } finally {
      holder.kill();
    }
  });

  it('takes over a lock left by a process that died', async () => {
    const dir = tempDir();
    const dead = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => dead.on('exit', resolve));
    fs.writeFileSync(path.join(dir, 'tandem.lock'), String(dead.pid));
    const release = acquireOwnerLock(dir);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'tandem.lock'), 'utf8'))).toMatchObject({ pid: process.pid });
    release();
    expect(fs.existsSync(path.join(dir, 'tandem.lock'))).toBe(false);
  });

  it('refuses a folder whose recorded owner still runs, by command line and start time', () => {
    const dir = tempDir();
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      fs.writeFileSync(path.join(dir, 'tandem.lock'), JSON.stringify(describeProcess(holder.pid!)));
      expect(() => acquireOwnerLock(dir)).toThrow(DataDirInUseError);
    } finally {
      holder.kill();
    }
  });

  it('takes over a lock whose pid now belongs to another live process', async () => {
    const dir = tempDir();
    const other = spawn('sleep', ['30']);
    try {
      // The recorded owner had this pid but another command line: the pid was reused after it died.
      const recorded = { ...describeProcess(other.pid!), command: `${process.execPath} scripts/serve.ts` };
      fs.writeFileSync(path.join(dir, 'tandem.lock'), JSON.stringify(recorded));
      const release = acquireOwnerLock(dir);
      expect(JSON.parse(fs.readFileSync(path.join(dir, 'tandem.lock'), 'utf8'))).toMatchObject({ pid: process.pid });
      release();
    } finally {
      other.kill();
    }
  });

  it('takes over a lock whose pid was reused by a process started later with the same command', () => {
    const dir = tempDir();
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      fs.writeFileSync(path.join(dir, 'tandem.lock'), JSON.stringify({ ...describeProcess(holder.pid!), startedAt: '1' }));
      acquireOwnerLock(dir)();
    } finally {
      holder.kill();
    }
  });

  it('takes over a lock left by an older Tandem (a bare pid) when that pid is not a Node.js process', () => {
    const dir = tempDir();
    const other = spawn('sleep', ['30']);
    try {
      fs.writeFileSync(path.join(dir, 'tandem.lock'), String(other.pid));
      acquireOwnerLock(dir)();
    } finally {
      other.kill();
    }
  });

  it('is released for the next owner', () => {
    const dir = tempDir();
    acquireOwnerLock(dir)();
    const again = acquireOwnerLock(dir);
    again();
  });
});
