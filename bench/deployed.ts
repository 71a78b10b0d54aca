/**
 * The site build exactly as pages.yml runs it: the `podium … site …` line of its build job, read
 * from the workflow file itself (so the bench cannot drift from what is deployed), with the
 * runner's variables replaced by stand-ins and the dataset and site directories pointed at the
 * bench's own.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { ROOT } from './measure.ts';

/** What the workflow's shell would substitute on a runner. */
const RUNNER: Record<string, string> = {
  BASE_PATH: '/podium',
  GITHUB_REPOSITORY: 'owner/podium',
  '$(git rev-parse HEAD)': '0123456789abcdef0123456789abcdef01234567',
};

interface Step {
  run?: string;
}

/** Splits one shell command line into words: quotes and `\`-newlines, `$VAR` and `$(…)` from RUNNER. */
export function shellWords(line: string): string[] {
  const text = line.replace(/\\\n/g, ' ').replace(/\$\(git rev-parse HEAD\)/g, RUNNER['$(git rev-parse HEAD)']!).replace(/\$\{?([A-Z_]+)\}?/g, (m, name: string) => {
    const value = RUNNER[name];
    if (value === undefined) throw new Error(`bench: pages.yml uses ${m}, which the bench has no stand-in for`);
    return value;
  });
  const words: string[] = [];
  for (const m of text.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g)) words.push(m[1] ?? m[2] ?? m[3]!);
  return words;
}

/** The arguments pages.yml gives `podium site`, with --out, --dest and --assets (when given) replaced by the bench's. */
export function deployedSiteArgs(out: string, dest: string, assets: string, workflow = readFileSync(new URL('.github/workflows/pages.yml', `file://${ROOT}`), 'utf8')): string[] {
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
  return args;
}
