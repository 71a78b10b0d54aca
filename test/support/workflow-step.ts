/**
 * A workflow step's own shell script, run as Actions runs it (bash -eo pipefail), with `npm`
 * replaced by a stub that runs the real CLI for every command but `run`, whose argv it records.
 */
import { execFile } from 'node:child_process';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Runs one step's script as Actions does (bash -eo pipefail), with `npm` stubbed. */
export function stepRunner(tempDir: () => Promise<string>) {
  return async (script: string, env: Record<string, string>): Promise<{ outputs: string; argv: string[] | null }> => {
    const dir = await tempDir();
    const bin = join(dir, 'bin');
    await mkdir(bin);
    // `npm run --silent podium -- <args>`: drop the four npm words.
    await writeFile(
      join(bin, 'npm'),
      `#!/bin/bash\nshift 4\nif [ "$1" = run ]; then printf '%s\\n' "$@" > "$ARGV_FILE"; exit 0; fi\nexec "${ROOT}node_modules/.bin/tsx" "${ROOT}pipeline/cli.ts" "$@"\n`,
    );
    await chmod(join(bin, 'npm'), 0o755);
    const files = { GITHUB_OUTPUT: join(dir, 'outputs'), ARGV_FILE: join(dir, 'argv'), RUNNER_TEMP: join(dir, 'runner') };
    await writeFile(files.GITHUB_OUTPUT, '');
    await mkdir(files.RUNNER_TEMP);
    await run('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], {
      cwd: dir,
      env: { PATH: `${bin}:${process.env['PATH']}`, HOME: dir, ...files, ...env },
    });
    const argv = await readFile(files.ARGV_FILE, 'utf8').then((t) => t.trimEnd().split('\n').slice(1), () => null);
    return { outputs: await readFile(files.GITHUB_OUTPUT, 'utf8'), argv };
  };
}
