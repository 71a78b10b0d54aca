/**
 * The site build exactly as pages.yml runs it: the `podium … site …` line of its build job, read
 * from the workflow file itself (so the bench cannot drift from what is deployed), expanded by bash
 * with stand-ins for the runner's variables, and the dataset, site and assets directories pointed
 * at the bench's own.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { ROOT } from './measure.ts';

/** What the runner's environment holds when the step runs (configure-pages' outputs included). */
const RUNNER: Record<string, string> = {
  BASE_PATH: '/podium',
  SITE_URL: 'https://owner.github.io/podium',
  GITHUB_REPOSITORY: 'owner/podium',
  GITHUB_REPOSITORY_OWNER: 'owner',
};
const COMMIT = '0123456789abcdef0123456789abcdef01234567';

interface Step {
  run?: string;
}

/** The words bash makes of the arguments after `podium --`, expanded in the runner's environment. */
export function shellWords(line: string): string[] {
  // set -u: a variable the runner has that RUNNER lacks fails here instead of expanding to nothing.
  const script = `set -u; ${line.replace(/\$\(git rev-parse HEAD\)/g, COMMIT).replace(/^.*?\bpodium --\s/, 'printf "%s\\0" ')}`;
  const out = spawnSync('bash', ['-c', script], { env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', ...RUNNER }, encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`bench: could not expand pages.yml's site command: ${out.stderr}`);
  return out.stdout.split('\0').slice(0, -1);
}

/** The arguments pages.yml gives `podium site`, with --out, --dest, --assets and --assets-cache (when given) replaced by the bench's. */
export function deployedSiteArgs(out: string, dest: string, assets: string, cache = `${assets}.cache`, workflow = readFileSync(new URL('.github/workflows/pages.yml', `file://${ROOT}`), 'utf8')): string[] {
  const jobs = (parse(workflow) as { jobs: Record<string, { steps?: Step[] }> }).jobs;
  const lines = Object.values(jobs)
    .flatMap((j) => j.steps ?? [])
    .flatMap((s) => (s.run ?? '').replace(/\\\n/g, ' ').split('\n'))
    .filter((l) => /\bpodium\b.*\bsite\b/.test(l));
  if (lines.length !== 1) throw new Error(`bench: expected one \`podium site\` line in pages.yml, found ${lines.length}`);
  const words = shellWords(lines[0]!);
  const args = words.slice(words.indexOf('site'));
  const set = (name: string, value: string) => {
    const at = args.indexOf(name);
    if (at >= 0) args[at + 1] = value;
    else args.push(name, value);
  };
  set('--out', out);
  set('--dest', dest);
  if (args.includes('--assets')) set('--assets', assets);
  if (args.includes('--assets-cache')) set('--assets-cache', cache);
  return args;
}
