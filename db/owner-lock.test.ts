import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireOwnerLock, DataDirInUseError } from './owner-lock';

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
    expect(fs.readFileSync(path.join(dir, 'tandem.lock'), 'utf8')).toBe(String(process.pid));
    release();
    expect(fs.existsSync(path.join(dir, 'tandem.lock'))).toBe(false);
  });

  it('is released for the next owner', () => {
    const dir = tempDir();
    acquireOwnerLock(dir)();
    const again = acquireOwnerLock(dir);
    again();
  });
});
