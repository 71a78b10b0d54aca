/** A transcript's page: what, when, who, the ground rules, then every turn with a stable `#tN` anchor. */
import type { Transcript } from '../../schema/types.ts';
import { recordPath } from '../../store/paths.ts';
import { esc, href, sitePath, transcriptPath } from '../html.ts';
import { page } from '../layout.ts';
import { outletOf } from './people.ts';
import { personPath, outletPath } from './slug.ts';

/** What the "cite this" line needs beyond the record: the dataset version and the agency's name. */
export interface CiteContext {
  datasetVersion: string;
  agencyName?: string;
}

/** One line a reader can paste: title, agency, date, source URL, dataset version. */
export function citation(t: Transcript, cite: CiteContext): string {
  return `“${t.title}.” ${cite.agencyName ?? t.agency}, ${t.date}. ${t.url}. Podium dataset, version ${cite.datasetVersion}.`;
}

const ATTRIBUTION: Record<Transcript['groundRules']['attribution'], string> = {
  'on-record': 'On the record',
  'on-background': 'On background',
  'off-record': 'Off the record',
  unknown: 'Not stated',
};

/** `dataBase`: where record files are served (the site's `data/`, or `--data-url`). */
export function transcriptPage(base: string, t: Transcript, dataBase = `${base}data/`, cite?: CiteContext): string {
  const self = transcriptPath(t.id);
  const row = (label: string, value: string | null | undefined) => (value ? `<dt>${label}</dt><dd>${esc(value)}</dd>` : '');
  const time = t.time && (t.time.start || t.time.end) ? [t.time.start, t.time.end].filter(Boolean).join(' – ') : null;
  const meta = [
    row('Date', t.date),
    row('Kind', t.kind),
    t.docType ? row('Printed as', t.docType) : '',
    row('Agency', t.agency),
    row('Location', t.location),
    row('Time', time),
    row('Ground rules', ATTRIBUTION[t.groundRules.attribution] + (t.groundRules.embargo ? `; embargo: ${t.groundRules.embargo}` : '')),
    row('Status', t.status + (t.withdrawnAt ? ` since ${t.withdrawnAt}` : '')),
    t.revision > 1
      ? `<dt>Revision</dt><dd>${t.revision} (${esc(t.revisions.at(-1)!.change)}) · <a href="${esc(sitePath(base, `${self}revisions/`))}">revision history</a></dd>`
      : `<dt>Revision</dt><dd>1, unchanged since first seen ${esc(t.revisions[0].observedAt.slice(0, 10))}</dd>`,
    `<dt>Source</dt><dd><a href="${href(t.url)}" rel="nofollow noopener">${esc(t.url)}</a></dd>`,
    `<dt>Data</dt><dd><a href="${href(`${dataBase}${recordPath(t.id)}`)}">this record as JSON</a></dd>`,
  ].join('');
  const person = (name: string, text = name) => `<a class="person" href="${esc(sitePath(base, personPath(name)))}">${esc(text)}</a>`;
  const nameOfLabel = new Map<string, string>();
  for (const p of t.participants) if (p.name) for (const label of [p.label, ...(p.aliases ?? [])]) nameOfLabel.set(label, p.name);
  const participants = t.participants
    .map((p) => `<li><strong>${p.name ? person(p.name) : esc(p.label)}</strong>${p.name ? ` <span class="small">(${esc(p.label)})</span>` : ''} <span class="small">${esc(p.role)}</span></li>`)
    .join('');
  const lines = (xs: string[] | undefined, cls: string) => (xs?.length ? `<div class="${cls}">${xs.map((x) => `<p>${esc(x)}</p>`).join('')}</div>` : '');
  const turns = t.turns
    .map((turn, i) => {
      const n = i + 1;
      const notesOf = (k: number) => (t.notes ?? []).filter((note) => note.turn === k);
      const outlet = outletOf(turn);
      const outletLink = outlet ? ` (<a class="outlet" href="${esc(sitePath(base, outletPath(outlet)))}">${esc(outlet)}</a>)` : '';
      const asked = turn.askedBy ? ` <span class="small">asked by ${person(turn.askedBy)}${outletLink}</span>` : '';
      const name = nameOfLabel.get(turn.speaker);
      return `<div class="turn role-${esc(turn.role)}" id="t${n}"><p class="who"><a href="#t${n}">#${n}</a> <strong>${name ? person(name, turn.speaker) : esc(turn.speaker)}</strong><span class="role">${esc(turn.role)}</span>${asked}</p>${withNotes(turn.paragraphs, notesOf(i))}</div>`;
    })
    .join('\n');
  const body = `<article>
<h1>${esc(t.title)}</h1>
<dl class="meta">${meta}</dl>
${cite ? `<p class="cite"><span class="small">Cite this:</span> <span id="cite">${esc(citation(t, cite))}</span></p>` : ''}
<h2>Participants</h2>
<ul>${participants}</ul>
${lines(t.preamble, 'preamble')}
<h2 id="turns">Turns <span class="small">(${t.turns.length})</span></h2>
${turns}
${lines(t.closing, 'closing')}
</article>`;
  return page({ base, title: t.title, body, path: self, description: `${t.title}, ${t.date}: ${t.stats.turns} turns` });
}

/** A turn's paragraphs with the editor's notes printed among them, set apart as not speech. */
function withNotes(paragraphs: readonly string[], notes: readonly { paragraph: number; text: string }[]): string {
  const note = (k: number) => notes.filter((n) => n.paragraph === k).map((n) => `<p class="note small">${esc(n.text)}</p>`).join('');
  return paragraphs.map((p, k) => `${note(k)}<p>${esc(p)}</p>`).join('') + note(paragraphs.length);
}
