/**
 * `defineCommand`: a command declares its options and arguments once, and gets from that one
 * declaration its parser, its checks (required options, integers and their range, dates, choices,
 * the number of arguments), its `--help`, and the synopsis the README reference is generated from.
 * Every usage error is one line on stderr and exit 64, before the command does anything.
 */
import { parseArgs } from 'node:util';
import { isCalendarDate } from '../store/paths.ts';
import { formWords, renderHelp } from './help.ts';
import { EXIT, type ArgumentSpec, type Command, type DeclaredOption, type FormSpec, type IntegerOption, type OptionSpec } from './types.ts';

/** Thrown by a command (or its parser) for a usage error: printed as one line, exit 64. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

type Given<S> = S extends { default: unknown } | { required: true } ? never : undefined;

/** The parsed value of one declared option. */
export type OptionValue<S extends OptionSpec> = S extends { type: 'boolean' }
  ? boolean
  : S extends { multiple: true }
    ? string[]
    : S extends { type: 'integer' }
      ? number | Given<S>
      : string | Given<S>;

export type OptionValues<O extends Record<string, OptionSpec>> = { -readonly [K in keyof O]: OptionValue<O[K]> };

export interface Invocation<O extends Record<string, OptionSpec>> {
  options: OptionValues<O>;
  /** Positional arguments, as many as the chosen form declares. */
  args: string[];
}

export interface CommandDefinition<O extends Record<string, OptionSpec>> {
  name: string;
  summary: string;
  /** Paragraphs before the option list; the first is the README's description. */
  description: readonly string[];
  options: O;
  /** Positional arguments of a command with one form. */
  args?: readonly ArgumentSpec[];
  /** Several ways to call it; replaces `args`. */
  forms?: readonly FormSpec[];
  /** Paragraphs after the option list (exit status, environment). */
  notes?: readonly string[];
  run(invocation: Invocation<O>): Promise<number>;
}

export function defineCommand<const O extends Record<string, OptionSpec>>(definition: CommandDefinition<O>): Command {
  const options: DeclaredOption[] = Object.entries(definition.options).map(([name, spec]) => ({ name, spec }));
  const forms: readonly FormSpec[] = definition.forms ?? [{ args: definition.args ?? [] }];
  const usage = renderHelp({ name: definition.name, forms, description: definition.description, options, notes: definition.notes ?? [] });
  return {
    name: definition.name,
    summary: definition.summary,
    usage,
    synopsis: forms.map((form) => [definition.name, ...formWords(form, options)].join(' ')),
    description: definition.description,
    options,
    forms,
    async run(argv) {
      try {
        const parsed = parse(definition.name, options, forms, argv);
        if (parsed === 'help') {
          process.stdout.write(`${usage}\n`);
          return EXIT.ok;
        }
        return await definition.run(parsed as Invocation<O>);
      } catch (error) {
        if (!(error instanceof UsageError)) throw error;
        console.error(`podium ${definition.name}: ${error.message}`);
        return EXIT.usage;
      }
    },
  };
}

/** Reads argv against the declaration: `'help'` when help was asked for, else the checked values. */
export function parse(
  command: string,
  declared: readonly DeclaredOption[],
  forms: readonly FormSpec[],
  argv: string[],
): 'help' | { options: Record<string, unknown>; args: string[] } {
  const seeHelp = `(see podium ${command} --help)`;
  const config = Object.fromEntries([
    ...declared.map((o) => [o.name, { type: o.spec.type === 'boolean' ? 'boolean' : 'string', multiple: o.spec.type === 'string' && o.spec.multiple === true }] as const),
    ['help', { type: 'boolean', short: 'h' }] as const,
  ]);
  // Not strict: unknown options come back as tokens, so the error below can be worded here.
  const { tokens } = parseArgs({ args: argv, options: config, allowPositionals: true, strict: false, tokens: true });
  if (tokens.some((t) => t.kind === 'option' && t.name === 'help')) return 'help';

  const byName = new Map(declared.map((o) => [o.name, o.spec]));
  const raw = new Map<string, string[]>();
  const flags = new Set<string>();
  const args: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') args.push(token.value);
    if (token.kind !== 'option') continue;
    const spec = byName.get(token.name);
    if (!spec) throw new UsageError(`unknown option '${token.rawName}' ${seeHelp}`);
    if (spec.type === 'boolean') {
      if (token.inlineValue) throw new UsageError(`--${token.name} takes no value`);
      flags.add(token.name);
      continue;
    }
    if (token.value === undefined) throw new UsageError(`--${token.name} wants a value (<${spec.value}>)`);
    raw.set(token.name, [...(raw.get(token.name) ?? []), token.value]);
  }

  const form = forms.find((f) => f.flag !== undefined && flags.has(f.flag)) ?? forms.find((f) => f.flag === undefined) ?? forms[0]!;
  const options: Record<string, unknown> = {};
  for (const { name, spec } of declared) {
    const given = raw.get(name);
    if (spec.type === 'boolean') {
      options[name] = flags.has(name);
    } else if (spec.type === 'string' && spec.multiple) {
      options[name] = given ?? [];
    } else if (given === undefined) {
      if ('required' in spec && spec.required) throw new UsageError(`--${name} <${spec.value}> is required`);
      options[name] = 'default' in spec ? spec.default : undefined;
    } else {
      // The last of a repeated single-value option wins, as in most command lines.
      options[name] = checked(name, spec, given.at(-1)!, form.choices?.[name]);
    }
  }
  checkArgs(form, args, seeHelp);
  return { options, args };
}

function checked(name: string, spec: Exclude<OptionSpec, { type: 'boolean' }>, value: string, choices?: readonly string[]): string | number {
  const flag = `--${name}`;
  if (spec.type === 'integer') return integer(flag, spec, value);
  if (spec.type === 'date') {
    if (!isCalendarDate(value)) throw new UsageError(`${flag} wants YYYY-MM-DD, got "${value}"`);
    return value;
  }
  const allowed = choices ?? spec.choices;
  if (allowed && !allowed.includes(value)) throw new UsageError(`${flag} wants ${list(allowed)}, got "${value}"`);
  return value;
}

function integer(flag: string, spec: IntegerOption, value: string): number {
  const n = /^-?\d+$/.test(value) ? Number(value) : NaN;
  const { min, max } = spec;
  if (Number.isSafeInteger(n) && (min === undefined || n >= min) && (max === undefined || n <= max)) return n;
  const wanted =
    min !== undefined && max !== undefined ? `an integer from ${min} to ${max}`
    : min === 1 ? 'a positive integer'
    : min !== undefined ? `an integer of ${min} or more`
    : max !== undefined ? `an integer of ${max} or less`
    : 'an integer';
  throw new UsageError(`${flag} wants ${wanted}, got "${value}"`);
}

function checkArgs(form: FormSpec, args: readonly string[], seeHelp: string): void {
  const fixed = form.args.filter((a) => !a.repeat).length;
  const repeats = form.args.some((a) => a.repeat);
  if (args.length < form.args.length || (!repeats && args.length > fixed)) {
    const extra = args[form.args.length];
    if (extra !== undefined) throw new UsageError(`unexpected argument '${extra}' ${seeHelp}`);
    const wanted = form.args.map((a) => (a.repeat ? `<${a.name}>...` : `<${a.name}>`)).join(' ');
    throw new UsageError(`${form.flag ? `--${form.flag} ` : ''}expects ${wanted} ${seeHelp}`);
  }
}

function list(words: readonly string[]): string {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}
