/**
 * Child process for the crash test: rewrites one file atomically in a loop, alternating two large
 * contents, and prints a line after each write. The test kills it with SIGKILL mid-loop.
 * Usage: node --import tsx atomic-writer.ts <target> <bytes>
 */
import { writeFileAtomic } from '../../pipeline/store/atomic.ts';

const [target, size] = process.argv.slice(2);
if (target === undefined || size === undefined) throw new Error('usage: atomic-writer <target> <bytes>');
const contents = ['A', 'B'].map((letter) => Buffer.alloc(Number(size), letter));
for (let i = 0; ; i += 1) {
  await writeFileAtomic(target, contents[i % 2] as Buffer);
  process.stdout.write(`${i}\n`);
}
