/**
 * The parse stage: from an extracted page to the transcript's content — turns with speakers and
 * roles, participants, questioners, ground rules, kind and header facts. Pure: no I/O.
 */
import type { Agency } from '../agencies/types.ts';
import type { ExtractedPage } from '../extract/page.ts';
import { ExtractError } from '../extract/errors.ts';
import { countWords } from '../extract/text.ts';
import type { Participant, Role, Transcript, Turn } from '../schema/types.ts';
import { readGroundRules, withBasis } from './ground-rules.ts';
import { endTime, readHeader } from './header.ts';
import { readHeldOn } from './held-on.ts';
import { classifyKind } from './kind.ts';
import { isLabelWord, PRINCIPAL } from './labels.ts';
import { readQuestionLabel } from './misprints.ts';
import { buildParticipants, nameWords, roleOf } from './participants.ts';
import { attributeQuestions } from './attribution.ts';
import { readAnnouncement, type Announcement } from './questioners.ts';
import { segment, type RawTurn } from './turns.ts';

/** The content fields of a record; identity, provenance and revisions are added by the store. */
export type TranscriptContent = Pick<
  Transcript,
  | 'title' | 'kind' | 'docType' | 'date' | 'heldOn' | 'location' | 'time' | 'byline' | 'preamble' | 'closing' | 'notes'
  | 'groundRules' | 'participants' | 'turns' | 'stats'
>;

/** Turns spoken by the moderator at the top of a call, where ground rules are set. */
const OPENING_TURNS = 4;

export function parseTranscript(page: ExtractedPage, agency: Agency, where: string): TranscriptContent {
  if (page.docType && agency.notTranscriptDocTypes.some((re) => re.test(page.docType!))) {
    throw new ExtractError(where, 'not-transcript', `not a transcript: the page is a "${page.docType}"`);
  }
  if (!page.date) throw new ExtractError(where, 'no-date', 'no publication date found in the page header');

  const seg = segment(page.blocks, agency.speakers, [page.title, ...page.byline]);
  if (seg.turns.length === 0) {
    const claimsTranscript = page.docType !== null && classifyKind(agency.kinds, { docType: page.docType, title: '', location: null, attribution: 'unknown' }) !== 'other';
    throw claimsTranscript
      ? new ExtractError(where, 'no-speakers', `the page is a "${page.docType}" but no speaker label was recognized in ${page.blocks.length} paragraphs`)
      : new ExtractError(where, 'not-transcript', `not a transcript: no speaker labels in ${page.blocks.length} paragraphs`);
  }

  if (seg.turns.every((t) => t.paragraphs.every((p) => !p.trim()))) {
    throw new ExtractError(where, 'empty', `${seg.turns.length} speaker labels but not one word after them`);
  }

  const header = readHeader(seg.preamble, page.byline, page.title, agency.preamble?.places);
  const titleWords = new Set(agency.speakers.titleWords ?? []);
  const byline = unique([...page.byline, ...header.byline]);
  const location = page.location ?? header.location;
  const turnWords = seg.turns.map((t) => t.paragraphs.reduce((n, p) => n + countWords(p), 0));
  // Both role assignment and questioners read the hand-over at the end of a turn: read it once.
  const handover = new Map<number, Announcement | null>();
  const announced = (i: number): Announcement | null => {
    let a = handover.get(i);
    if (a === undefined) handover.set(i, (a = readAnnouncement(seg.turns[i]!.paragraphs.slice(-2).join(' '), agency.handOvers)));
    return a;
  };
  // A misprinted label is the speaker it reads as: same role, same participant.
  const readsAs = new Map(seg.turns.flatMap((t) => (t.misprint ? [[t.speaker, t.misprint.reads] as const] : [])));
  const roles = assignRoles(seg.turns, turnWords, agency, page.title, byline, titleWords, announced, readsAs);
  const { participants, canonical } = buildParticipants(
    unique(seg.turns.map((t) => t.speaker)),
    roles,
    { byline, title: [page.title], preamble: seg.preamble, turns: seg.turns.flatMap((t) => t.paragraphs) },
    titleWords,
    readsAs,
  );
  const participantRoles = new Map(participants.map((p) => [p.label, p.role]));
  const roleOfSpeaker = (speaker: string): Role =>
    participantRoles.get(canonical.get(speaker)!) ?? roles.get(speaker) ?? roles.get(readsAs.get(speaker) ?? '') ?? 'other';
  // An answer printed under the question label is the answering official's turn.
  const isQuestion = (j: number) => roleOfSpeaker(seg.turns[j]!.speaker) === 'journalist';
  const answers = (j: number) => ['official', 'moderator'].includes(roleOfSpeaker(seg.turns[j]!.speaker));
  for (const [i, t] of seg.turns.entries()) {
    const misprint = t.misprint ? null : readQuestionLabel(i, seg.turns, isQuestion, answers);
    if (misprint) t.misprint = misprint;
  }
  const roleAt = (i: number): Role => {
    const t = seg.turns[i]!;
    return t.misprint?.kind === 'question-label' ? roleOfSpeaker(t.misprint.reads) : roleOfSpeaker(t.speaker);
  };

  const opening = [
    ...seg.preamble,
    ...seg.turns.slice(0, OPENING_TURNS).filter((_, i) => roleAt(i) !== 'journalist').flatMap((t) => t.paragraphs),
  ];
  const groundRules = readGroundRules(page.title, opening);
  const kind = classifyKind(agency.kinds, { docType: page.docType, title: page.title, location, attribution: groundRules.attribution });

  // An official is never a questioner: "Go ahead, Tony" hands the floor to the Secretary.
  const surnames = new Set<string>();
  const given = new Set<string>();
  for (const p of participants) {
    if (p.role !== 'official' && p.role !== 'moderator') continue;
    const surname = nameWords(p.label, titleWords).at(-1);
    if (surname) surnames.add(surname);
    const words = (p.name ?? '').toUpperCase().split(' ').filter((w) => w.length > 1);
    if (words.length > 1) (surnames.add(words.at(-1)!), given.add(words[0]!));
  }
  const isOfficial = (name: string) => {
    const words = name.toUpperCase().split(' ');
    return surnames.has(words.at(-1)!) || (words.length === 1 && given.has(words[0]!));
  };
  const attributions = attributeQuestions({
    turns: seg.turns, roleAt, announced, title: page.title, interview: kind === 'interview', isOfficial,
  });
  // Non-empty: a page without turns was refused above. Keys in schema order.
  const turns = seg.turns.map((raw, i): Turn => ({
    speaker: raw.speaker,
    role: roleAt(i),
    ...(raw.misprint ? { misprint: raw.misprint } : {}),
    paragraphs: raw.paragraphs,
    ...attributions.get(i),
    ...(raw.corrections.length ? { corrections: raw.corrections } : {}),
  })) as [Turn, ...Turn[]];

  return {
    title: page.title,
    kind,
    docType: page.docType,
    date: page.date,
    heldOn: readHeldOn(page.title, seg.preamble, page.date),
    location,
    time: { start: header.start, end: endTime(seg.closing) },
    byline,
    preamble: seg.preamble,
    closing: seg.closing,
    ...(seg.notes.length ? { notes: seg.notes } : {}),
    groundRules: withBasis(groundRules, kind),
    participants,
    turns,
    stats: {
      words: turnWords.reduce((a, b) => a + b, 0),
      turns: turns.length,
      questions: turns.filter((t) => t.role === 'journalist').length,
    },
  };
}

/**
 * Roles: the agency's label rules first. Then two readings of the conversation the labels alone
 * cannot give: an interviewer printed by name ("MR HOLT" in "…With Lester Holt of NBC") is a
 * journalist, and a speaker who keeps handing the floor to reporters while someone else answers
 * (a spokesperson at a background call or a joint availability) is the moderator.
 */
function assignRoles(
  turns: readonly RawTurn[],
  turnWords: readonly number[],
  agency: Agency,
  title: string,
  byline: readonly string[],
  titleWords: ReadonlySet<string>,
  announced: (turn: number) => Announcement | null,
  readsAs: ReadonlyMap<string, string>,
): Map<string, Role> {
  const roles = new Map<string, Role>();
  for (const t of turns) if (!roles.has(t.speaker)) roles.set(t.speaker, roleOf(readsAs.get(t.speaker) ?? t.speaker, agency.speakers));

  const afterWith = title.split(/\bwith\b/i).slice(1).join(' ').toUpperCase();
  const bylineText = byline.join(' ').toUpperCase();
  for (const [speaker, role] of roles) {
    if (role !== 'official') continue;
    const words = speaker.split(' ');
    const bareName = /^(?:MR|MS|MRS|MISS|DR)$/.test(words[0]!) || words.length === nameWords(speaker, titleWords).length;
    const surname = nameWords(speaker, titleWords).at(-1);
    if (bareName && surname && afterWith.includes(surname) && !bylineText.includes(surname) && !titledInTitle(afterWith, surname)) {
      roles.set(speaker, 'journalist');
    }
  }

  const officials = [...roles].filter(([, r]) => r === 'official').map(([s]) => s);
  if (officials.length < 2) return roles;
  const words = new Map<string, number[]>();
  const handovers = new Map<string, number>();
  turns.forEach((t, i) => {
    const list = words.get(t.speaker) ?? [];
    list.push(turnWords[i]!);
    words.set(t.speaker, list);
    const next = turns[i + 1];
    if (next && roles.get(next.speaker) === 'journalist' && announced(i)) {
      handovers.set(t.speaker, (handovers.get(t.speaker) ?? 0) + 1);
    }
  });
  const medians = new Map(officials.map((s) => [s, median(words.get(s)!)]));
  // "PRESS SECRETARY JOHN F. KIRBY" then "MR. KIRBY": one person under two labels, not a
  // moderator handing the floor to an official.
  const surname = (s: string) => nameWords(s, titleWords).at(-1);
  for (const s of officials) {
    if (PRINCIPAL.test(s)) continue;
    if (officials.some((o) => o !== s && surname(o) !== undefined && surname(o) === surname(s))) continue;
    const others = officials.filter((o) => o !== s).map((o) => medians.get(o)!);
    if ((handovers.get(s) ?? 0) >= 1 && words.get(s)!.length >= 2 && medians.get(s)! < 60 && medians.get(s)! < Math.max(...others)) {
      roles.set(s, 'moderator');
    }
  }
  return roles;
}

/**
 * Whether the title gives `surname` an office ("… with … USAID Deputy Administrator for Management
 * and Resources Paloma Adams-Allen"): a label word between the name and the comma or "with" before it. An interviewer is named bare ("With Margaret Brennan of CBS").
 */
function titledInTitle(upperTitle: string, surname: string): boolean {
  const before = upperTitle.slice(0, upperTitle.indexOf(surname));
  const phrase = before.split(/,| WITH /).at(-1) ?? '';
  return phrase.split(/\s+/).some((w) => isLabelWord(w.replace(/\.$/, '')));
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

