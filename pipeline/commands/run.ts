/** `podium run`: discover, fetch, extract, validate and store into the dataset. */
import { isAbsolute, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { getAgency, loadAgencies } from '../agencies/index.ts';
import { DiscoveryError } from '../discover/index.ts';
import { LockedError } from '../run/lock.ts';
import { originsByAgency } from '../run/origin-scope.ts';
import type { Agency } from '../agencies/types.ts';
import { runPipeline, type RunReport } from '../run/index.ts';
import { writeReportFile } from '../run/report-file.ts';
import { EXIT, type Command } from './types.ts';

const usage = `Usage: podium run [--agency <id>]... [--origin <url>]... [--out <dir>]
                  [--since <YYYY-MM-DD>] [--until <YYYY-MM-DD>] [--limit <n>]
                  [--concurrency <n>] [--delay <ms>] [--report <file>]

Discovers transcript pages (sitemaps, feeds), fetches them politely (robots.txt
crawl-delay, conditional requests, per-host limit), extracts and validates each record
and stores it into the dataset.

Options:
  --agency <id>        agency adapter to run; repeat for several (default: all)
  --origin <url>       send every request to this origin instead of the agency's
                       primary one (a mirror or a test server); records keep canonical
                       URLs. <name>=<url> replaces a named origin (e.g. archive=...), and
                       web-archive=<url> the Internet Archive fallback. With any --origin,
                       origins not given are not contacted at all. With several agencies,
                       name the agency: <agency>:<url> or <agency>:<name>=<url>, one or
                       more for every agency in the run.
  --out <dir>          dataset directory (default: output)
  --since <date>       skip pages whose sitemap/feed date is before YYYY-MM-DD
  --until <date>       skip pages whose sitemap/feed date is after YYYY-MM-DD (with
                       --since, one backfill shard); undated pages are kept by both
  --limit <n>          consider at most n pages per agency, newest first
  --concurrency <n>    parallel requests per host (default: 2)
  --delay <ms>         minimum gap between requests to one host (default: 1000);
                       a robots.txt crawl-delay longer than this still applies
  --report <file>      also write the run report as JSON to <file> (outside the
                       dataset), for \`podium publish\` and \`podium alert\`
  -h, --help           show this help

Exit status: 0 when every page succeeded, 2 when some pages failed but everything
else was saved, 1 on a fatal error (no discovery channel answered, dataset locked).`;

export const runCommand: Command = {
  name: 'run',
  summary: 'discover, fetch, extract, validate and store transcripts',
  usage,
  async run(argv) {
    const { values } = parseArgs({
      args: argv,
      options: {
        agency: { type: 'string', multiple: true },
        origin: { type: 'string', multiple: true },
        out: { type: 'string', default: 'output' },
        since: { type: 'string' },
        until: { type: 'string' },
        limit: { type: 'string' },
        report: { type: 'string' },
        concurrency: { type: 'string' },
        delay: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      console.log(usage);
      return EXIT.ok;
    }
    const limit = positiveInt(values.limit, '--limit');
    const concurrency = positiveInt(values.concurrency, '--concurrency');
    const delay = values.delay === undefined ? undefined : values.delay === '0' ? 0 : positiveInt(values.delay, '--delay');
    for (const [flag, value] of [['--since', values.since], ['--until', values.until]] as const) {
      if (value !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
        console.error(`podium run: ${flag} wants YYYY-MM-DD, got "${value}"`);
        return EXIT.usage;
      }
    }
    if (limit === null || concurrency === null || delay === null) return EXIT.usage;
    if (values.report !== undefined && inside(values.report, values.out)) {
      // It would be committed and published with the data it describes.
      console.error(`podium run: --report must be outside the dataset directory ${values.out}, got "${values.report}"`);
      return EXIT.usage;
    }
    let agencies: Agency[];
    try {
      agencies = values.agency?.length ? await Promise.all(values.agency.map(getAgency)) : await loadAgencies();
      originsByAgency(values.origin ?? [], agencies.map((a) => a.id));
    } catch (error) {
      console.error(`podium run: ${(error as Error).message}`);
      return EXIT.usage;
    }
    const tty = process.stderr.isTTY;
    try {
      const report = await runPipeline({
        agencies,
        out: values.out,
        ...(values.origin ? { origins: values.origin } : {}),
        ...(values.since ? { since: values.since } : {}),
        ...(values.until ? { until: values.until } : {}),
        ...(limit !== undefined ? { limit } : {}),
        ...(concurrency !== undefined ? { concurrency } : {}),
        ...(delay !== undefined ? { delayMs: delay } : {}),
        ...(process.env['GITHUB_RUN_ID'] ? { runId: process.env['GITHUB_RUN_ID'] } : {}),
        progress: (line) => {
          if (tty) process.stderr.write(`${line}\n`);
        },
      });
      if (values.report) {
        await writeReportFile(values.report, {
          kind: 'run',
          scope: {
            agencies: agencies.map((a) => a.id),
            origins: values.origin ?? [],
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
      if (error instanceof DiscoveryError || error instanceof LockedError) {
        console.error(`podium run: ${error.message}`);
        return EXIT.fatal;
      }
      throw error;
    }
  },
};

function positiveInt(value: string | undefined, flag: string): number | undefined | null {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`podium run: ${flag} wants a positive integer, got "${value}"`);
    return null;
  }
  return n;
}

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
        `${a.notModified} not modified, ${a.unchanged} unchanged, ${a.notTranscripts} not transcripts`,
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
  for (const f of report.failures) lines.push(`  failed [${f.stage}] ${f.message}`);
  return lines.join('\n');
}
