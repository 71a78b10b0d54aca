/** `npm run demo -- --check`: mirror, pipeline, site and server come up offline, and the home page is right. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;

describe('npm run demo', () => {
  it('serves a home page listing what the pipeline stored, then exits with --check', async () => {
    const { stdout } = await promisify(execFile)('npx', ['tsx', 'scripts/demo.ts', '--check'], { cwd: ROOT, timeout: 60_000 });
    expect(stdout).toMatch(/demo: pipeline stored (\d+) transcripts/);
    expect(stdout).toMatch(/demo --check: ok, http:\/\/127\.0\.0\.1:\d+\/podium\/ lists \d+ transcripts/);
  }, 90_000);
});
