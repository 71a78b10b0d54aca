/**
 * Help text from a command's declaration: usage lines, the description wrapped to the terminal
 * width of a man page, the option list with defaults, and closing notes. The same usage lines,
 * unwrapped, are the synopsis the README reference shows.
 */
import type { ArgumentSpec, DeclaredOption, FormSpec, OptionSpec } from './types.ts';

/** Help text is wrapped at this column, as the hand-written help was. */
export const WIDTH = 88;

/** `<dir>`, or `text|json|html` for a string option with choices. */
export function placeholder(spec: OptionSpec, choices?: readonly string[]): string | null {
  if (spec.type === 'boolean') return null;
  const allowed = choices ?? (spec.type === 'string' ? spec.choices : undefined);
  return allowed ? allowed.join('|') : `<${spec.value}>`;
}

/** `--out <dir>`, as the option list and usage lines print it. */
export function optionUsage(option: DeclaredOption, choices?: readonly string[]): string {
  const value = placeholder(option.spec, choices);
  return value ? `--${option.name} ${value}` : `--${option.name}`;
}

function argumentUsage(arg: ArgumentSpec): string {
  return arg.repeat ? `<${arg.name}>...` : `<${arg.name}>`;
}

/** The words of one usage line after `podium <name>`: arguments, then options in brackets. */
export function formWords(form: FormSpec, options: readonly DeclaredOption[]): string[] {
  const byName = new Map(options.map((o) => [o.name, o]));
  const shown = form.options ? form.options.map((name) => byName.get(name)!) : options;
  const words: string[] = [];
  if (form.flag) words.push(`--${form.flag}`);
  words.push(...form.args.map(argumentUsage));
  for (const option of shown) {
    if (option.name === form.flag) continue;
    const text = optionUsage(option, form.choices?.[option.name]);
    const required = 'required' in option.spec && option.spec.required === true;
    const repeat = option.spec.type === 'string' && option.spec.multiple ? '...' : '';
    words.push(required ? `${text}${repeat}` : `[${text}]${repeat}`);
  }
  return words;
}

/** Words joined into lines of at most `width` columns, continuation lines indented by `indent`. */
export function fill(words: readonly string[], first: string, indent: number, width = WIDTH): string[] {
  const lines: string[] = [];
  let line = first;
  for (const word of words) {
    const fresh = line.length === 0 || line === first || /\s$/.test(line);
    if (!fresh && line.length + 1 + word.length > width) {
      lines.push(line);
      line = ' '.repeat(indent) + word;
    } else {
      line += (fresh ? '' : ' ') + word;
    }
  }
  lines.push(line);
  return lines;
}

/** A paragraph wrapped to the width; one that holds line breaks is preformatted and kept. */
function paragraph(text: string, indent = 0): string {
  if (text.includes('\n')) return text;
  return fill(text.split(/ +/), ' '.repeat(indent), indent).join('\n');
}

/** The option's description with its default, as one line of text. */
export function optionDescription(spec: OptionSpec): string {
  const fallback = 'default' in spec && spec.default !== undefined ? spec.default : undefined;
  if (fallback === undefined || /\(default/.test(spec.description)) return spec.description;
  return `${spec.description} (default: ${fallback})`;
}

export interface HelpParts {
  name: string;
  forms: readonly FormSpec[];
  description: readonly string[];
  options: readonly DeclaredOption[];
  notes: readonly string[];
}

export function renderHelp(parts: HelpParts): string {
  const command = `podium ${parts.name} `;
  const usage = parts.forms.flatMap((form, i) => fill(formWords(form, parts.options), `${i === 0 ? 'Usage: ' : '       '}${command}`, 'Usage: '.length + command.length));
  const rows = [...parts.options.map((o) => [optionUsage(o), optionDescription(o.spec)] as const), ['-h, --help', 'show this help'] as const];
  // Descriptions start in one column; a flag too long for it gets its description on the next line.
  const column = Math.min(Math.max(...rows.map(([flag]) => flag.length)) + 4, 25);
  const optionLines = rows.flatMap(([flag, description]) => {
    const head = `  ${flag}`;
    const text = fill(description.split(/ +/), ' '.repeat(column), column);
    if (head.length + 2 > column) return [head, ...text];
    return [head.padEnd(column) + text[0]!.slice(column), ...text.slice(1)];
  });
  return [
    usage.join('\n'),
    ...parts.description.map((p) => paragraph(p)),
    ['Options:', ...optionLines].join('\n'),
    ...parts.notes.map((p) => paragraph(p)),
  ].join('\n\n');
}
