/**
 * Marked regions of a Markdown file, rewritten in place:
 *
 *   <!-- generated:commands — `npm run docs` rewrites this region -->
 *   …
 *   <!-- /generated:commands -->
 *
 * Text outside the markers is never touched, so prose around a table stays hand-written.
 */

export const REGENERATE = 'npm run docs';

export function regionStart(name: string): string {
  return `<!-- generated:${name} — \`${REGENERATE}\` rewrites this region -->`;
}

export function regionEnd(name: string): string {
  return `<!-- /generated:${name} -->`;
}

/** `markdown` with each named region's body replaced; a missing or doubled marker is an error. */
export function fillRegions(markdown: string, file: string, regions: Readonly<Record<string, string>>): string {
  let out = markdown;
  for (const [name, body] of Object.entries(regions)) {
    const start = regionStart(name);
    const end = regionEnd(name);
    const from = out.indexOf(start);
    const to = out.indexOf(end);
    if (from < 0 || to < from || out.indexOf(start, from + 1) >= 0) {
      throw new Error(`${file}: region "${name}" needs exactly one ${start} followed by ${end}`);
    }
    out = `${out.slice(0, from + start.length)}\n${body}\n${out.slice(to)}`;
  }
  return out;
}
