/**
 * Commit the dataset and push it, the git-scraping way but safe against a moving branch: commit
 * only when the dataset directory changed, push, and when the push loses a race (someone pushed
 * first) rebase onto the remote and try again a bounded number of times. Never force: a rejected
 * push must never overwrite someone else's commit. A rebase that conflicts is aborted, so the
 * working tree is left as it was and the remote untouched; the next scheduled run redoes the work
 * (its crawl state was not pushed, so it fetches the same pages again).
 */
import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { git, tryGit, type GitResult } from './git.ts';
import { formatCommitMessage, type CommitMessage } from './commit-message.ts';

export interface PublishOptions {
  /** The dataset directory, a folder inside a git working tree; git runs there. */
  dataset: string;
  remote: string;
  branch: string;
  /** Pushes retried after a lost race: at most `retries + 1` pushes in all. */
  retries: number;
  message: CommitMessage;
  /** Milliseconds to wait before rebasing after the n-th rejected push (1-based). */
  backoffMs?: (attempt: number) => number;
  /** How to wait; a real timer unless a caller needs otherwise. */
  wait?: (ms: number) => Promise<void>;
  /** One line per step taken. */
  log?: (line: string) => void;
}

/** What publishing did. */
export interface PublishResult {
  /** A commit was made from dataset changes. */
  committed: boolean;
  /** Dataset files in the commit (0 when nothing was committed). */
  files: number;
  /** HEAD after publishing (after any rebase), or null when there was nothing to publish. */
  commit: string | null;
  pushed: boolean;
  /** Pushes tried. */
  attempts: number;
}

export type PublishFailure = 'conflict' | 'exhausted' | 'rejected' | 'outside' | 'git';

/** Publishing stopped; the message says what happened to the local commit and the remote. */
export class PublishError extends Error {
  override readonly name = 'PublishError';
  constructor(
    readonly kind: PublishFailure,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Files a crash or a running `podium run` can leave in the dataset directory; never data.
 * (Atomic writes use `.<name>.<random>.tmp`; the run lock is `.podium.lock`.)
 */
const NOT_DATA = [':(exclude,top,glob)**/.*.tmp', ':(exclude,top,glob)**/.podium.lock'];

/** First wait 2 s, then 4 s, 8 s… with jitter, so two runs that raced do not race again in step. */
export function defaultBackoffMs(attempt: number): number {
  return Math.round(2000 * 2 ** (attempt - 1) * (0.75 + Math.random() / 2));
}

/**
 * Commits the dataset directory when it changed, and pushes HEAD to `remote`/`branch`.
 *
 * @throws PublishError when the push cannot be completed: a rebase conflict (aborted cleanly),
 *   `retries` lost races in a row, a push the remote refused for another reason (branch
 *   protection, permissions), or staged changes outside the dataset.
 * @example
 * const result = await commitAndPush({ dataset: 'output', remote: 'origin', branch: 'main', retries: 3, message });
 */
export async function commitAndPush(options: PublishOptions): Promise<PublishResult> {
  const log = options.log ?? (() => {});
  const wait = options.wait ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const backoff = options.backoffMs ?? defaultBackoffMs;
  const cwd = resolve(options.dataset);
  if (!existsSync(cwd)) {
    log(`nothing to publish: ${options.dataset} does not exist`);
    return { committed: false, files: 0, commit: null, pushed: false, attempts: 0 };
  }
  const dataset = await datasetFolder(cwd);
  const pathspec = [`:(top)${dataset}`, ...NOT_DATA];

  const changed = await changedFiles(cwd, pathspec);
  let committed = false;
  if (changed.length) {
    await git(['add', '--all', '--', ...pathspec], { cwd });
    await refuseForeignStaged(cwd, dataset);
    await git(['commit', '--quiet', '--cleanup=verbatim', '--file=-'], { cwd, input: formatCommitMessage(options.message) });
    committed = true;
    log(`committed ${changed.length} dataset files: ${options.message.subject}`);
  } else if (!(await aheadOfRemote(cwd, options.remote, options.branch))) {
    log(`nothing to publish: ${dataset} is unchanged and HEAD is already on ${options.remote}/${options.branch}`);
    return { committed: false, files: 0, commit: null, pushed: false, attempts: 0 };
  } else {
    log(`${dataset} is unchanged, but HEAD has commits ${options.remote}/${options.branch} lacks: pushing them`);
  }

  const target = `HEAD:refs/heads/${options.branch}`;
  const tries = options.retries + 1;
  for (let attempt = 1; ; attempt++) {
    const push = await tryGit(['push', '--porcelain', options.remote, target], { cwd });
    if (push.code === 0) {
      const commit = (await git(['rev-parse', 'HEAD'], { cwd })).trim();
      log(`pushed ${commit.slice(0, 12)} to ${options.remote}/${options.branch}${attempt > 1 ? ` (attempt ${attempt} of ${tries})` : ''}`);
      return { committed, files: changed.length, commit, pushed: true, attempts: attempt };
    }
    const why = pushFailure(push);
    if (why === 'refused') {
      throw new PublishError('rejected', `${options.remote} refused the push to ${options.branch} (not a race, so not retried): ${lastLines(push)}`);
    }
    if (attempt >= tries) {
      throw new PublishError(
        'exhausted',
        `gave up after ${tries} pushes to ${options.remote}/${options.branch}: ${why === 'race' ? 'the branch kept moving' : 'the remote kept failing'} (${lastLines(push)}); ` +
          `nothing was forced, the local commit is kept`,
      );
    }
    const ms = backoff(attempt);
    log(`push ${attempt} of ${tries} ${why === 'race' ? `lost a race (${options.remote}/${options.branch} moved)` : 'failed'}; retrying in ${ms} ms`);
    await wait(ms);
    if (why === 'race') await rebaseOnto(cwd, options.remote, options.branch, log);
  }
}

/** The dataset directory (git's cwd) relative to the repository root. */
async function datasetFolder(cwd: string): Promise<string> {
  const prefix = (await git(['rev-parse', '--show-prefix'], { cwd })).trim().replace(/\/$/, '');
  // The whole working tree would sweep code into a data commit.
  if (!prefix) throw new PublishError('outside', `the dataset directory ${cwd} must be a folder inside the repository, not its root`);
  return prefix;
}

async function changedFiles(cwd: string, pathspec: string[]): Promise<string[]> {
  const out = await git(['status', '--porcelain=v1', '-z', '--untracked-files=all', '--', ...pathspec], { cwd });
  // -z records: "XY path\0", renames add "orig\0" after; only the paths count here.
  const files: string[] = [];
  const records = out.split('\0');
  for (let i = 0; i < records.length; i++) {
    const record = records[i]!;
    if (record.length < 4) continue;
    files.push(record.slice(3));
    if (record[0] === 'R' || record[0] === 'C') i++;
  }
  return files;
}

/** The commit must hold data only: something else staged (by hand, by a step) is refused, not published. */
async function refuseForeignStaged(cwd: string, root: string): Promise<void> {
  const staged = (await git(['diff', '--cached', '--name-only', '-z'], { cwd })).split('\0').filter(Boolean);
  const foreign = staged.filter((file) => file !== root && !file.startsWith(`${root}/`));
  if (foreign.length) {
    throw new PublishError('outside', `refusing to commit: files outside ${root}/ are staged (${foreign.slice(0, 5).join(', ')}${foreign.length > 5 ? ', …' : ''})`);
  }
}

async function aheadOfRemote(cwd: string, remote: string, branch: string): Promise<boolean> {
  const count = await tryGit(['rev-list', '--count', `refs/remotes/${remote}/${branch}..HEAD`], { cwd });
  // Without a remote-tracking branch we cannot tell: pushing is then the safe way to find out.
  if (count.code !== 0) return true;
  return Number(count.stdout.trim()) > 0;
}

/**
 * Why a push failed. `race`: the branch moved under us (rejected as non-fast-forward, or the
 * remote's ref changed between its advertisement and our update). `transient`: the connection.
 * `refused`: anything else the remote decided (hooks, protection, permissions) — retrying cannot help.
 */
function pushFailure(result: GitResult): 'race' | 'transient' | 'refused' {
  const text = `${result.stdout}\n${result.stderr}`;
  if (/\[rejected\].*\((fetch first|non-fast-forward|stale info)\)|cannot lock ref|failed to update ref|incorrect old value/i.test(text)) return 'race';
  if (/could not resolve host|connection (timed out|reset|refused)|early EOF|RPC failed|unexpected disconnect|HTTP 5\d\d|The requested URL returned error: 5\d\d/i.test(text)) return 'transient';
  return 'refused';
}

/** `git pull --rebase`; on a conflict, abort the rebase (leaving HEAD and the tree as they were) and fail. */
async function rebaseOnto(cwd: string, remote: string, branch: string, log: (line: string) => void): Promise<void> {
  const pull = await tryGit(['pull', '--rebase', '--no-autostash', remote, branch], { cwd });
  if (pull.code === 0) {
    log(`rebased onto ${remote}/${branch}`);
    return;
  }
  if (await rebaseInProgress(cwd)) {
    const conflicted = (await git(['diff', '--name-only', '--diff-filter=U'], { cwd })).trim().split('\n').filter(Boolean);
    await git(['rebase', '--abort'], { cwd });
    const head = (await git(['rev-parse', '--short=12', 'HEAD'], { cwd })).trim();
    throw new PublishError(
      'conflict',
      `rebase onto ${remote}/${branch} conflicts in ${conflicted.join(', ') || 'the dataset'}: rebase aborted, nothing pushed, ` +
        `${remote}/${branch} is untouched and the local commit ${head} is kept; the next run starts again from ${remote}/${branch}`,
    );
  }
  throw new PublishError('git', `git pull --rebase ${remote} ${branch} failed: ${lastLines(pull)}`);
}

async function rebaseInProgress(cwd: string): Promise<boolean> {
  for (const name of ['rebase-merge', 'rebase-apply']) {
    const path = (await git(['rev-parse', '--git-path', name], { cwd })).trim();
    if (existsSync(isAbsolute(path) ? path : join(cwd, path))) return true;
  }
  return false;
}

/** What git and the remote said about a failure, on one line: the remote's own words first. */
function lastLines(result: GitResult): string {
  const lines = `${result.stderr}\n${result.stdout}`.split('\n').map((l) => l.trim()).filter(Boolean);
  const said = lines.filter((l) => /^(remote:|!|error:|fatal:)/.test(l) && !/^remote:\s*$/.test(l));
  return (said.length ? said : lines).slice(0, 5).join(' / ') || `exit ${result.code}`;
}
