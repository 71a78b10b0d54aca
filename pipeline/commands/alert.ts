/** `podium alert`: decide from a run report whether a site template likely changed, and word the issue. */
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { setOutputs } from '../publish/actions-env.ts';
import { BREAKAGE_LABEL, DROP_MIN_PAGES, DROP_RATIO, detectBreakage, renderAlert } from '../publish/breakage.ts';
import { readReportFile, ReportFileError, type ReportFile } from '../run/report-file.ts';
import { defineCommand } from './define.ts';
import { EXIT } from './types.ts';

export const alertCommand = defineCommand({
  name: 'alert',
  summary: 'word a GitHub issue when a run suggests a site template changed',
  description: [
    `Reads a run report and decides whether an agency's site template likely changed: pages failing the way a template change makes them fail (no article body, no title, a briefing with no recognized speaker) that were not failing so in the previous run; or, against the previous run with the same options and at least ${DROP_MIN_PAGES} pages, the share of pages read that became transcripts, or the number of pages discovery listed, falling below ${DROP_RATIO * 100}%. When it does, prints an issue title, a blank line and the issue body (Markdown); otherwise prints nothing.`,
    `The workflow keeps one open issue labelled "${BREAKAGE_LABEL}" and opens or comments on it with this text, passed through files: page text never enters a shell script.`,
  ],
  options: {
    report: { type: 'string', value: 'file', required: true, description: "this run's report, from `podium run --report`" },
    previous: { type: 'string', value: 'file', description: "the previous run's report; missing file = no previous run" },
    'title-file': { type: 'string', value: 'file', description: 'also write the title here (removed when there is no alert)' },
    'body-file': { type: 'string', value: 'file', description: 'also write the body here (removed when there is no alert)' },
  },
  notes: [
    'In GitHub Actions, alert=true or alert=false is written to $GITHUB_OUTPUT.',
    'Exit status: 0 whether or not there is an alert; 1 when a report cannot be read.',
  ],
  async run({ options: values }) {
    let report: ReportFile;
    let previous: ReportFile | null = null;
    try {
      report = await readReportFile(values.report);
      // The first scheduled run, or one after the cache expired, has no previous report.
      if (values.previous && existsSync(values.previous)) previous = await readReportFile(values.previous);
    } catch (error) {
      if (error instanceof ReportFileError) {
        console.error(`podium alert: ${error.message}`);
        return EXIT.fatal;
      }
      throw error;
    }

    const signals = detectBreakage(report, previous);
    const files = [values['title-file'], values['body-file']].filter((f): f is string => f !== undefined);
    if (!signals.length) {
      // A file left from an earlier step must not be mistaken for this run's alert.
      await Promise.all(files.map((f) => rm(f, { force: true })));
      await setOutputs({ alert: 'false' });
      return EXIT.ok;
    }
    const alert = renderAlert(signals, report, runUrl(process.env) ? { runUrl: runUrl(process.env)! } : {});
    for (const [file, text] of [[values['title-file'], `${alert.title}\n`], [values['body-file'], alert.body]] as const) {
      if (!file) continue;
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, text);
    }
    console.log(`${alert.title}\n\n${alert.body}`);
    await setOutputs({ alert: 'true' });
    return EXIT.ok;
  },
});

/** The Actions run's page, from the variables the runner sets. */
function runUrl(env: NodeJS.ProcessEnv): string | null {
  const server = env['GITHUB_SERVER_URL'];
  const repo = env['GITHUB_REPOSITORY'];
  const id = env['GITHUB_RUN_ID'];
  if (!server || !repo || !id || !/^\d+$/.test(id) || !/^[\w.-]+\/[\w.-]+$/.test(repo)) return null;
  return `${server}/${repo}/actions/runs/${id}`;
}
