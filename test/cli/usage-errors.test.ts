/**
 * Every command's usage errors, generated from its own declaration (so a new option is covered
 * the day it is declared): an unknown option, an option without its value, a value of the wrong
 * shape, a missing required option, a wrong number of arguments. Each is one line on stderr,
 * nothing on stdout, exit 64, and the command does nothing. `--help` lists what was declared.
 */
import { describe, expect, it } from 'vitest';
import { main, COMMANDS } from '../../pipeline/cli.ts';
import { parse } from '../../pipeline/commands/define.ts';
import type { Command, DeclaredOption, OptionSpec } from '../../pipeline/commands/types.ts';
import { capture } from './capture.ts';

interface Case {
  argv: string[];
  /** The one line the command prints, after `podium <name>: `. */
  message: string | RegExp;
}

/** A value each option type accepts. */
function valid(spec: OptionSpec): string | null {
  if (spec.type === 'boolean') return null;
  if (spec.type === 'integer') return String(spec.min ?? 1);
  if (spec.type === 'date') return '2022-03-04';
  return spec.choices?.[0] ?? 'x';
}

/** The required options, each with a value it accepts: the base every case adds one fault to. */
function requiredArgv(command: Command, except?: string): string[] {
  return command.options
    .filter((o) => 'required' in o.spec && o.spec.required && o.name !== except)
    .flatMap((o) => [`--${o.name}`, valid(o.spec)!]);
}

function optionCases(command: Command, option: DeclaredOption): Case[] {
  const base = requiredArgv(command, option.name);
  const flag = `--${option.name}`;
  const { spec } = option;
  if (spec.type === 'boolean') return [{ argv: [...base, `${flag}=yes`], message: `${flag} takes no value` }];
  const cases: Case[] = [{ argv: [...base, flag], message: `${flag} wants a value (<${spec.value}>)` }];
  if (spec.type === 'integer') {
    cases.push({ argv: [...base, flag, 'ten'], message: new RegExp(`^${flag} wants (a|an) [a-z0-9 ]*integer[a-z0-9 ]*, got "ten"$`) });
    if (spec.min !== undefined) cases.push({ argv: [...base, flag, String(spec.min - 1)], message: new RegExp(`^${flag} wants .*, got "${spec.min - 1}"$`) });
    if (spec.max !== undefined) cases.push({ argv: [...base, flag, String(spec.max + 1)], message: new RegExp(`^${flag} wants .*, got "${spec.max + 1}"$`) });
  }
  if (spec.type === 'date') {
    for (const bad of ['2022-02-30', '2022-3-4', 'March 4, 2022']) cases.push({ argv: [...base, flag, bad], message: `${flag} wants YYYY-MM-DD, got "${bad}"` });
  }
  if (spec.type === 'string' && spec.choices) cases.push({ argv: [...base, flag, 'bogus'], message: `${flag} wants ${spec.choices.slice(0, -1).join(', ')} or ${spec.choices.at(-1)}, got "bogus"` });
  if ('required' in spec && spec.required) cases.push({ argv: base, message: `${flag} <${spec.value}> is required` });
  return cases;
}

function cases(command: Command): [string, Command, Case][] {
  const all: Case[] = [
    { argv: ['--no-such-option'], message: `unknown option '--no-such-option' (see podium ${command.name} --help)` },
    ...command.options.flatMap((o) => optionCases(command, o)),
  ];
  for (const form of command.forms) {
    const select = form.flag ? [`--${form.flag}`] : [];
    const base = [...requiredArgv(command), ...select];
    const seeHelp = `(see podium ${command.name} --help)`;
    if (form.args.length === 0) {
      all.push({ argv: [...base, 'stray'], message: `unexpected argument 'stray' ${seeHelp}` });
      continue;
    }
    const wanted = form.args.map((a) => (a.repeat ? `<${a.name}>...` : `<${a.name}>`)).join(' ');
    all.push({ argv: base, message: `${form.flag ? `--${form.flag} ` : ''}expects ${wanted} ${seeHelp}` });
    if (!form.args.some((a) => a.repeat)) {
      all.push({ argv: [...base, ...form.args.map((a) => a.name), 'stray'], message: `unexpected argument 'stray' ${seeHelp}` });
    }
  }
  return all.map((c) => [`podium ${command.name} ${c.argv.join(' ')}`.trimEnd(), command, c]);
}

describe('usage errors', () => {
  it.each(COMMANDS.flatMap(cases))('%s: one line, exit 64', async (_name, command, { argv, message }) => {
    const { code, stdout, stderr } = await capture(() => command.run(argv));
    expect(stdout).toBe('');
    expect(stderr, stderr.join('\n')).toHaveLength(1);
    const prefix = `podium ${command.name}: `;
    expect(stderr[0]!.startsWith(prefix), stderr[0]).toBe(true);
    const text = stderr[0]!.slice(prefix.length);
    if (typeof message === 'string') expect(text).toBe(message);
    else expect(text).toMatch(message);
    expect(code).toBe(64);
  });

  it('an unknown command is one line and exit 64', async () => {
    const { code, stdout, stderr } = await capture(() => main(['scrape']));
    expect(code).toBe(64);
    expect(stdout).toBe('');
    expect(stderr).toEqual(['podium: unknown command "scrape" (see podium --help)']);
  });

  it('takes the last of a repeated single option, and every value of a repeatable one', () => {
    const run = COMMANDS.find((c) => c.name === 'run')!;
    const parsed = parse('run', run.options, [{ args: [] }], ['--limit', '3', '--limit', '5', '--agency', 'state', '--agency', 'defense']);
    expect(parsed).not.toBe('help');
    expect(parsed).toMatchObject({ options: { limit: 5, agency: ['state', 'defense'], out: 'output' }, args: [] });
  });

  it('chooses the form by its flag, with its own narrower choices', async () => {
    const diff = COMMANDS.find((c) => c.name === 'diff')!;
    const html = await capture(() => diff.run(['--dataset', 'a', 'b', '--format', 'html']));
    expect(html.stderr).toEqual(['podium diff: --format wants text or json, got "html"']);
    const missing = await capture(() => diff.run(['--dataset', 'a']));
    expect(missing.stderr).toEqual(['podium diff: --dataset expects <dirA> <dirB> (see podium diff --help)']);
  });
});

describe('--help', () => {
  it.each(COMMANDS.map((c) => [c.name, c] as const))('%s --help lists every declared option and its default', async (_name, command) => {
    const { code, stdout } = await capture(() => command.run(['--help']));
    expect(code).toBe(0);
    expect(stdout).toBe(`${command.usage}\n`);
    for (const { name, spec } of command.options) {
      expect(stdout).toContain(`--${name}`);
      if ('default' in spec && spec.default !== undefined) expect(stdout, `--${name}`).toMatch(new RegExp(`default:? ${String(spec.default)}|\\(default`));
    }
    // The synopsis the README reference shows is the usage line, unwrapped.
    for (const form of command.synopsis) expect(stdout.replace(/\n\s+/g, ' ')).toContain(`podium ${form}`);
  });
});
