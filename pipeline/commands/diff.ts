/** `podium diff`: a turn-aware diff between two revisions, or between two dataset snapshots. */
import { parseArgs } from 'node:util';
import { diffDatasets, renderDatasetDiff } from '../revisions/dataset-diff.ts';
import { diffTranscripts } from '../revisions/diff.ts';
import { renderHtml, renderText } from '../revisions/render.ts';
import type { Transcript } from '../schema/types.ts';
import { Dataset } from '../store/dataset.ts';
import { EXIT, type Command } from './types.ts';

const usage = `Usage: podium diff <id> [--out <dir>] [--from <rev>] [--to <rev>] [--format text|json|html]
       podium diff --dataset <dirA> <dirB> [--format text|json]

The first form compares two revisions of one transcript: which turns were added,
removed, re-attributed or edited, and the words changed inside edited turns.
Defaults: --to is the current revision, --from the one before it.

The second form compares two snapshots of a dataset (two checkouts of output/):
transcripts added, revised (with change classes), withdrawn and restored.

Options:
  --out <dir>          dataset directory (default: output)
  --from <n>           older revision number
  --to <n>             newer revision number
  --format <f>         text (default; coloured on a terminal), json or html
  --dataset            compare two dataset directories instead of two revisions
  -h, --help           show this help`;

export const diffCommand: Command = {
  name: 'diff',
  summary: 'show what changed between two revisions or two dataset snapshots',
  usage,
  async run(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string', default: 'output' },
        from: { type: 'string' },
        to: { type: 'string' },
        format: { type: 'string', default: 'text' },
        dataset: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      console.log(usage);
      return EXIT.ok;
    }
    const format = values.format;
    if (!['text', 'json', 'html'].includes(format) || (values.dataset && format === 'html')) {
      console.error(`podium diff: --format wants text, json${values.dataset ? '' : ' or html'}, got "${format}"`);
      return EXIT.usage;
    }
    if (values.dataset) {
      if (positionals.length !== 2) {
        console.error('podium diff --dataset: give two dataset directories');
        return EXIT.usage;
      }
      const d = await diffDatasets(positionals[0]!, positionals[1]!);
      process.stdout.write(format === 'json' ? `${JSON.stringify(d, null, 2)}\n` : renderDatasetDiff(d));
      return EXIT.ok;
    }

    const id = positionals[0];
    if (!id || positionals.length !== 1) {
      console.error('podium diff: give one transcript id (see --help)');
      return EXIT.usage;
    }
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
    const to = values.to ? Number(values.to) : current.revision;
    const from = values.from ? Number(values.from) : to - 1;
    if (!Number.isInteger(from) || !Number.isInteger(to) || from < 1 || to > current.revision || from >= to) {
      console.error(
        current.revision === 1 && !values.from
          ? `podium diff: ${id} has only one revision`
          : `podium diff: revisions must satisfy 1 <= --from < --to <= ${current.revision}`,
      );
      return EXIT.usage;
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
};
