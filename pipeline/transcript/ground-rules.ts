/**
 * Ground rules as the moderator states them at the top of a call: "this call is on background",
 * "attributable to a senior State Department official", "embargoed until the end of the call".
 * Nothing said means `unknown`, except at events that are public by nature (`withBasis`).
 */
import type { GroundRules, Kind } from '../schema/types.ts';

// Global: each rule is searched for its first match not negated, from lastIndex 0 every time.
const RULES: { attribution: GroundRules['attribution']; pattern: RegExp }[] = [
  { attribution: 'off-record', pattern: /\boff(?: the |-the-| )record\b/gi },
  { attribution: 'on-background', pattern: /\b(?:on|for) (?:deep |a )?background\b|\bbackground (?:call|briefing)\b|\battribut(?:ed|able|ion)\b[^.]{0,40}\bsenior\b[^.]{0,60}\bofficials?\b/gi },
  { attribution: 'on-record', pattern: /\bon(?: the |-the-)record\b/gi },
];

const NEGATED = /\b(?:not|n[’']t|never|no longer)\s+(?:\w+\s+){0,2}$/i;

const EMBARGO = /\bembargo(?:ed)?\b(?:[^.]{0,30}?\b(?<until>until|till|to) (?<what>[^.;,]{3,80}))?/i;

/**
 * Reads ground rules from the opening of a transcript (the preamble and the first turns, where
 * moderators set them) and the title ("ON-THE-RECORD BRIEFING: …").
 */
export function readGroundRules(title: string, opening: readonly string[]): GroundRules {
  return { attribution: attribution([title, ...opening]), embargo: embargo(opening) };
}

function attribution(texts: readonly string[]): GroundRules['attribution'] {
  let best: { at: number; attribution: GroundRules['attribution'] } | null = null;
  let offset = 0;
  for (const text of texts) {
    for (const rule of RULES) {
      const re = rule.pattern;
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        if (NEGATED.test(text.slice(Math.max(0, m.index - 30), m.index))) continue;
        const at = offset + m.index;
        if (!best || at < best.at) best = { at, attribution: rule.attribution };
        break;
      }
    }
    offset += text.length + 1;
  }
  return best?.attribution ?? 'unknown';
}

function embargo(texts: readonly string[]): string | null {
  for (const text of texts) {
    const m = EMBARGO.exec(text);
    if (!m) continue;
    if (m.groups?.['what']) return `${m.groups['until']!.toLowerCase()} ${m.groups['what'].trim()}`;
    // "The embargo is lifted" or "under embargo": state it as said.
    const sentence = text.slice(0, m.index).split(/(?<=[.?!])\s/).pop()! + text.slice(m.index).split(/(?<=[.?!])\s/)[0]!;
    return sentence.trim().slice(0, 200);
  }
  return null;
}

/** Events held in public: what is said there is on the record unless someone says otherwise. */
const PUBLIC_KINDS: ReadonlySet<Kind> = new Set(['press-briefing', 'press-availability', 'remarks', 'interview']);

/** Marks stated ground rules as such, and puts a public event with none stated on the record (implied). */
export function withBasis(rules: GroundRules, kind: Kind): GroundRules {
  if (rules.attribution !== 'unknown') return { ...rules, basis: 'stated' };
  if (PUBLIC_KINDS.has(kind)) return { ...rules, attribution: 'on-record', basis: 'implied' };
  return rules;
}
