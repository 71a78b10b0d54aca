/** `podium publish`: commit the dataset after a run and push it, safely, with a message that says what changed. */
import { appendStepSummary, setOutputs } from '../publish/actions-env.ts';
import { publishedChanges, ReportMismatchError } from '../publish/changes.ts';
import { commitMessage } from '../publish/commit-message.ts';
import { GitError } from '../publish/git.ts';
import { commitAndPush, PublishError, type PublishResult } from '../publish/push.ts';
import { stepSummary } from '../publish/summary.ts';
import { readReportFile, ReportFileError } from '../run/report-file.ts';
import { defineCommand, UsageError } from './define.ts';
import { EXIT } from './types.ts';

export const publishCommand = defineCommand({
  name: 'publish',
  summary: 'commit the dataset after a run and push it (rebase and retry, never force)',
  description: [
    'Commits the dataset directory when any file in it changed, with a message that says what the run changed ("data: 3 new, 1 revised (minor), 0 withdrawn — dataset 2026.11.28.2") and a body listing the ids, then pushes it. A push rejected because the branch moved is rebased onto the remote and retried after a short, growing pause, at most --retries times; nothing is ever force-pushed. A rebase conflict is aborted: the remote is left untouched and the command fails.',
    "The run's report (from `podium run --report` or `podium merge --report`) must describe the dataset: its changelog entry and version are checked. The commit uses git's identity (user.name/user.email, or GIT_AUTHOR_NAME/GIT_AUTHOR_EMAIL and GIT_COMMITTER_NAME/GIT_COMMITTER_EMAIL). In GitHub Actions, a Markdown summary is appended to $GITHUB_STEP_SUMMARY, and committed=, pushed= and commit= are written to $GITHUB_OUTPUT.",
  ],
  options: {
    report: { type: 'string', value: 'file', required: true, description: 'the run report to publish' },
    out: { type: 'string', value: 'dir', default: 'output', description: 'dataset directory, inside a git working tree' },
    remote: { type: 'string', value: 'name', default: 'origin', description: 'git remote to push to' },
    branch: { type: 'string', value: 'name', default: 'main', description: 'branch to push to' },
    retries: { type: 'integer', value: 'n', min: 0, max: 20, default: 3, description: 'pushes retried after losing a race to another push' },
  },
  notes: [
    'Exit status: 0 when published or there was nothing to publish; 2 when published but the run was partial (some pages failed), so CI marks the job failed and someone looks; 1 when publishing failed (rebase conflict, push refused, retries used up, a report that does not describe the dataset).',
  ],
  async run({ options: values }) {
    const retries = values.retries;
    // A remote or branch starting with "-" would be read by git as an option.
    for (const [flag, value] of [['--remote', values.remote], ['--branch', values.branch]] as const) {
      if (!/^[A-Za-z0-9._][A-Za-z0-9._/-]*$/.test(value)) throw new UsageError(`${flag} "${value}" is not a plain git name`);
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
});
