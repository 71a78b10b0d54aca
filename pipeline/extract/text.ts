/**
 * Text normalization shared by every stage. Agencies type NBSP between sentences and after labels
 * (1,408 of ~1,860 state.gov items contain U+00A0), so all comparisons work on folded text.
 */

/** Whitespace other than the plain space: NBSP, tabs, line breaks, Unicode spaces. */
const ODD_SPACE = '\\u00a0\\t\\r\\n\\f\\v\\u1680\\u2000-\\u200a\\u202f\\u205f\\u3000';
/**
 * Runs that need folding: any run holding odd whitespace (with a plain space before it), or two
 * plain spaces or more. Single plain spaces, nearly every space in a page, are left alone, which
 * makes this three times faster than replacing every run.
 */
const FOLD = new RegExp(` ?[${ODD_SPACE}][ ${ODD_SPACE}]*| {2,}`, 'g');
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/;
const INVISIBLES = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;

/** Folds NBSP and other spaces to one space, drops zero-width characters, trims. */
export function foldSpaces(text: string): string {
  const visible = INVISIBLE.test(text) ? text.replace(INVISIBLES, '') : text;
  return visible.replace(FOLD, ' ').trim();
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * Words in folded text, as counted in `stats.words`: space-separated tokens containing a letter
 * or a digit ("–" and "#" are not words). A character loop: this runs on every paragraph.
 */
export function countWords(text: string): number {
  let words = 0;
  let counted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      counted = false;
    } else if (!counted) {
      const alnum = (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122) || (c >= 0x80 && LETTER_OR_DIGIT.test(text[i]!));
      if (alnum) {
        words++;
        counted = true;
      }
    }
  }
  return words;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

/**
 * Reads a date as printed on a page: "January 18, 2022", "Sept. 15, 2026", "18 January 2022",
 * an ISO date or date-time (`time[datetime]`). Returns YYYY-MM-DD, or null.
 * An ISO date-time keeps the calendar date it states, not the UTC one: the page's own day.
 */
export function parseDate(text: string): string | null {
  const t = foldSpaces(text);
  // A date-time (`2025-03-11T17:52:09-04:00`, meta article:published_time) keeps its own calendar
  // day; `\b` would fail between the day and the `T`.
  const iso = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/.exec(t);
  if (iso) return valid(+iso[1]!, +iso[2]!, +iso[3]!);
  const mdy = /\b([A-Z][a-z]{2,8})\.?\s+(\d{1,2}),?\s+(\d{4})\b/.exec(t);
  if (mdy) {
    const m = MONTHS[mdy[1]!.toLowerCase().slice(0, mdy[1]!.toLowerCase().startsWith('sept') ? 4 : 3)];
    if (m) return valid(+mdy[3]!, m, +mdy[2]!);
  }
  const dmy = /\b(\d{1,2})\s+([A-Z][a-z]{2,8})\.?,?\s+(\d{4})\b/.exec(t);
  if (dmy) {
    const m = MONTHS[dmy[2]!.toLowerCase().slice(0, 3)];
    if (m) return valid(+dmy[3]!, m, +dmy[1]!);
  }
  return null;
}

function valid(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
