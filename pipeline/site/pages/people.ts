/**
 * People and outlets: a page for everyone the dataset names — speakers whose participant entry has
 * a name, and questioners (`askedBy`) — and for every outlet a questioner asked for
 * (`askedByOutlet`), each listing every transcript with turn and question counts. `PeopleIndex`
 * collects them record by record during the site's one pass (a few numbers per person and
 * transcript, never text) and writes the pages at the end. Names are merged by `nameKey`, so
 * "Antony J. Blinken" and "ANTONY J BLINKEN" are one page; the most used spelling is shown.
 */
import type { Transcript, Turn } from '../../schema/types.ts';
import { esc, sitePath, transcriptPath } from '../html.ts';
import { page } from '../layout.ts';
import { barChart, monthChart } from './charts.ts';
import { nameKey, outletPath, personPath } from './slug.ts';

/** The outlet a questioner asked for; optional until every record carries it. */
export function outletOf(turn: Turn): string | undefined {
  const outlet = (turn as Turn & { askedByOutlet?: unknown }).askedByOutlet;
  return typeof outlet === 'string' && outlet.trim() ? outlet : undefined;
}

interface Appearance {
  id: string;
  title: string;
  date: string;
  agency: string;
  /** Turns this person spoke. */
  turns: number;
  /** Questions asked by this person (or, for an outlet, for it). */
  questions: number;
}

interface Entry {
  spellings: Map<string, number>;
  roles: Set<string>;
  labels: Set<string>;
  /** Outlets (for a person) or people (for an outlet) → questions. */
  related: Map<string, number>;
  appearances: Appearance[];
}

/** Spelling used most, ties broken by code-unit order, so the choice does not depend on record order. */
function shown(e: Entry): string {
  return [...e.spellings].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))[0]![0];
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export class PeopleIndex {
  readonly #people = new Map<string, Entry>();
  readonly #outlets = new Map<string, Entry>();

  add(t: Transcript): void {
    const here = new Map<string, Appearance>();
    const hereOutlets = new Map<string, Appearance>();
    const visit = (map: Map<string, Entry>, local: Map<string, Appearance>, name: string): [Entry, Appearance] | null => {
      const key = nameKey(name);
      if (!key) return null;
      let e = map.get(key);
      if (!e) map.set(key, (e = { spellings: new Map(), roles: new Set(), labels: new Set(), related: new Map(), appearances: [] }));
      e.spellings.set(name, (e.spellings.get(name) ?? 0) + 1);
      let a = local.get(key);
      if (!a) {
        local.set(key, (a = { id: t.id, title: t.title, date: t.date, agency: t.agency, turns: 0, questions: 0 }));
        e.appearances.push(a);
      }
      return [e, a];
    };
    const nameOfLabel = new Map<string, string>();
    for (const p of t.participants) {
      if (!p.name) continue;
      for (const label of [p.label, ...(p.aliases ?? [])]) nameOfLabel.set(label, p.name);
      const seen = visit(this.#people, here, p.name);
      if (seen) { seen[0].roles.add(p.role); seen[0].labels.add(p.label); }
    }
    for (const turn of t.turns) {
      const name = nameOfLabel.get(turn.speaker);
      const speaker = name ? visit(this.#people, here, name) : null;
      if (speaker) speaker[1].turns++;
      const outlet = outletOf(turn);
      const asker = turn.askedBy ? visit(this.#people, here, turn.askedBy) : null;
      if (asker) {
        asker[0].roles.add('questioner');
        asker[1].questions++;
        if (outlet) asker[0].related.set(outlet, (asker[0].related.get(outlet) ?? 0) + 1);
      }
      const o = outlet ? visit(this.#outlets, hereOutlets, outlet) : null;
      if (o) {
        o[1].questions++;
        if (turn.askedBy) o[0].related.set(turn.askedBy, (o[0].related.get(turn.askedBy) ?? 0) + 1);
      }
    }
  }

  get people(): number { return this.#people.size; }
  get outlets(): number { return this.#outlets.size; }

  /** Writes people/, outlets/ and a page for each; returns the number of pages. */
  async write(base: string, put: (rel: string, body: string) => Promise<void>): Promise<number> {
    const people = [...this.#people.values()].map((e) => ({ e, name: shown(e) })).sort((a, b) => b.e.appearances.length - a.e.appearances.length || byName(a.name, b.name));
    const outlets = [...this.#outlets.values()].map((e) => ({ e, name: shown(e) })).sort((a, b) => questions(b.e) - questions(a.e) || byName(a.name, b.name));
    for (const { e, name } of people) await put(`${personPath(name)}index.html`, personPage(base, name, e));
    for (const { e, name } of outlets) await put(`${outletPath(name)}index.html`, outletPage(base, name, e));
    await put('people/index.html', peopleIndexPage(base, people));
    await put('outlets/index.html', outletsIndexPage(base, outlets));
    return people.length + outlets.length + 2;
  }
}

const questions = (e: Entry) => e.appearances.reduce((n, a) => n + a.questions, 0);
const turnsOf = (e: Entry) => e.appearances.reduce((n, a) => n + a.turns, 0);
const num = (n: number) => n.toLocaleString('en-US');

function appearancesTable(base: string, e: Entry, outlet: boolean): string {
  const rows = [...e.appearances]
    .sort((a, b) => (a.date === b.date ? byName(a.id, b.id) : a.date < b.date ? 1 : -1))
    .map((a) => `<tr><td>${esc(a.date)}</td><td><a href="${esc(sitePath(base, transcriptPath(a.id)))}">${esc(a.title)}</a></td><td>${esc(a.agency)}</td>${outlet ? '' : `<td class="n">${a.turns}</td>`}<td class="n">${a.questions}</td></tr>`)
    .join('');
  return `<div class="scroll"><table class="appearances"><caption>Every transcript, newest first</caption><thead><tr><th scope="col">Date</th><th scope="col">Transcript</th><th scope="col">Agency</th>${outlet ? '' : '<th scope="col">Turns</th>'}<th scope="col">Questions</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

function byMonth(e: Entry): Map<string, number> {
  const m = new Map<string, number>();
  for (const a of e.appearances) m.set(a.date.slice(0, 7), (m.get(a.date.slice(0, 7)) ?? 0) + 1);
  return m;
}

function relatedList(base: string, related: Map<string, number>, path: (name: string) => string): string {
  return [...related].sort((a, b) => b[1] - a[1] || byName(a[0], b[0]))
    .map(([name, n]) => `<li><a href="${esc(sitePath(base, path(name)))}">${esc(name)}</a> <span class="small">${num(n)} question${n === 1 ? '' : 's'}</span></li>`)
    .join('');
}

function personPage(base: string, name: string, e: Entry): string {
  const self = personPath(name);
  const others = [...e.spellings.keys(), ...e.labels].filter((s) => s !== name);
  const outlets = relatedList(base, e.related, outletPath);
  const body = `<h1>${esc(name)}</h1>
<dl class="meta"><dt>Transcripts</dt><dd>${num(e.appearances.length)}</dd><dt>Turns spoken</dt><dd>${num(turnsOf(e))}</dd><dt>Questions asked</dt><dd>${num(questions(e))}</dd><dt>Roles</dt><dd>${esc([...e.roles].sort().join(', '))}</dd>${others.length ? `<dt>Also printed as</dt><dd>${esc([...new Set(others)].sort().join('; '))}</dd>` : ''}</dl>
${outlets ? `<h2>Outlets</h2><ul>${outlets}</ul>` : ''}
<h2>Appearances over time</h2>
${monthChart(`Transcripts with ${name}, per month`, [{ name: 'transcripts', counts: byMonth(e) }])}
${appearancesTable(base, e, false)}
<p class="small">Turns are counted where a speaker label resolves to this name; questions where a moderator named this person before the question (<code>askedBy</code>). <a href="${esc(sitePath(base, 'people/'))}">Everyone</a></p>`;
  return page({ base, title: name, body, path: self, description: `${name}: ${e.appearances.length} transcripts in Podium` });
}

function outletPage(base: string, name: string, e: Entry): string {
  const people = relatedList(base, e.related, personPath);
  const body = `<h1>${esc(name)}</h1>
<dl class="meta"><dt>Transcripts</dt><dd>${num(e.appearances.length)}</dd><dt>Questions</dt><dd>${num(questions(e))}</dd></dl>
${people ? `<h2>Who asked</h2><ul>${people}</ul>` : ''}
<h2>Questions over time</h2>
${monthChart(`Transcripts with a question for ${name}, per month`, [{ name: 'transcripts', counts: byMonth(e) }])}
${appearancesTable(base, e, true)}
<p class="small"><a href="${esc(sitePath(base, 'outlets/'))}">Every outlet</a></p>`;
  return page({ base, title: name, body, path: outletPath(name), description: `${name}: ${questions(e)} questions in Podium` });
}

function peopleIndexPage(base: string, people: { e: Entry; name: string }[]): string {
  const rows = people
    .map(({ e, name }) => `<tr><td><a href="${esc(sitePath(base, personPath(name)))}">${esc(name)}</a></td><td>${esc([...e.roles].sort().join(', '))}</td><td class="n">${num(e.appearances.length)}</td><td class="n">${num(turnsOf(e))}</td><td class="n">${num(questions(e))}</td></tr>`)
    .join('');
  const body = `<h1>People</h1>
<p>${num(people.length)} people the dataset names: speakers whose name the page gives, and reporters a moderator called on by name. <a href="${esc(sitePath(base, 'outlets/'))}">Outlets</a></p>
<div class="scroll"><table><thead><tr><th scope="col">Name</th><th scope="col">Roles</th><th scope="col">Transcripts</th><th scope="col">Turns</th><th scope="col">Questions</th></tr></thead><tbody>${rows}</tbody></table></div>`;
  return page({ base, title: 'People', body, path: 'people/' });
}

function outletsIndexPage(base: string, outlets: { e: Entry; name: string }[]): string {
  const rows = outlets
    .map(({ e, name }) => `<tr><td><a href="${esc(sitePath(base, outletPath(name)))}">${esc(name)}</a></td><td class="n">${num(e.appearances.length)}</td><td class="n">${num(questions(e))}</td></tr>`)
    .join('');
  const chart = barChart('Questions by outlet (the 20 that asked most)', outlets.slice(0, 20).map(({ e, name }) => ({ label: name, value: questions(e) })));
  const body = `<h1>Outlets</h1>
<p>${num(outlets.length)} outlets a questioner was announced with ("Shaun Tandon of AFP"). <a href="${esc(sitePath(base, 'people/'))}">People</a></p>
${outlets.length ? `${chart}<div class="scroll"><table><thead><tr><th scope="col">Outlet</th><th scope="col">Transcripts</th><th scope="col">Questions</th></tr></thead><tbody>${rows}</tbody></table></div>` : '<p>No question in the dataset names an outlet yet.</p>'}`;
  return page({ base, title: 'Outlets', body, path: 'outlets/' });
}

