/**
 * The Markdown a run leaves on its GitHub Actions page (`$GITHUB_STEP_SUMMARY`): per agency what
 * discovery found and what was fetched, what changed in the dataset, what was committed, and every
 * failure — enough to see at a glance whether a red run needs a person.
 */
import type { ReportFile } from '../run/report-file.ts';
import { revisionClasses, type PublishedChanges } from './changes.ts';
import { cell, inline, table } from './markdown.ts';
import type { PublishResult } from './push.ts';

export interface SummaryInput {
  report: ReportFile;
  changes: PublishedChanges;
  /** What `commitAndPush` did; absent when publishing failed before it returned. */
  result?: PublishResult;
  /** Why publishing failed, when it did. */
  error?: string;
  remote: string;
  branch: string;
  /** Failure rows shown before "… and N more". Default 50. */
  maxFailures?: number;
}

/**
 * Renders the step summary.
 *
 * @example
 * await appendFile(process.env.GITHUB_STEP_SUMMARY, stepSummary({ report, changes, result, remote: 'origin', branch: 'main' }));
 */
export function stepSummary(input: SummaryInput): string {
  const { report, changes, result } = input;
  const maxFailures = input.maxFailures ?? 50;
  const parts: string[] = [];
  const what = report.kind === 'merge' ? 'merge' : 'run';
  parts.push(`## Podium ${what} ${inline(report.runId)} — dataset ${inline(changes.datasetVersion ?? '(none)')}`);

  if (report.agencies.length) {
    parts.push(
      table(
        ['Agency', 'Candidates', 'Requested', 'Stored', 'Skipped (lastmod)', 'Not modified', 'Unchanged', 'Not transcripts', 'Failed', 'Backlog', 'Requests per transcript'],
        report.agencies.map((a) => [
          a.agency, a.candidates, a.requested, a.stored ?? 0, a.skipped, a.notModified, a.unchanged, a.notTranscripts,
          report.failures.filter((f) => f.agency === a.agency).length, a.backlog ?? 0, a.requestsPerTranscript ?? '–',
        ]),
      ),
    );
    const backlog = report.backlog ?? 0;
    if (backlog) {
      parts.push(
        `**Backlog: ${backlog} candidate pages were not attempted** — the time budget (\`--max-duration\`) ran out. ` +
          'Nothing is lost: the next scheduled runs start with new and changed pages, then work the backlog down.',
      );
    }
    const broken = report.agencies.flatMap((a) => a.channels.filter((c) => !c.ok).map((c) => `${a.agency}: ${c.channel}: ${c.error ?? 'failed'}`));
    if (broken.length) parts.push(`Discovery channels that failed:\n\n${broken.map((b) => `- ${inline(b)}`).join('\n')}`);
    // What discovery saw but no adapter rule takes: a new URL shape or kind of sitemap is an adapter edit.
    const unread = report.agencies.flatMap((a) =>
      a.channels.flatMap((c) => [
        ...(c.unknownShapes ? [`${a.agency}: ${c.channel}: ${c.unknownShapes.count} URLs of unknown shape, e.g. ${c.unknownShapes.examples.join(' ')}`] : []),
        ...(c.skippedSitemaps ? [`${a.agency}: ${c.channel}: sitemaps not followed: ${c.skippedSitemaps.join(', ')}`] : []),
      ]),
    );
    if (unread.length) parts.push(`Discovered but not recognised by the adapter:\n\n${unread.map((u) => `- ${inline(u)}`).join('\n')}`);
  }

  parts.push(
    table(
      ['New', 'Revised', 'Withdrawn', 'Restored', 'Reprocessed', 'Failed'],
      [[
        changes.added.length,
        changes.revised.length ? `${changes.revised.length} (${revisionClasses(changes.revised)})` : '0',
        changes.withdrawn.length,
        changes.restored.length,
        changes.reprocessed.length,
        report.failures.length,
      ]],
    ),
  );

  parts.push(outcome(input));

  if (report.failures.length) {
    const shown = report.failures.slice(0, maxFailures);
    const rows = shown.map((f) => [f.agency, f.stage, f.templateChange ? 'yes' : '', f.url, f.message]);
    parts.push(
      `### Failed pages (${report.failures.length}) — their stored records were kept\n\n` +
        table(['Agency', 'Stage', 'Template change?', 'Page', 'Message'], rows) +
        (report.failures.length > shown.length ? `\n\n… and ${report.failures.length - shown.length} more (see changelog.json).` : ''),
    );
  }
  if (report.exitCode === 2) parts.push('**This run is marked failed because some pages failed.** What succeeded was committed.');
  return `${parts.join('\n\n')}\n`;
}

function outcome(input: SummaryInput): string {
  const { result, remote, branch } = input;
  if (input.error) return `**Publishing failed:** ${inline(input.error, 1000)}`;
  if (!result) return 'Nothing was published.';
  if (!result.pushed) return 'No dataset file changed: nothing committed.';
  const sha = result.commit ? `\`${result.commit.slice(0, 12)}\`` : '';
  const retried = result.attempts > 1 ? ` after ${result.attempts} attempts (the branch moved; rebased, never forced)` : '';
  return result.committed
    ? `Committed ${sha} (${result.files} files) and pushed to ${cell(remote)}/${cell(branch)}${retried}.`
    : `Pushed ${sha}, an earlier unpushed commit, to ${cell(remote)}/${cell(branch)}${retried}.`;
}
