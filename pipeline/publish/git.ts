/**
 * Git, run as a child process with an argument list — never through a shell, so nothing in a
 * commit message, a path or a branch name can be read as shell syntax.
 */
import { spawn } from 'node:child_process';

/** What a git command printed, and how it ended. */
export interface GitResult {
  /** 0 on success. */
  code: number;
  stdout: string;
  stderr: string;
}

/** A git command that exited non-zero. */
export class GitError extends Error {
  override readonly name = 'GitError';
  constructor(
    readonly args: readonly string[],
    readonly result: GitResult,
  ) {
    super(`git ${args.join(' ')} exited ${result.code}: ${(result.stderr || result.stdout).trim()}`);
  }
}

export interface GitOptions {
  /** The working tree (or bare repository) to run in. */
  cwd: string;
  /** Written to the command's stdin (a commit message with `-F -`). */
  input?: string;
}

/** Commit messages and porcelain listings of a large backfill are big, but not unbounded. */
const MAX_BUFFER = 64 * 1024 * 1024;

/**
 * Runs `git <args>` and resolves to its output whatever the exit code; callers that must not go on
 * after a failure use {@link git}.
 *
 * @example
 * const { code, stderr } = await tryGit(['push', 'origin', 'HEAD:refs/heads/main'], { cwd });
 */
export function tryGit(args: readonly string[], options: GitOptions): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, {
      cwd: options.cwd,
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      // Never stop to ask for credentials or an editor: CI has no one to answer. English messages,
      // because push failures are told apart by what git says.
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_EDITOR: 'true', LC_ALL: 'C' },
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let size = 0;
    const collect = (into: Buffer[]) => (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BUFFER) child.kill();
      else into.push(chunk);
    };
    child.stdout!.on('data', collect(stdout));
    child.stderr!.on('data', collect(stderr));
    child.on('error', reject); // git could not be started (ENOENT)
    child.on('close', (code, signal) => {
      if (size > MAX_BUFFER) reject(new Error(`git ${args.join(' ')}: more than ${MAX_BUFFER} bytes of output`));
      else resolve({ code: code ?? (signal ? 128 : 1), stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') });
    });
    if (child.stdin) {
      // git may exit before reading all of stdin (an error); its exit code tells, not EPIPE.
      child.stdin.on('error', () => {});
      child.stdin.end(options.input);
    }
  });
}

/**
 * Runs `git <args>` and resolves to its stdout.
 *
 * @throws GitError when git exits non-zero.
 * @example
 * const head = (await git(['rev-parse', 'HEAD'], { cwd })).trim();
 */
export async function git(args: readonly string[], options: GitOptions): Promise<string> {
  const result = await tryGit(args, options);
  if (result.code !== 0) throw new GitError(args, result);
  return result.stdout;
}
