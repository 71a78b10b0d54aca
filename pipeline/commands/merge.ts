/** `podium merge`: fold backfill shard datasets into the dataset, as one change. */
import { LockedError } from '../run/lock.ts';
import { MergeError, mergeShards } from '../run/merge.ts';
import { writeReportFile } from '../run/report-file.ts';
import { defineCommand } from './define.ts';
import { EXIT } from './types.ts';

export const mergeCommand = defineCommand({
  name: 'merge',
  summary: 'merge backfill shard datasets into the dataset in one change',
  description: [
    'Merges shard datasets — each the --out of one `podium run`, typically one backfill job per host — into the dataset: every shard record is compared with the stored one exactly as a run does (new, unchanged, revised with its class, revert, restored), replaced revisions go to history/, raw pages are kept, and crawl state the shards learned is taken over. index.json is rebuilt once and one changelog entry is written for the whole merge. Withdrawals are left to scheduled runs.',
  ],
  args: [{ name: 'dir', repeat: true }],
  options: {
    out: { type: 'string', value: 'dir', default: 'output', description: 'the dataset to merge into' },
    report: { type: 'string', value: 'file', description: 'also write the merge report as JSON to <file>, for `podium publish`' },
  },
  notes: [
    'Exit status: 0 when every shard merged cleanly; 2 when some records or pages could not be merged or had failed in their shard (the rest is merged); 1 on a fatal error (a missing shard, the dataset locked by a run).',
  ],
  async run({ options: values, args: positionals }) {
    try {
      const report = await mergeShards({
        out: values.out,
        shards: positionals,
        ...(process.env['GITHUB_RUN_ID'] ? { runId: process.env['GITHUB_RUN_ID'] } : {}),
      });
      if (values.report) await writeReportFile(values.report, { kind: 'merge', scope: null, ...report });
      console.log(
        `merge: ${positionals.length} shards, ${report.records} records read — ${report.added.length} new, ${report.revised.length} revised, ` +
          `${report.restored.length} restored, ${report.failures.length} failed` +
          (report.changed ? ` — dataset ${report.datasetVersion}` : ' — no record changed'),
      );
      for (const f of report.failures) console.log(`  failed [${f.stage}] ${f.message}`);
      return report.exitCode;
    } catch (error) {
      if (error instanceof MergeError || error instanceof LockedError) {
        console.error(`podium merge: ${error.message}`);
        return EXIT.fatal;
      }
      throw error;
    }
  },
});
