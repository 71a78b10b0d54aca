/**
 * Did the site's template change? Selectors written for one template quietly stop matching when
 * the agency redesigns its pages (diffengine#28, NewsDiffs#49), so a run can "succeed" while
 * losing transcripts. The scheduled workflow asks this module after every run and keeps one open
 * GitHub issue (label {@link BREAKAGE_LABEL}) up to date when the answer is yes.
 *
 * The rule, per agency (thresholds are the constants below):
 *
 * 1. **Template errors.** A page failed with `templateChange: true` — no article body, no title, or
 *    a page that calls itself a briefing but has no recognized speaker — and that page was not
 *    already failing that way in the previous run (so a page that keeps failing is reported once,
 *    not every two hours).
 * 2. **Transcript yield drop.** Of the pages whose HTML was read this run (stored as transcripts —
 *    added, revised, restored, reprocessed or unchanged — plus pages judged not transcripts, plus
 *    extraction failures), the share that became transcripts fell below half of the previous
 *    run's share. Only counted when both runs read at least {@link DROP_MIN_PAGES} pages with the
 *    same scope: an incremental run reads a handful of pages, whose share says nothing.
 *    A share rather than the raw count of added+unchanged pages, because the raw count mostly
 *    follows how many pages the sitemap marked as modified, not whether extraction works.
 * 3. **Listing drop.** Discovery listed fewer than half the candidate pages of the previous run
 *    with the same scope (and the previous run listed at least {@link DROP_MIN_PAGES}): the
 *    sitemap or feed template changed, or a channel now lists only part of the archive.
 *
 * "The previous run" is the report file the workflow kept from the last scheduled run; without
 * one, only rule 1 applies (every template error counts as new).
 */
import type { PageFailure } from '../run/index.ts';
import type { ReportFile } from '../run/report-file.ts';
import { codeBlock, inline } from './markdown.ts';

/** The label of the one open issue the workflow keeps for template breakage. */
export const BREAKAGE_LABEL = 'template-change';
/** Fewer pages read (or listed) than this in either run, and rules 2 and 3 do not apply. */
export const DROP_MIN_PAGES = 20;
/** A share or a listing below this fraction of the previous run's is a sharp drop. */
export const DROP_RATIO = 0.5;
/** Failing pages quoted in the issue body; GitHub caps a body at 65,536 characters. */
const MAX_PAGES_SHOWN = 50;

/** One reason to think an agency's template changed. */
export type BreakageSignal =
  | { agency: string; kind: 'template-errors'; failures: PageFailure[]; fresh: PageFailure[] }
  | { agency: string; kind: 'yield-drop'; now: Yield; before: Yield }
  | { agency: string; kind: 'listing-drop'; now: number; before: number };

/** Pages read and how many of them became transcripts. */
export interface Yield {
  transcripts: number;
  read: number;
}

/**
 * Applies the rule (see the file comment) to a run report and the previous run's.
 *
 * @returns The signals found, grouped by agency in report order; empty when nothing looks broken.
 * @example
 * const signals = detectBreakage(report, previous);
 * if (signals.length) console.log(renderAlert(signals, report).title);
 */
export function detectBreakage(report: ReportFile, previous: ReportFile | null): BreakageSignal[] {
  const signals: BreakageSignal[] = [];
  // Rules 2 and 3 compare like with like: two runs (not a merge) over the same scope.
  const baseline = previous !== null && report.kind === 'run' && previous.kind === 'run' && sameScope(report, previous) ? previous : null;
  const knownBroken = new Set((previous?.failures ?? []).filter((f) => f.templateChange).map((f) => f.url));
  const agencies = [...new Set([...report.agencies.map((a) => a.agency), ...report.failures.map((f) => f.agency)])];

  for (const agency of agencies) {
    const failures = report.failures.filter((f) => f.agency === agency && f.templateChange);
    const fresh = failures.filter((f) => !knownBroken.has(f.url));
    if (fresh.length) signals.push({ agency, kind: 'template-errors', failures, fresh });
    if (!baseline) continue;

    const now = transcriptYield(report, agency);
    const before = transcriptYield(baseline, agency);
    if (now && before && now.read >= DROP_MIN_PAGES && before.read >= DROP_MIN_PAGES && before.transcripts > 0 &&
      now.transcripts / now.read < DROP_RATIO * (before.transcripts / before.read)) {
      signals.push({ agency, kind: 'yield-drop', now, before });
    }
    const listedNow = report.agencies.find((a) => a.agency === agency)?.candidates;
    const listedBefore = baseline.agencies.find((a) => a.agency === agency)?.candidates;
    if (listedNow !== undefined && listedBefore !== undefined && listedBefore >= DROP_MIN_PAGES && listedNow < DROP_RATIO * listedBefore) {
      signals.push({ agency, kind: 'listing-drop', now: listedNow, before: listedBefore });
    }
  }
  return signals;
}

/** Pages of `agency` whose HTML a run read, and how many became transcripts; null when it did not run. */
export function transcriptYield(report: ReportFile, agency: string): Yield | null {
  const stats = report.agencies.find((a) => a.agency === agency);
  if (!stats) return null;
  const mine = (id: string) => id.startsWith(`${agency}/`);
  // A restored record with new words is also listed as revised: count ids, not entries.
  const stored = new Set([...report.added, ...report.revised.map((r) => r.id), ...report.restored, ...report.reprocessed].filter(mine));
  const transcripts = stored.size + stats.unchanged;
  const failedReading = report.failures.filter((f) => f.agency === agency && f.stage === 'extract').length;
  return { transcripts, read: transcripts + stats.notTranscripts + failedReading };
}

function sameScope(a: ReportFile, b: ReportFile): boolean {
  return JSON.stringify(a.scope) === JSON.stringify(b.scope);
}

/** The title and Markdown body. */
export interface Alert {
  title: string;
  body: string;
}

export interface AlertContext {
  /** Link to the workflow run, when known. */
  runUrl?: string;
}

/**
 * Renders the issue for a set of signals. The title names only agency ids (ours); page text
 * (URLs, messages) appears only inside a code block in the body, where it cannot render as markup.
 */
export function renderAlert(signals: BreakageSignal[], report: ReportFile, context: AlertContext = {}): Alert {
  const agencies = [...new Set(signals.map((s) => s.agency))];
  const title = `Extraction alert: the ${agencies.join(', ')} site template may have changed`;
  const run = context.runUrl ? `[${inline(report.runId)}](${context.runUrl})` : inline(report.runId);
  const lines: string[] = [
    `Podium's run ${run} (dataset ${inline(report.datasetVersion ?? '(none)')}) found signs that a site template changed, so extraction may be losing transcripts without failing outright.`,
    '',
    ...signals.map((s) => `- ${describe(s)}`),
  ];
  const failing = signals.flatMap((s) => (s.kind === 'template-errors' ? s.failures : []));
  if (failing.length) {
    const shown = failing.slice(0, MAX_PAGES_SHOWN);
    lines.push(
      '',
      `<details><summary>Pages failing for template reasons (${failing.length})</summary>`,
      '',
      codeBlock(shown.map((f) => `${f.url} [${f.stage}] ${f.message.replace(/\s+/g, ' ').slice(0, 400)}`)),
      ...(failing.length > shown.length ? ['', `… and ${failing.length - shown.length} more in the run's step summary.`] : []),
      '',
      '</details>',
    );
  }
  lines.push(
    '',
    'What to check: open a failing page in a browser and compare its markup with the selectors in `pipeline/agencies/<agency>.ts`. ' +
      'Failed pages keep their stored records and are fetched again by every run until they extract; once the selectors are fixed, ' +
      '`podium reprocess` re-reads the raw pages already stored.',
    '',
    `The rule and its thresholds are documented in \`pipeline/publish/breakage.ts\`. This issue is kept open and commented on by later runs until someone closes it.`,
  );
  return { title, body: `${lines.join('\n')}\n` };
}

function describe(signal: BreakageSignal): string {
  const who = `**${signal.agency}**`;
  switch (signal.kind) {
    case 'template-errors': {
      const fresh = signal.fresh.length === signal.failures.length ? '' : ` (${signal.fresh.length} of them new since the previous run)`;
      return `${who}: ${signal.failures.length} ${plural(signal.failures.length, 'page')} failed the way a template change makes pages fail — no article body, no title, or a briefing with no recognized speaker${fresh}.`;
    }
    case 'yield-drop':
      return `${who}: ${percent(signal.now)} of the pages read became transcripts (${signal.now.transcripts} of ${signal.now.read}), against ${percent(signal.before)} (${signal.before.transcripts} of ${signal.before.read}) in the previous run.`;
    case 'listing-drop':
      return `${who}: discovery listed ${signal.now} candidate ${plural(signal.now, 'page')}, against ${signal.before} in the previous run with the same options.`;
  }
}

function percent(y: Yield): string {
  return `${Math.round((100 * y.transcripts) / y.read)}%`;
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}
