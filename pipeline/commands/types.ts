/**
 * The vocabulary of the command line: how a command declares its options and arguments
 * (read by `defineCommand`, which parses, checks and documents them), and the `Command` shape
 * pipeline/cli.ts dispatches, `--help` prints and the README reference is generated from.
 */

interface OptionBase {
  /** One sentence for `--help`; "(default: …)" is added from `default` unless it says already. */
  description: string;
}

/** `--json`: present or not. */
export interface FlagOption extends OptionBase {
  type: 'boolean';
}

/** `--out <dir>`: any text, or one of `choices`. */
export interface StringOption extends OptionBase {
  type: 'string';
  /** The placeholder in usage lines: `dir` prints `--out <dir>`. */
  value: string;
  default?: string;
  required?: boolean;
  /** May be given several times; the value is then every one, in order. */
  multiple?: boolean;
  choices?: readonly string[];
}

/** `--limit <n>`: a whole number, checked against `min` and `max`. */
export interface IntegerOption extends OptionBase {
  type: 'integer';
  value: string;
  default?: number;
  required?: boolean;
  min?: number;
  max?: number;
}

/** `--since <date>`: a calendar date written YYYY-MM-DD. */
export interface DateOption extends OptionBase {
  type: 'date';
  value: string;
  required?: boolean;
}

export type OptionSpec = FlagOption | StringOption | IntegerOption | DateOption;

/** A positional argument: `<file-or-url>`; `repeat` takes one or more (`<dir>...`). */
export interface ArgumentSpec {
  name: string;
  repeat?: boolean;
}

/**
 * One way to call a command, for commands with several (`diff <id>` and `diff --dataset <dirA>
 * <dirB>`): chosen when its `flag` is given, else the form without a flag.
 */
export interface FormSpec {
  /** The boolean option that selects this form. */
  flag?: string;
  args: readonly ArgumentSpec[];
  /** Options shown in this form's usage line, in order (default: all). */
  options?: readonly string[];
  /** Narrower choices for a string option in this form. */
  choices?: Readonly<Record<string, readonly string[]>>;
}

/** An option as a command declared it, for `--help`, the generated reference and the tests. */
export interface DeclaredOption {
  name: string;
  spec: OptionSpec;
}

/** The shape of a CLI command; pipeline/cli.ts registers objects of this shape. */
export interface Command {
  /** The subcommand: `podium <name>`. */
  name: string;
  /** One line for `podium --help`. */
  summary: string;
  /** Full help text, printed by `podium <name> --help`. */
  usage: string;
  /** Each way to call it, without `podium `: `extract <file-or-url> [--agency <id>] …`. */
  synopsis: readonly string[];
  /** What it does, one paragraph per entry: the help text before the options. */
  description: readonly string[];
  /** Its options in help order (`--help` itself not included). */
  options: readonly DeclaredOption[];
  /** Each way to call it, as declared (one form without a flag for most commands). */
  forms: readonly FormSpec[];
  /** Runs the command with the arguments after its name; resolves to the process exit code. */
  run(argv: string[]): Promise<number>;
}

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, fatal: 1, partial: 2, usage: 64 } as const;
