/**
 * Question attribution measured on both real corpora (issue 13): the share of question turns with a
 * questioner (`askedBy`) and an outlet (`askedByOutlet`), by evidence; call-out recall against an
 * independent, deliberately simple detector of unambiguous hand-overs; call-out precision against
 * the reporters' own introductions; interviews attributed to the interviewer their title names.
 * The figures are printed for the notes and asserted as floors set just under the measured ones,
 * so they may only improve.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Transcript, Turn } from '../../pipeline/schema/types.ts';
import { readAnnouncement, readTitleInterviewer } from '../../pipeline/transcript/questioners.ts';
import { corpusAvailable } from '../support/corpus.ts';
import { samePerson, stateCorpusRecords, whiteHouseCorpusRecords } from '../support/corpus-records.ts';
import { whiteHouseCorpusAvailable } from '../support/whitehouse-corpus.ts';

const figures: string[] = [];
afterAll(() => console.log(figures.join('\n')));
const pct = (n: number, of: number) => `${n}/${of} (${of ? ((100 * n) / of).toFixed(1) : '0.0'} %)`;

/**
 * The independent detector: a full name ("First Last") in one of four unambiguous hand-over shapes
 * closing the turn before a question. Written apart from the parser's patterns, on purpose narrow.
 */
const FULL = String.raw`(?<name>\p{Lu}\p{Ll}+ \p{Lu}[\p{Ll}’'-]+(?:\p{Lu}\p{Ll}+)?)`;
const DETECTORS = [
  new RegExp(String.raw`\bgo to ${FULL}(?: (?:from|of|at|with) | ?[,.?]|$)`, 'u'),
  new RegExp(String.raw`\bquestion (?:will |is going to )?(?:go|goes|come|comes|is)(?: to| from)? ${FULL}\b`, 'u'),
  new RegExp(String.raw`^${FULL}, (?:your line is (?:open|unmuted)|you(?:’|')re open)`, 'u'),
  new RegExp(String.raw`^${FULL}(?:,| of| from) (?:the )?(?:\p{Lu}{2,}|Reuters|Bloomberg)\.$`, 'u'),
];
const NOT_FIRST_NAMES = /^(?:Secretary|Minister|Prime|President|Vice|Ambassador|Senator|General|Deputy|Under|Assistant|Special|Senior|State|White|National|Foreign)$/;

function detect(turn: Turn): string | null {
  const last = turn.paragraphs.join(' ').trim().split(/(?<=[.?!])\s+/u).at(-1) ?? '';
  for (const re of DETECTORS) {
    const name = re.exec(last)?.groups?.['name'];
    if (name && !NOT_FIRST_NAMES.test(name.split(' ')[0]!)) return name;
  }
  return null;
}


interface Floors {
  askedBy: number;
  outlet: number;
  recall: number;
  precision: number;
  interviews: number;
}

function measure(name: string, records: Transcript[], floors: Floors): void {
  const questions = records.flatMap((r) => r.turns).filter((t) => t.role === 'journalist');
  const by = questions.filter((t) => t.askedBy).length;
  const outlet = questions.filter((t) => t.askedByOutlet).length;
  const evidence = new Map<string, number>();
  for (const t of questions) if (t.askedByEvidence) evidence.set(t.askedByEvidence, (evidence.get(t.askedByEvidence) ?? 0) + 1);

  // Recall: the detector's hand-overs that the next question's askedBy names.
  let detected = 0;
  let resolved = 0;
  const missed: string[] = [];
  // Precision: where a reporter introduces themselves, does the hand-over before name the same person?
  let checked = 0;
  let agreed = 0;
  const disagreed: string[] = [];
  for (const r of records) {
    const officials = new Set(r.participants.filter((p) => p.role !== 'journalist' && p.name).map((p) => p.name!));
    r.turns.forEach((t, i) => {
      const prev = r.turns[i - 1];
      if (t.role !== 'journalist' || !prev || prev.role === 'journalist') return;
      const name = detect(prev);
      if (name && ![...officials].some((o) => samePerson(o, name)) && t.askedByEvidence !== 'self') {
        detected++;
        if (t.askedBy && samePerson(t.askedBy, name)) resolved++;
        else missed.push(`${name} ≠ ${t.askedBy ?? '—'} (${r.url})`);
      }
      if (t.askedByEvidence === 'self' && t.askedBy) {
        const called = readAnnouncement(prev.paragraphs.join(' '))?.name;
        if (called && ![...officials].some((o) => samePerson(o, called))) {
          checked++;
          if (samePerson(called, t.askedBy)) agreed++;
          else disagreed.push(`${called} ≠ ${t.askedBy}`);
        }
      }
    });
  }

  // Interviews whose title names one interviewer: every question is theirs.
  const titled = records.filter((r) => r.kind === 'interview' && readTitleInterviewer(r.title)?.name);
  const attributed = titled.filter((r) => {
    const host = readTitleInterviewer(r.title)!.name!;
    const qs = r.turns.filter((t) => t.role === 'journalist');
    return qs.length > 0 && qs.every((t) => t.askedBy && samePerson(t.askedBy, host) && t.askedByEvidence === 'title');
  });

  figures.push(
    `${name} attribution: question turns ${questions.length}; askedBy ${pct(by, questions.length)}, askedByOutlet ${pct(outlet, questions.length)}; ` +
      `by evidence: ${[...evidence].sort().map(([k, n]) => `${k} ${n}`).join(', ')}; ` +
      `call-out recall (independent detector) ${pct(resolved, detected)}; call-out precision (against self-introductions) ${pct(agreed, checked)}; ` +
      `interviews attributed ${pct(attributed.length, titled.length)}` +
      (missed.length ? `\n  missed: ${missed.slice(0, 8).join('; ')}` : '') +
      (disagreed.length ? `\n  disagreed: ${disagreed.slice(0, 8).join('; ')}` : ''),
  );

  it(`${name}: every attribution is on a question, carries its evidence, and names no official of the record`, () => {
    for (const r of records) {
      const officials = new Set(r.participants.filter((p) => p.role === 'official' && p.name).map((p) => p.name!));
      for (const t of r.turns) {
        const has = t.askedBy !== undefined || t.askedByOutlet !== undefined;
        expect(t.askedByEvidence !== undefined, `${r.url}: ${t.paragraphs[0]?.slice(0, 60)}`).toBe(has);
        if (has) expect(t.role, r.url).toBe('journalist');
        if (t.askedBy) expect(officials.has(t.askedBy), `${r.url}: ${t.askedBy}`).toBe(false);
      }
    }
  });

  it(`${name}: shares of question turns with a questioner and an outlet stay at or above the measured floors`, () => {
    expect(by / questions.length).toBeGreaterThanOrEqual(floors.askedBy);
    expect(outlet / questions.length).toBeGreaterThanOrEqual(floors.outlet);
  });

  it(`${name}: call-outs the independent detector finds are resolved, and agree with the reporters' own introductions`, () => {
    expect(detected).toBeGreaterThan(0);
    expect(resolved / detected).toBeGreaterThanOrEqual(floors.recall);
    if (checked) expect(agreed / checked).toBeGreaterThanOrEqual(floors.precision);
  });

  it(`${name}: interviews are asked by the interviewer their title names`, () => {
    expect(attributed.length).toBeGreaterThanOrEqual(floors.interviews);
  });
}

describe.runIf(corpusAvailable())('question attribution on the real State corpus', () => {
  const records = stateCorpusRecords();
  measure('state', records, { askedBy: 0.52, outlet: 0.15, recall: 0.95, precision: 0.75, interviews: 50 });
});

describe.runIf(whiteHouseCorpusAvailable())('question attribution on the real White House corpus', () => {
  const records = whiteHouseCorpusRecords();
  measure('whitehouse', records, { askedBy: 0.325, outlet: 0.065, recall: 0.95, precision: 0.75, interviews: 2 });
});
