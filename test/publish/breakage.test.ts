import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { alertCommand } from '../../pipeline/commands/alert.ts';
import { BREAKAGE_LABEL, DROP_MIN_PAGES, detectBreakage, renderAlert, transcriptYield } from '../../pipeline/publish/breakage.ts';
import type { AgencyReport, PageFailure } from '../../pipeline/run/index.ts';
import { writeReportFile, type ReportFile } from '../../pipeline/run/report-file.ts';

function agency(overrides: Partial<AgencyReport> = {}): AgencyReport {
  return { agency: 'state', channels: [], candidates: 1450, requested: 40, skipped: 1410, notModified: 0, notTranscripts: 4, unchanged: 30, backlog: 0, ...overrides };
}

function report(overrides: Partial<ReportFile> = {}): ReportFile {
  return {
    kind: 'run', runId: '2', scope: { agencies: ['state'], origins: [], since: null, until: null, limit: null },
    agencies: [agency()], added: ['state/2022-01-18/a', 'state/2022-01-19/b'], revised: [], reprocessed: [], withdrawn: [], restored: [],
    failures: [], changed: true, datasetVersion: '2026.11.28.2', exitCode: 0, backlog: 0,
    ...overrides,
  };
}

const broken = (slug: string, message = 'no article body found (tried .entry-content, article)'): PageFailure => ({
  agency: 'state', url: `https://www.state.gov/briefings/${slug}/`, stage: 'extract', message: `https://www.state.gov/briefings/${slug}/: ${message}`, templateChange: true,
});

describe('detectBreakage', () => {
  it('finds nothing in a healthy run, with or without a previous one', () => {
    expect(detectBreakage(report(), null)).toEqual([]);
    expect(detectBreakage(report(), report({ runId: '1' }))).toEqual([]);
  });

  it('flags template-change failures, once: pages already failing so last run are not news', () => {
    const first = report({ failures: [broken('a'), broken('b')], exitCode: 2 });
    expect(detectBreakage(first, null)).toEqual([{ agency: 'state', kind: 'template-errors', failures: first.failures, fresh: first.failures }]);
    const again = report({ runId: '3', failures: [broken('a'), broken('b')], exitCode: 2 });
    expect(detectBreakage(again, first)).toEqual([]);
    const spreading = report({ runId: '4', failures: [broken('a'), broken('b'), broken('c')], exitCode: 2 });
    expect(detectBreakage(spreading, again)).toEqual([{ agency: 'state', kind: 'template-errors', failures: spreading.failures, fresh: [broken('c')] }]);
  });

  it('ignores failures that do not point at the template (network, HTTP)', () => {
    const r = report({ failures: [{ ...broken('a', 'HTTP 503'), stage: 'fetch', templateChange: false }], exitCode: 2 });
    expect(detectBreakage(r, null)).toEqual([]);
  });

  it('counts the transcript yield from every way a page can be read', () => {
    const r = report({
      added: ['state/2022-01-18/a', 'other/2022-01-18/z'],
      revised: [{ id: 'state/2021-06-02/r', revision: 2, change: 'minor' }, { id: 'state/2021-06-03/back', revision: 3, change: 'substantive' }],
      restored: ['state/2021-06-03/back'],
      failures: [broken('x'), { ...broken('y', 'HTTP 500'), stage: 'fetch', templateChange: false }],
      agencies: [agency({ unchanged: 10, notTranscripts: 5 })],
    });
    // 3 distinct stored ids of state + 10 unchanged; read adds 5 not-transcripts and 1 extract failure.
    expect(transcriptYield(r, 'state')).toEqual({ transcripts: 13, read: 19 });
    expect(transcriptYield(r, 'other')).toBeNull();
  });

  it('flags a sharp drop in the share of pages that became transcripts, against the previous run of the same scope', () => {
    const before = report({ runId: '1', added: [], agencies: [agency({ unchanged: 36, notTranscripts: 4 })] }); // 36 of 40
    const after = report({ added: [], agencies: [agency({ unchanged: 6, notTranscripts: 34 })] }); // 6 of 40
    expect(detectBreakage(after, before)).toEqual([
      { agency: 'state', kind: 'yield-drop', now: { transcripts: 6, read: 40 }, before: { transcripts: 36, read: 40 } },
    ]);
    // Half the share exactly is not "below half".
    expect(detectBreakage(report({ added: [], agencies: [agency({ unchanged: 18, notTranscripts: 22 })] }), before)).toEqual([]);
    // Another scope (a dispatch with --limit) is not comparable.
    expect(detectBreakage({ ...after, scope: { ...after.scope!, limit: 50 } }, before)).toEqual([]);
    // A merge is never compared with a run.
    expect(detectBreakage({ ...after, kind: 'merge', scope: null }, before)).toEqual([]);
  });

  it('does not read a drop into a handful of pages', () => {
    const small = DROP_MIN_PAGES - 1;
    const before = report({ runId: '1', added: [], agencies: [agency({ unchanged: small, notTranscripts: 0 })] });
    const after = report({ added: [], agencies: [agency({ unchanged: 0, notTranscripts: small })] });
    expect(detectBreakage(after, before)).toEqual([]);
  });

  it('flags discovery listing far fewer pages than last time', () => {
    const before = report({ runId: '1', agencies: [agency({ candidates: 1450 })] });
    const after = report({ agencies: [agency({ candidates: 600, unchanged: 30 })] });
    expect(detectBreakage(after, before)).toEqual([{ agency: 'state', kind: 'listing-drop', now: 600, before: 1450 }]);
    expect(detectBreakage(report({ agencies: [agency({ candidates: 800 })] }), before)).toEqual([]);
  });
});

describe('renderAlert', () => {
  it('words the issue: agencies in the title, each signal, and the failing pages in a code block', () => {
    const r = report({ failures: [broken('a'), broken('b', 'the page is a "Department Press Briefing" but no speaker label was recognized in 80 paragraphs')], exitCode: 2 });
    const alert = renderAlert(detectBreakage(r, null), r, { runUrl: 'https://github.com/o/r/actions/runs/2' });
    expect(alert.title).toBe('Extraction alert: the state site template may have changed');
    expect(alert.body).toContain("Podium's run [2](https://github.com/o/r/actions/runs/2) (dataset 2026.11.28.2)");
    expect(alert.body).toContain('- **state**: 2 pages failed the way a template change makes pages fail — no article body, no title, or a briefing with no recognized speaker.');
    expect(alert.body).toContain([
      '```text',
      'https://www.state.gov/briefings/a/ [extract] https://www.state.gov/briefings/a/: no article body found (tried .entry-content, article)',
      'https://www.state.gov/briefings/b/ [extract] https://www.state.gov/briefings/b/: the page is a "Department Press Briefing" but no speaker label was recognized in 80 paragraphs',
      '```',
    ].join('\n'));
    expect(alert.body).toContain('pipeline/agencies/<agency>.ts');
  });

  it('keeps hostile page text inside its code block', () => {
    const r = report({ failures: [broken('x', 'the page is a "```\n@octocat <img src=x onerror=alert(1)> ````"')], exitCode: 2 });
    const { body } = renderAlert(detectBreakage(r, null), r);
    const fence = body.match(/^(`{3,})text$/m)![1]!;
    expect(fence.length).toBeGreaterThan(4);
    const inside = body.slice(body.indexOf(`${fence}text\n`) + fence.length + 5, body.lastIndexOf(`\n${fence}`));
    expect(inside).toContain('@octocat <img src=x onerror=alert(1)>');
    expect(inside.split('\n')).toHaveLength(1);
    // Outside the block, nothing of the page appears.
    expect(body.replace(inside, '')).not.toContain('octocat');
  });

  it('describes yield and listing drops in numbers', () => {
    const before = report({ runId: '1', added: [], agencies: [agency({ unchanged: 36, notTranscripts: 4, candidates: 1450 })] });
    const after = report({ added: [], agencies: [agency({ unchanged: 6, notTranscripts: 34, candidates: 500 })] });
    const { body } = renderAlert(detectBreakage(after, before), after);
    expect(body).toContain('- **state**: 15% of the pages read became transcripts (6 of 40), against 90% (36 of 40) in the previous run.');
    expect(body).toContain('- **state**: discovery listed 500 candidate pages, against 1450 in the previous run with the same options.');
  });
});

describe('podium alert', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    vi.unstubAllEnvs();
    await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
  });
  async function files() {
    const dir = await mkdtemp(join(tmpdir(), 'podium-alert-'));
    dirs.push(dir);
    return { dir, report: join(dir, 'report.json'), previous: join(dir, 'previous.json'), title: join(dir, 'alert', 'title.txt'), body: join(dir, 'alert', 'body.md'), output: join(dir, 'output.txt') };
  }

  it('writes the title and body files and alert=true, and prints them', async () => {
    const f = await files();
    await writeReportFile(f.report, report({ failures: [broken('a')], exitCode: 2 }));
    vi.stubEnv('GITHUB_OUTPUT', f.output);
    vi.stubEnv('GITHUB_SERVER_URL', 'https://github.com');
    vi.stubEnv('GITHUB_REPOSITORY', 'podium-data/podium');
    vi.stubEnv('GITHUB_RUN_ID', '777');
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const code = await alertCommand.run(['--report', f.report, '--previous', f.previous, '--title-file', f.title, '--body-file', f.body]);
    const printed = log.mock.calls.map((c) => String(c[0]));
    log.mockRestore();
    expect(code).toBe(0);
    expect(await readFile(f.title, 'utf8')).toBe('Extraction alert: the state site template may have changed\n');
    expect(await readFile(f.body, 'utf8')).toContain('[2](https://github.com/podium-data/podium/actions/runs/777)');
    expect(await readFile(f.output, 'utf8')).toBe('alert=true\n');
    expect(printed).toHaveLength(1);
    expect(printed[0]).toMatch(/^Extraction alert: the state site template may have changed\n\nPodium's run/);
  });

  it('prints nothing, removes stale files and writes alert=false when nothing looks broken', async () => {
    const f = await files();
    await writeReportFile(f.report, report());
    await writeReportFile(f.previous, report({ runId: '1' }));
    await mkdir(join(f.dir, 'alert'));
    await writeFile(f.title, 'stale');
    await writeFile(f.body, 'stale');
    vi.stubEnv('GITHUB_OUTPUT', f.output);
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const code = await alertCommand.run(['--report', f.report, '--previous', f.previous, '--title-file', f.title, '--body-file', f.body]);
    const printed = log.mock.calls.length;
    log.mockRestore();
    expect(code).toBe(0);
    expect(printed).toBe(0);
    expect(existsSync(f.title) || existsSync(f.body)).toBe(false);
    expect(await readFile(f.output, 'utf8')).toBe('alert=false\n');
  });

  it('fails on a report that is not one, naming the file', async () => {
    const f = await files();
    await writeFile(f.report, JSON.stringify({ kind: 'run', runId: 1 }));
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const code = await alertCommand.run(['--report', f.report]);
    const printed = error.mock.calls.map((c) => String(c[0]));
    error.mockRestore();
    expect(code).toBe(1);
    expect(printed[0]).toBe(`podium alert: ${f.report}: not a podium run report: "runId" must be a string`);
  });

  it('names the label the workflow keeps its one issue under', () => {
    expect(alertCommand.usage).toContain(`"${BREAKAGE_LABEL}"`);
  });
});
