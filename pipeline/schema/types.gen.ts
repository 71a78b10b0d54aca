// Generated from schemas/*.schema.json by `npm run types`. Do not edit.

export type Kind =
  | 'press-briefing'
  | 'background-briefing'
  | 'special-briefing'
  | 'remarks'
  | 'interview'
  | 'press-availability'
  | 'teleconference'
  | 'other';
export type Role = 'moderator' | 'official' | 'journalist' | 'operator' | 'interpreter' | 'other';

/**
 * One government briefing transcript, split into speaker turns. One file per transcript in output/transcripts/<agency>/<yyyy>/.
 */
export interface Transcript {
  /**
   * SemVer of the schema this record was written against (see schemas/README.md).
   */
  schemaVersion: string;
  /**
   * Stable, path-safe identifier: <agency>/<YYYY-MM-DD>/<slug>. Assigned on first sight and never changed, even if the page's date is later edited.
   */
  id: string;
  /**
   * Id of the agency adapter that produced the record.
   */
  agency: string;
  /**
   * Canonical page URL on the agency's site (never a mirror's).
   */
  url: string;
  /**
   * Every canonical URL the transcript was found at, first seen first; the first is `url`. The same briefing published at two addresses is one record. Written since 1.1.0.
   *
   * @minItems 1
   */
  urls?: [string, ...string[]];
  title: string;
  kind: Kind;
  /**
   * The content-type label printed on the page (e.g. "Department Press Briefing"), as printed; null when the page has none.
   */
  docType?: string | null;
  /**
   * Date of the briefing as the page states it.
   */
  date: string;
  /**
   * The day the event took place (YYYY-MM-DD) as the transcript states it: a date closing the title ("Department Press Briefing – July 5, 2022") or a dateline alone in the preamble ("(April 9, 2024)"). It can differ from `date`, the day the page was published. null when the transcript states no day. Absent from records made before schema 1.1.0.
   */
  heldOn?: string | null;
  /**
   * Where the briefing took place, as printed ("Washington, D.C.", "Via Teleconference"); null when not stated.
   */
  location: string | null;
  /**
   * Start and end times as printed ("2:12 p.m. EDT"); null when not printed.
   */
  time?: {
    start: string | null;
    end: string | null;
  };
  /**
   * Author/briefer lines from the page header or the opening lines, e.g. "Ned Price, Department Spokesperson".
   */
  byline?: string[];
  /**
   * Every body line before the first speaker label, verbatim (byline, location, time, editorial notes).
   */
  preamble?: string[];
  /**
   * End marks and anything after them ("(The briefing was concluded at 2:59 p.m.)", "# # #", a closing time line "2:20 P.M. EST", the footnotes and correction notes after an <hr>).
   */
  closing?: string[];
  /**
   * Lines printed among the turns that are not speech, kept out of them (since 1.1.0): editor's notes ("[Editor's note: …]"), footnotes ending in their back-link (↑), and the end and start lines between two parts of one event ("9:54 P.M. CEST", "NATO Headquarters"). Stage directions inside speech ("(Laughter.)") stay in the turn. Absent when there are none.
   */
  notes?: {
    /**
     * Index (0-based) in `turns` of the turn the note was printed in.
     */
    turn: number;
    /**
     * How many of that turn's `paragraphs` were printed before the note.
     */
    paragraph: number;
    text: string;
  }[];
  groundRules: GroundRules;
  /**
   * Each distinct speaker, in order of first appearance.
   */
  participants: Participant[];
  /**
   * @minItems 1
   */
  turns: [Turn, ...Turn[]];
  stats: {
    /**
     * Words in all turn paragraphs.
     */
    words: number;
    turns: number;
    /**
     * Turns by journalists.
     */
    questions: number;
  };
  /**
   * The Podium parser version that made this record (pipeline/record/engine.ts). A record made by an older engine is rebuilt by `podium reprocess --outdated` as a `reprocessed` revision. Absent from records made before schema 1.1.0.
   */
  engine?: string;
  source: Source;
  /**
   * active: live on the agency's site; withdrawn: removed from the site (content kept); restored: came back after a withdrawal.
   */
  status: 'active' | 'withdrawn' | 'restored';
  /**
   * When the page was first found gone (ISO 8601). Present only while status is withdrawn.
   */
  withdrawnAt?: string;
  /**
   * Number of the current revision, starting at 1.
   */
  revision: number;
  /**
   * Every revision of this transcript, oldest first; full earlier versions live in output/history/.
   *
   * @minItems 1
   */
  revisions: [Revision, ...Revision[]];
}
export interface GroundRules {
  /**
   * As the moderator states it; unknown when nobody says.
   */
  attribution: 'on-record' | 'on-background' | 'off-record' | 'unknown';
  /**
   * The embargo as stated ("until the end of the call"); null when none is stated.
   */
  embargo: string | null;
  /**
   * `stated`: the attribution is what the transcript says ("this call is on background"); `implied`: nothing was said and the kind is public (press briefing, press availability, remarks, interview), so it is on the record. Absent when the attribution is unknown, and in records made before schema 1.1.0.
   */
  basis?: 'stated' | 'implied';
}
export interface Participant {
  /**
   * The speaker label, normalized as in turns.
   */
  label: string;
  /**
   * Other labels that resolve to the same person ("MR KIRBY" for "PRESS SECRETARY JOHN F. KIRBY").
   */
  aliases?: string[];
  /**
   * Full name where the page gives it; null for QUESTION, placeholders and the like.
   */
  name: string | null;
  /**
   * Where `name` was read, present when it is not null: `byline` ("Ned Price, Department Spokesperson"), `title`, `preamble`, `turns` (first mention in the spoken text: "our briefer, Ms. Susan Cleary"), or `label` (the label spells the full name: "PRESS SECRETARY JOHN F. KIRBY"). Since 1.1.0.
   */
  nameFrom?: 'byline' | 'title' | 'preamble' | 'turns' | 'label';
  role: Role;
}
export interface Turn {
  /**
   * The turn's number, from 1: the #tN anchor of its page and the `n` column of turns.csv and podium.sqlite. Written by the exports (transcripts.ndjson); stored records leave it out, their turns being in order. Since 1.1.0.
   */
  n?: number;
  /**
   * The label as printed, normalized: upper case, no colon, honorific periods dropped (MR PRICE, QUESTION).
   */
  speaker: string;
  role: Role;
  /**
   * Set when the agency evidently misprinted the label (since 1.2.0): `speaker` stays as printed, `reads` is the label it reads as, and `role` (and the participant) follow the reading. `kind`: `spelling` — a word one slip from a label word ("SECREATRY") or a rare label a letter or two from one the transcript prints far more often ("MR SULLVIAN" beside "MR SULLIVAN"); `honorific` — a clipped or swapped honorific ("S PSAKI" beside "MS PSAKI"); `question-label` — an answer printed under the question label (a question turn that asks nothing, right after a question). The rules are in schemas/README.md.
   */
  misprint?: {
    reads: string;
    kind: 'spelling' | 'honorific' | 'question-label';
  };
  /**
   * Plain-text paragraphs of the turn (entities decoded, NBSP folded, label removed). Stage directions such as (Laughter.) stay in the text. Empty only when the page prints a label with nothing after it.
   *
   * @minItems 0
   */
  paragraphs: string[];
  /**
   * Who asked this question, in the fullest form the transcript gives the name ("Simon Lewis" where a hand-over later says "Simon"); `askedByEvidence` says how it is known. Absent when the transcript does not say.
   */
  askedBy?: string;
  /**
   * The outlet the questioner asked for, as the transcript states it: in the hand-over ("… from Reuters", "Nike Ching, VOA."), the reporter's own introduction ("Said Arikat, Al-Quds.") or the title of an interview ("… With Andrea Mitchell of NBC"). May stand without `askedBy` when a hand-over names only the outlet ("Reuters, go ahead."). Since 1.1.0.
   */
  askedByOutlet?: string;
  /**
   * How `askedBy`/`askedByOutlet` is known (since 1.1.0): `called` — named in the hand-over right before the question; `self` — the reporter introduced themselves; `title` — the interviewer the title names; `follow-up` — a further question in the same exchange, carrying the exchange's questioner (the rule is in schemas/README.md). Present exactly when one of the two is.
   */
  askedByEvidence?: 'called' | 'self' | 'title' | 'follow-up';
  corrections?: Correction[];
}
/**
 * An in-text correction printed by the agency: struck-through words and their bracketed replacement.
 */
export interface Correction {
  /**
   * Index into the turn's paragraphs.
   */
  paragraph: number;
  struck: string;
  inserted: string | null;
}
export interface Source {
  /**
   * Channel the content came from: the page itself, the site's REST API, or a web-archive snapshot.
   */
  via: 'page' | 'rest-api' | 'web-archive' | 'file';
  /**
   * Where the content was read, when it was not the canonical page (REST or archive URL).
   */
  fetchedUrl?: string;
  /**
   * When this content was first fetched (ISO 8601). Not updated while the content stays the same.
   */
  fetchedAt: string;
  etag: string | null;
  lastModified: string | null;
  /**
   * SHA-256 of the normalized content (title, date, kind, turns), hex.
   */
  contentSha256: string;
}
export interface Revision {
  revision: number;
  observedAt: string;
  contentSha256: string;
  /**
   * initial: first sight; cosmetic/minor/substantive: a source edit (see schemas/README.md); revert: content returned to an earlier revision; reprocessed: re-extracted by a newer Podium, not a source edit.
   */
  change: 'initial' | 'cosmetic' | 'minor' | 'substantive' | 'revert' | 'reprocessed';
  /**
   * For change=revert: the earlier revision whose content came back.
   */
  revertOf?: number;
}

/**
 * output/index.json: the catalog of every transcript in the dataset, sorted by id.
 */
export interface DatasetIndex {
  schemaVersion: string;
  /**
   * Date-based data release: YYYY.MM.DD.N, N counting the runs that changed the dataset that day (UTC).
   */
  datasetVersion: string;
  transcripts: IndexEntry[];
}
export interface IndexEntry {
  id: string;
  agency: string;
  url: string;
  title: string;
  date: string;
  kind:
    | 'press-briefing'
    | 'background-briefing'
    | 'special-briefing'
    | 'remarks'
    | 'interview'
    | 'press-availability'
    | 'teleconference'
    | 'other';
  status: 'active' | 'withdrawn' | 'restored';
  revision: number;
  /**
   * Record file, relative to the dataset root.
   */
  path: string;
  contentSha256: string;
}

/**
 * output/state/<agency>.json: what the crawler knows about each discovered URL, so unchanged pages are not fetched again. Only changes when a page changes.
 */
export interface CrawlState {
  schemaVersion: string;
  agency: string;
  /**
   * Sorted by url.
   */
  pages: CrawledPage[];
}
export interface CrawledPage {
  /**
   * Canonical URL.
   */
  url: string;
  /**
   * transcript: stored as a record (see id); not-transcript: a release without speaker turns (press statement, readout), skipped until it changes or the adapter's version does (judgedBy), or a URL that answered 404/410 without ever being stored (notFound).
   */
  verdict: 'transcript' | 'not-transcript';
  id?: string;
  /**
   * Why a page is not a transcript.
   */
  reason?: string;
  /**
   * The adapter version (Agency.version) that reached a not-transcript verdict; a different version re-judges the page. Since 1.1.0.
   */
  judgedBy?: string;
  /**
   * The page's modification date as a channel gave it (sitemap <lastmod>, REST modified_gmt, Atom <updated>) when the page was last fetched. Publication dates (RSS pubDate, listing dates) are never stored here: only a modification date may skip a fetch.
   */
  lastmod?: string;
  etag?: string;
  lastModified?: string;
  /**
   * The day (UTC) the origin last answered a request for this page, full or conditional (since 1.1.0); a day, not an instant, so that a page asked every run changes the crawl state at most once a day. A transcript whose sitemap date has not changed is asked again (a conditional request) once this is REVALIDATE_DAYS old, a bounded share per run, because lastmod and feeds miss edits. Absent for pages not asked since 1.1.0: they are the first revalidated.
   */
  checkedAt?: string;
  /**
   * Consecutive complete runs in which this transcript was listed by no discovery channel. The first such run asks the page once (a confirmation fetch): 404 or 410 makes it a tombstone at once, 200 keeps it. Absent when the page is listed.
   */
  missingRuns?: number;
  /**
   * The URL answered 404 or 410 and was never stored (since 1.1.0): it is asked again at retryAt, with a wait that doubles each time, not failed on every run. Absent once the page answers.
   */
  notFound?: {
    status: 404 | 410;
    /**
     * When it first answered so (ISO 8601).
     */
    since: string;
    /**
     * Consecutive such answers.
     */
    count: number;
    /**
     * No request before this instant (ISO 8601), unless a channel gives the page a new modification date.
     */
    retryAt: string;
  };
}

/**
 * output/changelog.json: one entry per run that changed the dataset (or met new failures), oldest first.
 */
export interface Changelog {
  schemaVersion: string;
  entries: ChangelogEntry[];
}
export interface ChangelogEntry {
  /**
   * The CI run id when run by GitHub Actions, else the run's start time.
   */
  runId: string;
  /**
   * When the run finished (ISO 8601).
   */
  time: string;
  /**
   * index.json's datasetVersion after this run.
   */
  datasetVersion: string;
  counts: {
    added: number;
    revised: number;
    withdrawn: number;
    restored: number;
    reprocessed: number;
    failed: number;
  };
  added: string[];
  /**
   * Source edits, with their change class.
   */
  revised: {
    id: string;
    revision: number;
    change: 'cosmetic' | 'minor' | 'substantive' | 'revert';
    revertOf?: number;
  }[];
  withdrawn: string[];
  restored: string[];
  /**
   * Technical upgrades: records re-extracted by a newer Podium, not edited at the source.
   */
  reprocessed: string[];
  /**
   * Pages that failed in this run; their stored records were kept as they were.
   */
  failures: {
    url: string;
    stage: 'discover' | 'fetch' | 'extract';
    message: string;
  }[];
}

/**
 * output/people.json: everyone the dataset names — speakers with a name and questioners (askedBy) — derived deterministically from the records, sorted by name. Spellings merge only when they are the same name folded (case, accents, punctuation, initials' periods: "Antony J. Blinken" = "ANTONY J BLINKEN"); "Joe Biden" and "Joseph Biden" stay apart. Written when a run closes the dataset; `podium validate` checks it is what the records give.
 */
export interface People {
  schemaVersion: string;
  people: Person[];
}
export interface Person {
  /**
   * The canonical spelling: the one used in most records (ties: the longest, then the first in code-point order).
   */
  name: string;
  /**
   * Other spellings merged into this person, sorted.
   */
  aliases: string[];
  /**
   * Every role the person had in a record, sorted.
   */
  roles: string[];
  agencies: string[];
  /**
   * Outlets the person asked for (askedByOutlet), most questions first.
   */
  outlets: {
    outlet: string;
    questions: number;
  }[];
  /**
   * The speaker labels the person spoke under, per agency, with how the name was known: `named` records gave the name themselves (participant.name); `fromDataset` records printed the label without a name, and the name comes from other records of the same agency that name the same label ("MR PRICE" at State, named Ned Price by the bylines of other briefings) — only when every record naming that label names this person and the record falls within their dates, give or take 183 days.
   */
  labels: {
    agency: string;
    label: string;
    named: number;
    fromDataset: number;
  }[];
  /**
   * Records the person speaks or asks in (including those named from the dataset).
   */
  records: number;
  /**
   * Turns spoken under the person's labels.
   */
  turns: number;
  /**
   * Question turns attributed to the person (askedBy).
   */
  questions: number;
  /**
   * Date (record `date`) of the first record.
   */
  first: string;
  last: string;
}
