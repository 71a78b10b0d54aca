/**
 * The run report as a file, the hand-over from `podium run` to `podium publish` and `podium alert`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCommand } from '../../pipeline/commands/run.ts';
import { readReportFile, ReportFileError, writeReportFile, type ReportFile } from '../../pipeline/run/report-file.ts';
import { useTempDirs } from '../support/tmp.ts';

const tempDir = useTempDirs();

const REPORT: ReportFile = {
  kind: 'run', runId: '2026-11-28T10:00:00.000Z',
  scope: { agencies: ['state'], origins: [], since: '2021-01-01', until: '2021-12-31', limit: null },
  agencies: [{ agency: 'state', channels: [{ channel: 'www sitemap /s.xml', ok: true, urls: 3 }], candidates: 3, requested: 3, skipped: 0, notModified: 0, notTranscripts: 0, unchanged: 0, backlog: 0 }],
  added: ['state/2021-06-02/department-press-briefing-june-2-2021'], revised: [{ id: 'state/2021-06-03/x', revision: 2, change: 'minor' }],
  reprocessed: [], withdrawn: [], restored: [],
  failures: [{ agency: 'state', url: 'https://www.state.gov/x/', stage: 'fetch', message: 'HTTP 503', templateChange: false }],
  changed: true, datasetVersion: '2026.11.28.1', exitCode: 2, backlog: 0,
};

describe('report files', () => {
  it('round-trip, written outside the dataset into folders that do not exist yet', async () => {
    const file = join(await tempDir(), 'podium', 'run-report.json');
    await writeReportFile(file, REPORT);
    expect(await readReportFile(file)).toEqual(REPORT);
    expect((await readFile(file, 'utf8')).endsWith('}\n')).toBe(true);
  });

  it.each([
    ['not JSON', '{"kind": "run",', /cannot read the run report: /],
    ['not a report', '[]', /not a podium run report: not a JSON object/],
    ['from another tool', JSON.stringify({ ...REPORT, kind: 'scan' }), /"kind" must be "run" or "merge"/],
    ['with a bad exit code', JSON.stringify({ ...REPORT, exitCode: 1 }), /"exitCode" must be 0 or 2/],
    ['with ids that are not strings', JSON.stringify({ ...REPORT, added: [1] }), /"added" must be a list of ids/],
    ['with failures missing their agency', JSON.stringify({ ...REPORT, failures: [{ url: 'u', message: 'm' }] }), /"failures" must be a list/],
  ])('refuse a file %s, naming it', async (_, text, why) => {
    const file = join(await tempDir(), 'report.json');
    await writeFile(file, text);
    const error = await readReportFile(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportFileError);
    expect((error as Error).message.startsWith(`${file}: `)).toBe(true);
    expect((error as Error).message).toMatch(why);
  });
});

describe('podium run --report and --until', () => {
  async function usageError(args: string[]): Promise<{ code: number; message: string }> {
    const errors: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((line: unknown) => void errors.push(String(line)));
    try {
      return { code: await runCommand.run(args), message: errors.join('\n') };
    } finally {
      spy.mockRestore();
    }
  }

  it('refuses a report inside the dataset, where it would be committed with the data', async () => {
    const out = join(await tempDir(), 'output');
    const { code, message } = await usageError(['--out', out, '--report', join(out, 'report.json')]);
    expect(code).toBe(64);
    expect(message).toContain('--report must be outside the dataset directory');
  });

  it('wants --until as a date', async () => {
    const { code, message } = await usageError(['--until', '2021']);
    expect(code).toBe(64);
    expect(message).toBe('podium run: --until wants YYYY-MM-DD, got "2021"');
  });

  it('documents both options', () => {
    expect(runCommand.usage).toMatch(/--until <date> +skip pages whose sitemap\/feed date is after YYYY-MM-DD/);
    expect(runCommand.usage).toMatch(/--report <file> +also write the run report as JSON/);
  });
});
