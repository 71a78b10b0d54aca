/**
 * What the bytes of a bulk file depend on besides its records: the pipeline's code and schemas, the
 * Node, zlib and SQLite that write them. A shard reused from a previous build (years.ts) must have
 * been written by the same of all of these, so any change to any of them rebuilds every shard —
 * coarse on purpose: a missed dependency would publish a stale file, a spurious one costs a minute.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import Database from 'better-sqlite3';

const ROOT = new URL('../../../', import.meta.url).pathname;

let memo: string | null = null;

export function codeFingerprint(): string {
  if (memo) return memo;
  const hash = createHash('sha256');
  const db = new Database(':memory:');
  const sqlite = (db.prepare('select sqlite_version() as v').get() as { v: string }).v;
  db.close();
  hash.update(`node ${process.versions.node} zlib ${process.versions.zlib} sqlite ${sqlite}\n`);
  for (const dir of ['pipeline', 'schemas']) {
    const files = readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => relative(ROOT, join(e.parentPath, e.name)))
      .sort();
    for (const file of files) hash.update(`${file}\0`).update(readFileSync(join(ROOT, file))).update('\0');
  }
  return (memo = `sha256:${hash.digest('hex')}`);
}
