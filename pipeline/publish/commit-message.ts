/**
 * The message of a `data:` commit. The subject says what changed in numbers, so `git log --oneline`
 * reads as the dataset's history ("data: 3 new, 1 revised (minor), 0 withdrawn — dataset
 * 2026.11.28.2"); the body lists the ids, so `git log --grep <id>` finds every commit that touched a
 * transcript; a `Podium-Run` trailer ties the commit to its changelog entry.
 */
import { revisionClasses, type PublishedChanges } from './changes.ts';

export interface CommitMessage {
  subject: string;
  body: string;
}

export interface CommitMessageOptions {
  /** Ids listed per section before "… and N more" (a backfill adds thousands). Default 200. */
  maxIds?: number;
}

/** The longest failure line kept; a message quoting a whole page is cut. */
const MAX_LINE = 240;

/**
 * Builds the commit message for a run's changes.
 *
 * @example
 * commitMessage(changes).subject
 * // => 'data: 3 new, 1 revised (minor), 0 withdrawn — dataset 2026.11.28.2'
 */
export function commitMessage(changes: PublishedChanges, options: CommitMessageOptions = {}): CommitMessage {
  const maxIds = options.maxIds ?? 200;
  const counts = [
    `${changes.added.length} new`,
    `${changes.revised.length} revised${changes.revised.length ? ` (${revisionClasses(changes.revised)})` : ''}`,
    `${changes.withdrawn.length} withdrawn`,
    // Rare kinds only appear when they happened, to keep the usual subject short.
    ...(changes.restored.length ? [`${changes.restored.length} restored`] : []),
    ...(changes.reprocessed.length ? [`${changes.reprocessed.length} reprocessed`] : []),
  ];
  const subject = `data: ${counts.join(', ')} — dataset ${changes.datasetVersion ?? '(none)'}`;

  const sections: string[] = [];
  const section = (title: string, lines: string[]) => {
    if (!lines.length) return;
    const shown = lines.slice(0, maxIds);
    const more = lines.length - shown.length;
    sections.push([`${title} (${lines.length}):`, ...shown.map((l) => `  ${l}`), ...(more ? [`  … and ${more} more (see changelog.json)`] : [])].join('\n'));
  };
  section('Added', changes.added);
  section('Revised', changes.revised.map((r) => `${r.id} r${r.revision} ${r.change}${r.revertOf ? ` of r${r.revertOf}` : ''}`));
  section('Withdrawn', changes.withdrawn);
  section('Restored', changes.restored);
  section('Reprocessed', changes.reprocessed);
  section('Failed, stored records kept', changes.failures.map((f) => oneLine(`[${f.stage}] ${f.message}`)));
  const recordChanges = changes.added.length + changes.revised.length + changes.withdrawn.length + changes.restored.length + changes.reprocessed.length;
  // A commit without record changes still matters: it carries the crawl state the next run starts from.
  if (recordChanges === 0) sections.unshift('No transcript changed.');
  sections.push(`Podium-Run: ${oneLine(changes.runId)}`);
  return { subject, body: sections.join('\n\n') };
}

/** The message as `git commit -F -` takes it. */
export function formatCommitMessage(message: CommitMessage): string {
  return `${message.subject}\n\n${message.body}\n`;
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > MAX_LINE ? `${line.slice(0, MAX_LINE - 1)}…` : line;
}
