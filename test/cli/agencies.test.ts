/**
 * `podium agencies`, and `podium extract` choosing the adapter by the page's host when no
 * --agency is given. In-process: the commands are plain functions returning exit codes.
 */
import { describe, expect, it } from 'vitest';
import { agenciesCommand } from '../../pipeline/commands/agencies.ts';
import { extractCommand } from '../../pipeline/commands/extract.ts';
import { FIXTURES } from '../support/fixtures.ts';
import { capture } from './capture.ts';

describe('podium agencies', () => {
  it('lists every adapter with its origins, the primary first', async () => {
    const { code, stdout } = await capture(() => agenciesCommand.run([]));
    expect(code).toBe(0);
    expect(stdout).toContain('defense  U.S. Department of Defense\n  www  https://www.defense.gov  (primary)\n  war  https://www.war.gov');
    expect(stdout).toContain('state  U.S. Department of State\n  www      https://www.state.gov  (primary)\n  archive  https://2021-2025.state.gov');
    expect(stdout).toContain('whitehouse  The White House\n  www      https://www.whitehouse.gov  (primary)\n  archive  https://bidenwhitehouse.archives.gov');
    expect(stdout).toContain('discovery: sitemap-index /sitemap_index.xml; listing /briefings-statements/ (on www)');
  });

  it('--json gives ids, names, origins and channels', async () => {
    const { stdout } = await capture(() => agenciesCommand.run(['--json']));
    const list = JSON.parse(stdout) as { id: string; origins: { name: string; url: string }[] }[];
    expect(list.map((a) => a.id)).toEqual(['defense', 'state', 'whitehouse']);
    expect(list[0]!.origins).toEqual([{ name: 'www', url: 'https://www.defense.gov' }, { name: 'war', url: 'https://www.war.gov' }]);
  });
});

describe('podium agencies --matrix', () => {
  it('prints one line of JSON, one job per host of the agencies given', async () => {
    const { code, stdout } = await capture(() => agenciesCommand.run(['--matrix', '--agency', 'whitehouse']));
    expect(code).toBe(0);
    expect(stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(JSON.parse(stdout).include.map((j: { host: string; origins: string }) => [j.host, j.origins])).toEqual([
      ['bidenwhitehouse.archives.gov', 'whitehouse:archive=https://bidenwhitehouse.archives.gov'],
      ['www.whitehouse.gov', 'whitehouse:www=https://www.whitehouse.gov'],
    ]);
  });

  it('is a one-line usage error with --json, or for an unknown agency', async () => {
    const both = await capture(() => agenciesCommand.run(['--matrix', '--json']));
    expect(both.code).toBe(64);
    expect(both.stderr).toEqual(['podium agencies: --json and --matrix are two different outputs: give one']);
    const unknown = await capture(() => agenciesCommand.run(['--matrix', '--agency', 'nasa']));
    expect(unknown.code).toBe(64);
    expect(unknown.stderr).toEqual(['podium agencies: unknown agency "nasa" (known: defense, state, whitehouse)']);
  });
});

describe('podium extract without --agency', () => {
  const KIRBY = `${FIXTURES}defense/www/News/Transcripts/Transcript/Article/4301234/press-secretary-john-f-kirby-holds-a-press-briefing/index.html`;
  const PSAKI = `${FIXTURES}whitehouse/archive/briefing-room/press-briefings/2022/01/18/press-briefing-by-press-secretary-jen-psaki-january-18-2022/index.html`;

  it('picks the adapter by the saved page\'s canonical host', async () => {
    const { code, stdout } = await capture(() => extractCommand.run([KIRBY]));
    expect(code).toBe(0);
    expect(JSON.parse(stdout).id).toBe('defense/2026-09-15/press-secretary-john-f-kirby-holds-a-press-briefing');
  });

  it('picks it by --url, war.gov included', async () => {
    const { code, stdout } = await capture(() =>
      extractCommand.run([KIRBY, '--url', 'https://www.war.gov/News/Transcripts/Transcript/Article/4301234/press-secretary-john-f-kirby-holds-a-press-briefing/']),
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ agency: 'defense', url: expect.stringMatching(/^https:\/\/www\.war\.gov\//) });
    const wh = await capture(() => extractCommand.run([PSAKI]));
    expect(JSON.parse(wh.stdout)).toMatchObject({ id: 'whitehouse/2022-01-18/press-briefing-by-press-secretary-jen-psaki-january-18-2022' });
  });

  it('is a usage error when no adapter serves the host, or nothing names one', async () => {
    const unknown = await capture(() => extractCommand.run([KIRBY, '--url', 'https://www.example.org/x/']));
    expect(unknown.code).toBe(64);
    expect(unknown.stderr.join('\n')).toMatch(/no adapter serves www\.example\.org; give --agency/);
    const nothing = await capture(() => extractCommand.run([`${FIXTURES}state/pasted-dpb.txt`]));
    expect(nothing.code).toBe(64);
    expect(nothing.stderr.join('\n')).toMatch(/cannot tell which agency/);
  });
});
