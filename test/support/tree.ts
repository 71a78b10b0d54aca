/** Snapshots of a directory tree, to prove a run wrote nothing (or exactly what it should). */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';

export interface FileSnapshot {
  bytes: string;
  mtimeMs: number;
}

/** Every file under `dir` (lock and temp files included), by relative path. */
export async function snapshotTree(dir: string): Promise<Map<string, FileSnapshot>> {
  const out = new Map<string, FileSnapshot>();
  const walk = async (d: string) => {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) await walk(path);
      else out.set(relative(dir, path), { bytes: (await readFile(path)).toString('base64'), mtimeMs: (await stat(path)).mtimeMs });
    }
  };
  await walk(dir);
  return out;
}
