/** `podium publish`: commit the dataset after a run and push it, safely, with a message that says what changed. */
import { parseArgs } from 'node:util';
import { appendStepSummary, setOutputs } from '../publish/actions-env.ts';
import { publishedChanges, ReportMismatchError } from '../publish/changes.ts';
import { commitMessage } from '../publish/commit-message.ts';
import { GitError } from '../publish/git.ts';
import { commitAndPush, PublishError, type PublishResult } from '../publish/push.ts';
import { stepSummary } from '../publish/summary.ts';
import { readReportFile, ReportFileError } from '../run/report-file.ts';
import { EXIT, type Command } from './types.ts';

const usage = `Usage: podium publish --report <file> [--out <dir>] [--remote <name>]
                      [--branch <name>] [--retries <n>]

Commits the dataset directory when any file in it changed, with a message that says
what the run changed ("data: 3 new, 1 revised (minor), 0 withdrawn — dataset
2026.11.28.2") and a body listing the ids, then pushes it. A push rejected because
the branch moved is rebased onto the remote and retried after a short, growing pause,
at most --retries times; nothing is ever force-pushed. A rebase conflict is aborted:
the remote is left untouched and the command fails.

The run's report (from \`podium run --report\` or \`podium merge --report\`) must
describe the dataset: its changelog entry and version are checked. The commit uses
git's identity (user.name/user.email, or GIT_AUTHOR_NAME/GIT_AUTHOR_EMAIL and
GIT_COMMITTER_NAME/GIT_COMMITTER_EMAIL). In GitHub Actions, a Markdown summary is
appended to $GITHUB_STEP_SUMMARY, and committed=, pushed= and commit= are written
to $GITHUB_OUTPUT.

Options:
  --report <file>      the run report to publish (required)
  --out <dir>          dataset directory, inside a git working tree (default: output)
  --remote <name>      git remote to push to (default: origin)
  --branch <name>      branch to push to (default: main)
  --retries <n>        pushes retried after losing a race to another push (default: 3)
  -h, --help           show this help

Exit status: 0 when published or there was nothing to publish; 2 when published but
the run was partial (some pages failed), so CI marks the job failed and someone looks;
1 when publishing failed (rebase conflict, push refused, retries used up, a report
that does not describe the dataset).`;

export const publishCommand: Command = {
  name: 'publish',
  summary: 'commit the dataset after a run and push it (rebase and retry, never force)',
  usage,
  async run(argv) {
    const { values } = parseArgs({
      args: argv,
      options: {
        report: { type: 'string' },
        out: { type: 'string', default: 'output' },
        remote: { type: 'string', default: 'origin' },
        branch: { type: 'string', default: 'main' },
        retries: { type: 'string', default: '3' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      console.log(usage);
      return EXIT.ok;
    }
    if (!values.report) {
      console.error(`podium publish: --report <file> is required\n\n${usage}`);
      return EXIT.usage;
    }
    const retries = Number(values.retries);
    if (!Number.isInteger(retries) || retries < 0 || retries > 20) {
      console.error(`podium publish: --retries wants an integer from 0 to 20, got "${values.retries}"`);
      return EXIT.usage;
    }
    // A remote or branch starting with "-" would be read by git as an option.
    for (const [flag, value] of [['--remote', values.remote], ['--branch', values.branch]] as const) {
      if (!/^[A-Za-z0-9._][A-Za-z0-9._/-]*$/.test(value)) {
        console.error(`podium publish: ${flag} "${value}" is not a plain git name`);
        return EXIT.usage;
      }
    }

    let report;
    let changes;
    try {
      report = await readReportFile(values.report);
      changes = await publishedChanges(report, values.out);
    } catch (error) {
      if (error instanceof ReportFileError || error instanceof ReportMismatchError) {
        console.error(`podium publish: ${error.message}`);
        return EXIT.fatal;
      }
      throw error;
    }

    let result: PublishResult | undefined;
    let failure: string | undefined;
    try {
      result = await commitAndPush({
        dataset: values.out,
        remote: values.remote,
        branch: values.branch,
        retries,
        message: commitMessage(changes),
        log: (line) => console.log(`publish: ${line}`),
      });
    } catch (error) {
      if (!(error instanceof PublishError || error instanceof GitError)) throw error;
      failure = error.message;
      console.error(`podium publish: ${failure}`);
    }

    await appendStepSummary(stepSummary({ report, changes, remote: values.remote, branch: values.branch, ...(result ? { result } : {}), ...(failure ? { error: failure } : {}) }));
    await setOutputs({
      committed: String(result?.committed ?? false),
      pushed: String(result?.pushed ?? false),
      commit: result?.commit ?? '',
    });
    if (failure) return EXIT.fatal;
    if (report.exitCode === 2) {
      console.error(`podium publish: the run was partial (${report.failures.length} pages failed); what succeeded is published, exiting 2 so the job is marked failed`);
      return EXIT.partial;
    }
    return EXIT.ok;
  },
};
