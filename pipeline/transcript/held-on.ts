/**
 * The day the event took place, as the transcript states it — which is not always the day the
 * page was published: a State briefing titled "Department Press Briefing – July 5, 2022" went up
 * on July 6, a White House NSC call headed "(April 9, 2024)" on April 10. Only two places are
 * read, the ones where a date is the event's and nothing else: a date that ends the title, and a
 * dateline standing alone in the preamble. A date inside a sentence ("until August 15th, 2021")
 * is about something else.
 */
import { parseDate } from '../extract/text.ts';

const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const DATE = `${MONTH} +\\d{1,2},? +\\d{4}`;
const WEEKDAY = '(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,? +)';

/** "Department Press Briefing – July 5, 2022", "… (June 2, 2022)": the date closes the title. */
const TITLE_DATE = new RegExp(`(?:[–—:,-]|\\bon) *\\(?(${DATE})\\)?$`, 'i');

/**
 * A preamble line that is a date and nothing else: "(June 22, 2021)", "July 21, 2021",
 * "Tuesday, May 3, 2022, at 11:00 am".
 */
export const DATELINE = new RegExp(`^\\(?${WEEKDAY}?(${DATE})\\)?(?:,? +at +\\d{1,2}(?::\\d{2})? *[ap]\\.? ?m\\.?(?: +[A-Z]{2,5})?)?\\.?$`, 'i');

/**
 * A stated day more than this many days after publication is not the event's (a page is not
 * published before what it transcribes; one day covers an event abroad, dated in local time,
 * published the same Washington day).
 */
const AHEAD_DAYS = 1;

export function readHeldOn(title: string, preamble: readonly string[], published: string): string | null {
  const fromTitle = TITLE_DATE.exec(title.trim())?.[1];
  const fromLine = preamble.map((l) => DATELINE.exec(l.trim())?.[1]).find((d) => d !== undefined);
  for (const text of [fromTitle, fromLine]) {
    const day = text === undefined ? null : parseDate(text);
    if (day && daysBetween(published, day) <= AHEAD_DAYS) return day;
  }
  return null;
}

function daysBetween(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / 86_400_000;
}
