import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic, writeIfChanged } from '../../pipeline/store/atomic.ts';
import { useTempDirs } from '../support/tmp.ts';

const tempDir = useTempDirs();

describe('writeFileAtomic', () => {
  it('creates missing parents, writes the bytes and leaves no temp file', async () => {
    const dir = await tempDir();
    const target = join(dir, 'a', 'b', 'c.json');
    await writeFileAtomic(target, '{"x":1}\n');
    expect(await readFile(target, 'utf8')).toBe('{"x":1}\n');
    await writeFileAtomic(target, Buffer.from('second'));
    expect(await readFile(target, 'utf8')).toBe('second');
    expect(await readdir(join(dir, 'a', 'b'))).toEqual(['c.json']);
  });

  it('leaves the target and the directory clean when the rename fails', async () => {
    const dir = await tempDir();
    const target = join(dir, 'taken');
    await mkdir(join(target, 'inside'), { recursive: true });
    await expect(writeFileAtomic(target, 'data')).rejects.toThrow();
    expect((await stat(target)).isDirectory()).toBe(true);
    expect(await readdir(dir)).toEqual(['taken']);
  });

  it('survives concurrent writers to one file: the result is one whole write', async () => {
    const dir = await tempDir();
    const target = join(dir, 'f.txt');
    const bodies = Array.from({ length: 20 }, (_, i) => String(i).repeat(50_000));
    await Promise.all(bodies.map((body) => writeFileAtomic(target, body)));
    expect(bodies).toContain(await readFile(target, 'utf8'));
    expect(await readdir(dir)).toEqual(['f.txt']);
  });

  it('a process killed mid-write leaves the old or the new file, never a partial one', async () => {
    const dir = await tempDir();
    const target = join(dir, 'big.bin');
    const size = 8 * 1024 * 1024;
    const script = fileURLToPath(new URL('../support/atomic-writer.ts', import.meta.url));
    // Kill at several moments after the first complete write; a plain writeFile is caught
    // truncated at most of them (checked by hand when this test was written).
    for (const delayMs of [2, 5, 9, 14, 20, 27]) {
      const child = spawn(process.execPath, ['--import', 'tsx', script, target, String(size)], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      await new Promise<void>((resolve, reject) => {
        let armed = false;
        child.on('error', reject);
        child.on('exit', (code, signal) =>
          signal === 'SIGKILL' ? resolve() : reject(new Error(`writer exited with ${code}`)),
        );
        child.stdout.on('data', () => {
          if (armed) return;
          armed = true;
          setTimeout(() => child.kill('SIGKILL'), delayMs);
        });
      });
      const bytes = await readFile(target);
      expect(bytes.length).toBe(size);
      const first = bytes[0];
      expect(first === 0x41 || first === 0x42).toBe(true);
      expect(bytes.every((byte) => byte === first)).toBe(true);
    }
  }, 60_000);
});

describe('writeIfChanged', () => {
  it('writes a new file and reports it', async () => {
    const target = join(await tempDir(), 'new', 'x.json');
    expect(await writeIfChanged(target, 'v1\n')).toBe(true);
    expect(await readFile(target, 'utf8')).toBe('v1\n');
  });

  it('does not touch a file whose bytes are identical', async () => {
    const target = join(await tempDir(), 'x.json');
    await writeFile(target, 'same\n');
    const past = new Date('2020-01-01T00:00:00Z');
    await utimes(target, past, past);
    const before = await stat(target);
    expect(await writeIfChanged(target, 'same\n')).toBe(false);
    expect(await writeIfChanged(target, Buffer.from('same\n'))).toBe(false);
    const after = await stat(target);
    expect(after.mtimeMs).toBe(before.mtimeMs);
    expect(after.ino).toBe(before.ino);
  });

  it('rewrites when a single byte differs', async () => {
    const target = join(await tempDir(), 'x.json');
    await writeFile(target, 'same\n');
    expect(await writeIfChanged(target, 'Same\n')).toBe(true);
    expect(await readFile(target, 'utf8')).toBe('Same\n');
  });
});
