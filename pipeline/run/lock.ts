/**
 * One run at a time per dataset: `<out>/.podium.lock` is created exclusively and holds the
 * owner's pid. A lock left by a process that no longer exists (a crash, SIGKILL) is taken over.
 */
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

export class LockedError extends Error {
  override readonly name = 'LockedError';
}

export interface Lock {
  release(): Promise<void>;
}

export async function acquireLock(dir: string): Promise<Lock> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, '.podium.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      return { release: () => rm(path, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(await readFile(path, 'utf8').catch(() => ''), 10);
      if (Number.isInteger(owner) && owner > 0 && alive(owner)) {
        throw new LockedError(`${dir} is being written by another podium run (pid ${owner}, lock ${path}); try again when it ends`);
      }
      await rm(path, { force: true }); // stale: its owner is gone
    }
  }
  throw new LockedError(`could not take the lock ${path}`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
