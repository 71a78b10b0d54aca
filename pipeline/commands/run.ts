/** `podium run`: discover, fetch, extract, validate and store into the dataset. */
import { isAbsolute, relative, resolve } from 'node:path';
import { getAgency, loadAgencies } from '../agencies/index.ts';
import { LockedError } from '../run/lock.ts';
import { resolveRunOrigins } from '../run/origin-scope.ts';
import type { Agency } from '../agencies/types.ts';
import { runPipeline, type RunReport } from '../run/index.ts';
import { parseDuration } from '../run/budget.ts';
import { writeReportFile } from '../run/report-file.ts';
import { defineCommand, UsageError } from './define.ts';
import { EXIT } from './types.ts';

export const runCommand = defineCommand({
  name: 'run',
  summary: 'discover, fetch, extract, validate and store transcripts',
  description: [
    'Discovers transcript pages (sitemaps, feeds, listings), fetches them politely (robots.txt crawl-delay, conditional requests, per-host limit), extracts and validates each record and stores it into the dataset.',
  ],
  options: {
    agency: { type: 'string', value: 'id', multiple: true, description: 'agency adapter to run; repeat for several (default: all)' },
    origin: {
      type: 'string', value: 'url', multiple: true,
      description: "send every request to this origin instead of the agency's primary one (a mirror or a test server); records keep canonical URLs. <name>=<url> replaces a named origin (e.g. archive=...), and web-archive=<url> the Internet Archive fallback. With any --origin, origins not given are not contacted at all. With several agencies, name the agency: <agency>:<url> or <agency>:<name>=<url>, one or more for every agency in the run.",
    },
    out: { type: 'string', value: 'dir', default: 'output', description: 'dataset directory' },
    since: { type: 'date', value: 'date', description: 'skip pages whose sitemap/feed date is before YYYY-MM-DD' },
    until: { type: 'date', value: 'date', description: 'skip pages whose sitemap/feed date is after YYYY-MM-DD (with --since, one backfill shard); undated pages are kept by both' },
    limit: { type: 'integer', value: 'n', min: 1, description: 'consider at most n pages per agency, newest first' },
    concurrency: { type: 'integer', value: 'n', min: 1, description: 'parallel requests per host (default: 2)' },
    delay: { type: 'integer', value: 'ms', min: 0, description: 'minimum gap between requests to one host (default: 1000); a robots.txt crawl-delay longer than this still applies' },
    'max-duration': {
      type: 'string', value: 'duration',
      description: 'time budget, <n>s, <n>m or <n>h (e.g. 90m): at the deadline no new page is started, pages in flight finish and everything is written; what was not attempted is the backlog (in the report), worked down by the next runs. Shared fairly among the agencies.',
    },
    report: { type: 'string', value: 'file', description: 'also write the run report as JSON to <file> (outside the dataset), for `podium publish` and `podium alert`' },
  },
  notes: [
    'Each agency, and each origin inside it, is its own failure unit: an agency whose discovery fails (every channel of an origin down or walled) is a failure in the report and the others are processed. The index, the changelog and the crawl state are written at the end of every run, whatever failed.',
    'Exit status: 0 when every page succeeded, 2 when some pages or some agency\'s discovery failed but everything else was saved, 1 when nothing could be done at all (every agency\'s discovery failed, or the dataset is locked).',
  ],
  async run({ options: values }) {
    const { limit, concurrency, delay } = values;
    if (values.report !== undefined && inside(values.report, values.out)) {
      // It would be committed and published with the data it describes.
      throw new UsageError(`--report must be outside the dataset directory ${values.out}, got "${values.report}"`);
    }
    let maxDurationMs: number | undefined;
    if (values['max-duration'] !== undefined) {
      try {
        maxDurationMs = parseDuration(values['max-duration']);
      } catch (error) {
        throw new UsageError(`--max-duration: ${(error as Error).message}`);
      }
    }
    let agencies: Agency[];
    try {
      agencies = values.agency.length ? await Promise.all(values.agency.map(getAgency)) : await loadAgencies();
      resolveRunOrigins(agencies, values.origin);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const tty = process.stderr.isTTY;
    try {
      const report = await runPipeline({
        agencies,
        out: values.out,
        ...(values.origin.length ? { origins: values.origin } : {}),
        ...(values.since ? { since: values.since } : {}),
        ...(values.until ? { until: values.until } : {}),
        ...(limit !== undefined ? { limit } : {}),
        ...(concurrency !== undefined ? { concurrency } : {}),
        ...(delay !== undefined ? { delayMs: delay } : {}),
        ...(maxDurationMs !== undefined ? { maxDurationMs } : {}),
        ...(process.env['GITHUB_RUN_ID'] ? { runId: process.env['GITHUB_RUN_ID'] } : {}),
        // Decisions on and off a terminal (a CI log is not one); counters only where they redraw.
        log: (line) => console.error(line),
        progress: (line) => {
          if (tty) process.stderr.write(`${line}\n`);
        },
      });
      // A fatal run (nothing could be done) leaves no report: there is nothing to publish or compare.
      if (values.report && report.exitCode !== 1) {
        await writeReportFile(values.report, {
          kind: 'run',
          scope: {
            agencies: agencies.map((a) => a.id),
            origins: values.origin,
            since: values.since ?? null,
            until: values.until ?? null,
            limit: limit ?? null,
          },
          ...report,
        });
      }
      console.log(summarize(report));
      return report.exitCode;
    } catch (error) {
      if (error instanceof LockedError) {
        console.error(`podium run: ${error.message}`);
        return EXIT.fatal;
      }
      throw error;
    }
  },
});

function inside(path: string, dir: string): boolean {
  const rel = relative(resolve(dir), resolve(path));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** The short summary printed at the end of every run. */
export function summarize(report: RunReport): string {
  const lines: string[] = [];
  for (const a of report.agencies) {
    lines.push(
      `${a.agency}: ${a.candidates} candidates, ${a.requested} requested, ${a.skipped} skipped (lastmod), ` +
        `${a.notModified} not modified, ${a.unchanged} unchanged, ${a.notTranscripts} not transcripts` +
        (a.backlog ? `, ${a.backlog} backlog (time budget ran out; next run)` : ''),
    );
    for (const b of a.blockedHosts ?? []) {
      lines.push(`  ${b.host}: stopped after ${b.walls} bot walls in a row (${b.last}); its pages are retried next run`);
    }
  }
  const revised = report.revised.map((r) => r.change);
  const classes = [...new Set(revised)].map((c) => `${revised.filter((x) => x === c).length} ${c}`).join(', ');
  lines.push(
    `dataset ${report.datasetVersion ?? '(empty)'}: ${report.added.length} new, ${report.revised.length} revised${classes ? ` (${classes})` : ''}, ` +
      `${report.withdrawn.length} withdrawn, ${report.restored.length} restored, ${report.failures.length} failed` +
      (report.changed ? '' : ' — no file changed'),
  );
  if (report.reconciled) lines.push(`  ${report.reconciled.length} records on disk that the index did not list were indexed again`);
  for (const f of report.failures) lines.push(`  failed [${f.stage}] ${f.message}`);
  return lines.join('\n');
}
