/**
 * Crash-safe file writes. A run killed mid-write (CI timeout, power loss) must leave every dataset
 * file either as it was or as intended, never truncated: the next run and the published history
 * both trust what is on disk.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes `data` to `path` atomically: a uniquely named temp file in the same directory (so the
 * rename stays on one file system), fsync, rename over the target, fsync the directory so the
 * rename itself is durable. Creates missing parent directories.
 *
 * A crash can leave a stray `.<name>.<random>.tmp` beside the target; never a half-written target.
 *
 * @example
 * await writeFileAtomic('output/index.json', stableJson(index));
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw error;
  }
  await syncDirectory(dir);
}

/**
 * Writes only when the bytes differ from what is on disk, so an unchanged run touches no file
 * (no mtime churn, nothing for git or rsync to look at).
 *
 * @returns true when the file was written, false when it already held exactly `data`.
 */
export async function writeIfChanged(path: string, data: string | Uint8Array): Promise<boolean> {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const current = await readFile(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (current !== null && current.equals(bytes)) return false;
  await writeFileAtomic(path, bytes);
  return true;
}

async function syncDirectory(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (error) {
    // Windows cannot open or fsync a directory; the rename is as durable as that platform allows.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EACCES') throw error;
  } finally {
    await handle?.close();
  }
}
