/**
 * Reads the lines before the first speaker label: who briefed (byline), where (location), and
 * when it started. The lines themselves stay in the record's preamble verbatim; this only names
 * what they are.
 */
import { DATELINE } from './held-on.ts';

/** "2:12 p.m. EDT", "1:24 P.M. EDT", "10:05 a.m. local time", "14:30 CET". */
export const TIME_LINE =
  /^(?:\d{1,2}:\d{2}(?: *[AaPp]\.? ?[Mm]\.?)?(?: +(?:[A-Z]{2,5}|local time|Local Time))?|(?:Noon|Midnight)(?: +[A-Z]{2,5})?)\.?$/;

/** The end time inside an end mark: "(The briefing was concluded at 2:59 p.m.)", "END 2:31 P.M. EDT". */
// "(… concluded at 2:59 p.m.)", "END 2:31 P.M. EDT", or the bare time line most White House transcripts close with.
const END_TIME = /(?:\bat|^END) +(\d{1,2}:\d{2} *[AaPp]\.? ?[Mm]\.?(?: +[A-Z]{2,5})?)|^(\d{1,2}:\d{2} *[AaPp]\.? ?[Mm]\.?(?: +[A-Z]{2,5})?)$/;

/** Words that make a "Name, Title" line a byline rather than a place. */
const ROLE_WORDS =
  /\b(?:Secretary|Spokesperson|Spokesman|Minister|Ambassador|Director|Official|Officials|Assistant|Coordinator|Envoy|Administrator|Representative|Advisor|Adviser|Premier|President|Chancellor|Counselor|Chief|Deputy|Under|Principal|Acting|Head|Senator|Governor|Commissioner|General|Admiral|Office of|Bureau of|Press Secretary|Staff)\b/;

/** Lines that say where a briefing happened without naming a city. */
const PLACE_WORDS =
  /\b(?:Teleconference|Telephonic|Via (?:Zoom|Phone|Video|Webex)|Virtual|Press Briefing Room|Briefing Room|Room|Airport|Aboard|En Route|Embassy|Consulate|Hotel|Palace|Ministry|House|Hall|Center|Centre|Base|Headquarters|Pentagon|Capitol|Airborne)\b/i;

export interface Header {
  byline: string[];
  location: string | null;
  start: string | null;
}

/**
 * Classifies preamble lines. `places` are the adapter's own place lines (`PreambleRules.places`).
 * `knownByline` holds lines the page header already gave as bylines,
 * so the feed-injected copies at the top of the body are recognized as bylines too.
 */
export function readHeader(
  preamble: readonly string[],
  knownByline: readonly string[],
  title: string,
  places: readonly RegExp[] = [],
): Header {
  const byline: string[] = [];
  let location: string | null = null;
  let start: string | null = null;
  const known = new Set(knownByline.map(squash));
  for (const line of preamble) {
    if (!line) continue;
    if (!start && TIME_LINE.test(line)) {
      start = line;
      continue;
    }
    if (known.has(squash(line)) || isBylineLine(line)) {
      byline.push(line);
      continue;
    }
    if (!location && (places.some((re) => re.test(line)) || isPlaceLine(line, title))) location = line;
  }
  return { byline, location, start };
}

/** End time printed in an end mark, or null. */
export function endTime(closing: readonly string[]): string | null {
  for (const line of closing) {
    const m = END_TIME.exec(line);
    if (m) return (m[1] ?? m[2])!;
  }
  return null;
}

/** "Ned Price, Department Spokesperson", "Office of the Spokesperson". */
function isBylineLine(line: string): boolean {
  if (line.length > 200 || /[.!?]$/.test(line.replace(/\b(?:[A-Z]\.|Jr\.|Sr\.|Dr\.|St\.)$/, ''))) return false;
  if (/^Office of the /.test(line)) return true;
  const comma = line.indexOf(',');
  if (comma < 0) return false;
  return ROLE_WORDS.test(line.slice(comma + 1)) && /^\p{Lu}/u.test(line);
}

/** A short title-case line with no sentence in it: "Washington, D.C.", "Kangerlussuaq, Greenland". */
function isPlaceLine(line: string, title: string): boolean {
  if (line.length > 90 || squash(line) === squash(title) || DATELINE.test(line)) return false;
  if (/[!?;“”"]/.test(line) || /\.\s+\p{Lu}\p{Ll}/u.test(line)) return false;
  if (!/^\p{Lu}/u.test(line)) return false;
  const words = line.replace(/[,.()]/g, ' ').split(/\s+/).filter(Boolean);
  if (words.length > 10) return false;
  const lower = words.filter((w) => /^\p{Ll}/u.test(w) && !/^(?:of|the|and|de|la|du|al|en|on|via|at|in|for)$/i.test(w));
  if (lower.length > 0) return false;
  return line.includes(',') || PLACE_WORDS.test(line) || words.length <= 3;
}

function squash(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}
