/**
 * Real git repositories for publish tests: a bare repository on disk plays GitHub, clones play the
 * Actions runner and whoever else pushes to main. The remote refuses non-fast-forward updates and
 * logs every ref update, so a test can prove nothing was ever forced.
 */
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { git, tryGit } from '../../pipeline/publish/git.ts';

/**
 * Keeps the developer's own git configuration (signing, hooks path, default branch) out of the
 * tests, for the whole test file.
 */
export function useGitSandbox(): void {
  const saved: Record<string, string | undefined> = {};
  const sandbox = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
  beforeAll(() => {
    for (const [k, v] of Object.entries(sandbox)) {
      saved[k] = process.env[k];
      process.env[k] = v;
    }
  });
  afterAll(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });
}

export interface Remote {
  /** The bare repository. */
  bare: string;
  /** Clones it into `<root>/<name>` with a local identity `<name>`. */
  clone(name: string): Promise<string>;
}

/**
 * A bare remote whose `main` holds one commit (a README and an empty dataset folder).
 */
export async function makeRemote(root: string): Promise<Remote> {
  const bare = join(root, 'remote.git');
  await git(['init', '--quiet', '--bare', '--initial-branch=main', bare], { cwd: root });
  // A force push would be refused here; and every update of main is logged for the tests to read.
  await git(['config', 'receive.denyNonFastForwards', 'true'], { cwd: bare });
  await git(['config', 'core.logAllRefUpdates', 'always'], { cwd: bare });
  const clone = async (name: string) => {
    const dir = join(root, name);
    await git(['clone', '--quiet', bare, dir], { cwd: root });
    await git(['config', 'user.name', name], { cwd: dir });
    await git(['config', 'user.email', `${name}@example.test`], { cwd: dir });
    return dir;
  };
  const seed = await clone('seed');
  await writeFile(join(seed, 'README.md'), '# dataset\n');
  await mkdir(join(seed, 'output'), { recursive: true });
  await writeFile(join(seed, 'output', '.gitkeep'), '');
  await git(['add', '--all'], { cwd: seed });
  await git(['commit', '--quiet', '-m', 'initial'], { cwd: seed });
  await git(['push', '--quiet', 'origin', 'HEAD:refs/heads/main'], { cwd: seed });
  return { bare, clone };
}

/** Writes a file in a clone, commits it and pushes main. */
export async function pushFile(repo: string, path: string, content: string, message: string): Promise<string> {
  await mkdir(dirname(join(repo, path)), { recursive: true });
  await writeFile(join(repo, path), content);
  await git(['add', '--', path], { cwd: repo });
  await git(['commit', '--quiet', '-m', message], { cwd: repo });
  await git(['push', '--quiet', 'origin', 'HEAD:refs/heads/main'], { cwd: repo });
  return (await git(['rev-parse', 'HEAD'], { cwd: repo })).trim();
}

export interface LoggedCommit {
  sha: string;
  parents: string[];
  subject: string;
  body: string;
  author: string;
  files: string[];
}

/** The history of `ref`, newest first, with each commit's changed files. */
export async function history(repo: string, ref = 'main'): Promise<LoggedCommit[]> {
  const raw = await git(['log', '--format=%x1e%H%x1f%P%x1f%an%x1f%s%x1f%b%x1f', '--name-only', ref], { cwd: repo });
  return raw
    .split('\x1e')
    .filter(Boolean)
    .map((chunk) => {
      const [sha = '', parents = '', author = '', subject = '', body = '', files = ''] = chunk.split('\x1f');
      return { sha, parents: parents.split(' ').filter(Boolean), author, subject, body: body.trim(), files: files.split('\n').filter(Boolean) };
    });
}

/** Every update of `main` the remote logged, oldest first: [old, new] pairs. */
export async function refUpdates(bare: string): Promise<[string, string][]> {
  const log = await readFile(join(bare, 'logs', 'refs', 'heads', 'main'), 'utf8');
  return log
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split(' ').slice(0, 2) as [string, string]);
}

/** Whether `ancestor` is an ancestor of (or equal to) `descendant`. */
export async function isAncestor(repo: string, ancestor: string, descendant: string): Promise<boolean> {
  return (await tryGit(['merge-base', '--is-ancestor', ancestor, descendant], { cwd: repo })).code === 0;
}

/** Installs an executable hook script in a repository (`.git/hooks` of a clone, `hooks` of a bare one). */
export async function installHook(gitDir: string, name: string, script: string): Promise<void> {
  const path = join(gitDir, 'hooks', name);
  await writeFile(path, `#!/bin/sh\n${script}\n`);
  await chmod(path, 0o755);
}
