/** Runs a command in-process and collects what it prints, on stdout and stderr, line by line. */
import { vi } from 'vitest';

export interface Captured {
  code: number;
  stdout: string;
  /** stderr lines, without their newlines. */
  stderr: string[];
}

export async function capture(run: () => Promise<number>): Promise<Captured> {
  const out: string[] = [];
  const err: string[] = [];
  const spies = [
    vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(`${a.join(' ')}\n`)),
    vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(...a.join(' ').split('\n'))),
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (out.push(String(chunk)), true)),
  ];
  try {
    return { code: await run(), stdout: out.join(''), stderr: err };
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}
