/**
 * Publishing: the stage after a run, in CI. Commit the dataset with a message that says what
 * changed and push it safely (`push.ts`), summarize the run for the Actions page (`summary.ts`),
 * and decide whether a site template broke (`breakage.ts`). The workflows in `.github/workflows/`
 * only call these through `podium publish` and `podium alert`; the logic lives here, tested
 * against real git.
 */
export { detectBreakage, renderAlert, transcriptYield, BREAKAGE_LABEL, DROP_MIN_PAGES, DROP_RATIO, type Alert, type BreakageSignal, type Yield } from './breakage.ts';
export { publishedChanges, revisionClasses, ReportMismatchError, type PublishedChanges } from './changes.ts';
export { commitMessage, formatCommitMessage, type CommitMessage } from './commit-message.ts';
export { git, tryGit, GitError, type GitResult } from './git.ts';
export { commitAndPush, defaultBackoffMs, PublishError, type PublishOptions, type PublishResult } from './push.ts';
export { stepSummary, type SummaryInput } from './summary.ts';
