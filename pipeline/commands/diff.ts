/** `podium diff`: a turn-aware diff between two revisions, or between two dataset snapshots. */
import { diffDatasets, renderDatasetDiff } from '../revisions/dataset-diff.ts';
import { diffTranscripts } from '../revisions/diff.ts';
import { renderHtml, renderText } from '../revisions/render.ts';
import type { Transcript } from '../schema/types.ts';
import { Dataset } from '../store/dataset.ts';
import { defineCommand, UsageError } from './define.ts';
import { EXIT } from './types.ts';

export const diffCommand = defineCommand({
  name: 'diff',
  summary: 'show what changed between two revisions or two dataset snapshots',
  description: [
    'The first form compares two revisions of one transcript: which turns were added, removed, re-attributed or edited, and the words changed inside edited turns. Defaults: --to is the current revision, --from the one before it.',
    'The second form compares two snapshots of a dataset (two checkouts of output/): transcripts added, revised (with change classes), withdrawn and restored.',
  ],
  options: {
    out: { type: 'string', value: 'dir', default: 'output', description: 'dataset directory' },
    from: { type: 'integer', value: 'n', min: 1, description: 'older revision number' },
    to: { type: 'integer', value: 'n', min: 1, description: 'newer revision number' },
    format: { type: 'string', value: 'f', choices: ['text', 'json', 'html'], default: 'text', description: 'text (default; coloured on a terminal), json or html' },
    dataset: { type: 'boolean', description: 'compare two dataset directories instead of two revisions' },
  },
  forms: [
    { args: [{ name: 'id' }], options: ['out', 'from', 'to', 'format'] },
    { flag: 'dataset', args: [{ name: 'dirA' }, { name: 'dirB' }], options: ['format'], choices: { format: ['text', 'json'] } },
  ],
  async run({ options: values, args }) {
    const format = values.format;
    if (values.dataset) {
      const d = await diffDatasets(args[0]!, args[1]!);
      process.stdout.write(format === 'json' ? `${JSON.stringify(d, null, 2)}\n` : renderDatasetDiff(d));
      return EXIT.ok;
    }

    const id = args[0]!;
    const dataset = new Dataset(values.out);
    let current: Transcript | null;
    try {
      current = await dataset.readRecord(id);
    } catch (error) {
      console.error(`podium diff: ${(error as Error).message}`);
      return EXIT.fatal;
    }
    if (!current) {
      console.error(`podium diff: no transcript "${id}" in ${values.out} (ids look like state/2022-01-18/<slug>)`);
      return EXIT.fatal;
    }
    const to = values.to ?? current.revision;
    const from = values.from ?? to - 1;
    if (from < 1 || to > current.revision || from >= to) {
      throw new UsageError(
        current.revision === 1 && values.from === undefined
          ? `${id} has only one revision`
          : `revisions must satisfy 1 <= --from < --to <= ${current.revision}`,
      );
    }
    const load = async (n: number) => (n === current.revision ? current : await dataset.readHistory(id, n));
    const [a, b] = [await load(from), await load(to)];
    if (!a || !b) {
      console.error(`podium diff: revision ${!a ? from : to} of ${id} is missing from ${values.out}/history`);
      return EXIT.fatal;
    }
    const d = diffTranscripts(a, b);
    // The change class of the newest revision in the range says what kind of edit this was.
    d.change = b.revisions.find((r) => r.revision === to)?.change ?? d.change;
    if (format === 'json') process.stdout.write(`${JSON.stringify(d, null, 2)}\n`);
    else if (format === 'html') process.stdout.write(`${renderHtml(d)}\n`);
    else process.stdout.write(renderText(d, process.stdout.isTTY === true && !process.env['NO_COLOR']));
    return EXIT.ok;
  },
});
