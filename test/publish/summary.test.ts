import { describe, expect, it } from 'vitest';
import type { PublishedChanges } from '../../pipeline/publish/changes.ts';
import { stepSummary } from '../../pipeline/publish/summary.ts';
import type { ReportFile } from '../../pipeline/run/report-file.ts';

function report(overrides: Partial<ReportFile> = {}): ReportFile {
  return {
    kind: 'run', runId: '12345678',
    scope: { agencies: ['state'], origins: [], since: null, until: null, limit: null },
    agencies: [{
      agency: 'state',
      channels: [
        { channel: 'www sitemap-index /sitemap_index.xml', ok: true, urls: 1450 },
        { channel: 'www feed /rss-feed/press-releases/feed/', ok: false, urls: 0, error: 'HTTP 503' },
      ],
      candidates: 1450, requested: 14, skipped: 1436, notModified: 3, notTranscripts: 1, unchanged: 6, backlog: 0,
      stored: 4, requests: 21, requestsPerTranscript: 5.25,
    }],
    added: ['state/2022-01-18/a', 'state/2022-01-19/b', 'state/2022-01-20/c'],
    revised: [{ id: 'state/2021-06-02/d', revision: 2, change: 'minor' }],
    reprocessed: [], withdrawn: [], restored: [], failures: [],
    changed: true, datasetVersion: '2026.11.28.2', exitCode: 0, backlog: 0,
    ...overrides,
  };
}

function changesOf(r: ReportFile): PublishedChanges {
  return {
    runId: r.runId, datasetVersion: r.datasetVersion, added: r.added,
    revised: r.revised.map((x) => ({ id: x.id, revision: x.revision, change: x.change as 'minor' })),
    withdrawn: r.withdrawn, restored: r.restored, reprocessed: r.reprocessed,
    failures: r.failures.map((f) => ({ url: f.url, stage: f.stage, message: f.message })),
  };
}

describe('stepSummary', () => {
  it('tables what each agency discovered and fetched, what changed, and the commit', () => {
    const r = report();
    const md = stepSummary({
      report: r, changes: changesOf(r), remote: 'origin', branch: 'main',
      result: { committed: true, files: 9, commit: '0123456789abcdef0123456789abcdef01234567', pushed: true, attempts: 2 },
    });
    expect(md).toBe(`## Podium run 12345678 — dataset 2026.11.28.2

| Agency | Candidates | Requested | Stored | Skipped (lastmod) | Not modified | Unchanged | Not transcripts | Failed | Backlog | Requests per transcript |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
| state | 1450 | 14 | 4 | 1436 | 3 | 6 | 1 | 0 | 0 | 5.25 |

Discovery channels that failed:

- state: www feed /rss-feed/press-releases/feed/: HTTP 503

| New | Revised | Withdrawn | Restored | Reprocessed | Failed |
| ---: | --- | ---: | ---: | ---: | ---: |
| 3 | 1 (minor) | 0 | 0 | 0 | 0 |

Committed \`0123456789ab\` (9 files) and pushed to origin/main after 2 attempts (the branch moved; rebased, never forced).
`);
  });

  it('lists the URL shapes and sitemaps the adapter does not recognise', () => {
    const r = report();
    r.agencies[0]!.channels[0] = {
      channel: 'www sitemap-index /sitemap_index.xml', ok: true, urls: 1450,
      skippedSitemaps: ['/post-sitemap.xml'],
      unknownShapes: { count: 120, examples: ['https://www.state.gov/countries-areas/albania/'] },
    };
    const md = stepSummary({ report: r, changes: changesOf(r), remote: 'origin', branch: 'main' });
    expect(md).toContain(`Discovered but not recognised by the adapter:

- state: www sitemap-index /sitemap\\_index.xml: 120 URLs of unknown shape, e.g. https://www.state.gov/countries-areas/albania/
- state: www sitemap-index /sitemap\\_index.xml: sitemaps not followed: /post-sitemap.xml
`);
    expect(stepSummary({ report: report(), changes: changesOf(report()), remote: 'origin', branch: 'main' })).not.toContain('not recognised');
  });

  it('says how much a budget-stopped run left for the next runs, and counts failures per agency', () => {
    const r = report({
      backlog: 1200, exitCode: 2,
      failures: [{ agency: 'state', url: 'https://www.state.gov/briefings/x/', stage: 'fetch', templateChange: false, message: 'HTTP 500' }],
    });
    r.agencies[0]!.backlog = 1200;
    const md = stepSummary({ report: r, changes: changesOf(r), remote: 'origin', branch: 'main' });
    expect(md).toContain('| state | 1450 | 14 | 4 | 1436 | 3 | 6 | 1 | 1 | 1200 | 5.25 |');
    expect(md).toContain('**Backlog: 1200 candidate pages were not attempted** — the time budget (`--max-duration`) ran out.');
  });

  it('lists failures with page text escaped, and says why a partial run is red', () => {
    const r = report({
      added: [], revised: [], changed: false, exitCode: 2,
      failures: [{
        agency: 'state', url: 'https://www.state.gov/briefings/x/', stage: 'extract', templateChange: true,
        message: 'https://www.state.gov/briefings/x/: the page is a "Briefing | <script>alert(1)</script>" for @octocat\nsecond line',
      }],
    });
    const md = stepSummary({ report: r, changes: changesOf(r), remote: 'origin', branch: 'main', result: { committed: false, files: 0, commit: null, pushed: false, attempts: 0 } });
    expect(md).toContain('No dataset file changed: nothing committed.');
    const row = md.split('\n').find((l) => l.startsWith('| state | extract |'))!;
    expect(row).toBe(
      '| state | extract | yes | https://www.state.gov/briefings/x/ | https://www.state.gov/briefings/x/: the page is a "Briefing \\| \\<script\\>alert(1)\\</script\\>" for @\u200boctocat second line |',
    );
    // Five cells: the pipe inside the message did not split it.
    expect(row.split(/(?<!\\)\|/).length - 2).toBe(5);
    expect(md).toContain('**This run is marked failed because some pages failed.** What succeeded was committed.');
  });

  it('cuts a long failure list and reports a publishing failure', () => {
    const failures = Array.from({ length: 60 }, (_, i) => ({ agency: 'state', url: `https://www.state.gov/b/${i}/`, stage: 'fetch' as const, message: 'HTTP 503', templateChange: false }));
    const r = report({ failures, exitCode: 2 });
    const md = stepSummary({ report: r, changes: changesOf(r), remote: 'origin', branch: 'main', error: 'rebase onto origin/main conflicts in output/index.json: rebase aborted' });
    expect(md).toContain('### Failed pages (60)');
    expect(md).toContain('… and 10 more (see changelog.json).');
    expect(md.split('\n').filter((l) => l.startsWith('| state | fetch |'))).toHaveLength(50);
    expect(md).toContain('**Publishing failed:** rebase onto origin/main conflicts in output/index.json: rebase aborted');
  });

  it('summarizes a merge without an agency table', () => {
    const r = report({ kind: 'merge', scope: null, agencies: [], runId: 'merge 2026-11-28T10:00:00.000Z' });
    const md = stepSummary({ report: r, changes: changesOf(r), remote: 'origin', branch: 'main', result: { committed: true, files: 4, commit: 'f'.repeat(40), pushed: true, attempts: 1 } });
    expect(md.startsWith('## Podium merge merge 2026-11-28T10:00:00.000Z — dataset 2026.11.28.2')).toBe(true);
    expect(md).not.toContain('| Agency |');
    expect(md).toContain(`Committed \`${'f'.repeat(12)}\` (4 files) and pushed to origin/main.`);
  });
});
