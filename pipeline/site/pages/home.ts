/** Home: what the dataset holds (by agency, kind and year), its version, and what changed lately. */
import type { IndexEntry } from '../../schema/types.ts';
import { esc, sitePath, transcriptPath } from '../html.ts';
import { page } from '../layout.ts';

export interface RecentRevision {
  id: string;
  title: string;
  revision: number;
  change: string;
  time: string;
}

export interface HomeData {
  datasetVersion: string;
  /** Time of the newest changelog entry, or null. */
  updated: string | null;
  entries: IndexEntry[];
  recentRevisions: RecentRevision[];
}

function counts(entries: IndexEntry[], key: (e: IndexEntry) => string): [string, number][] {
  const m = new Map<string, number>();
  for (const e of entries) m.set(key(e), (m.get(key(e)) ?? 0) + 1);
  return [...m].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

function table(caption: string, rows: [string, number][], link: (k: string) => string): string {
  return `<table><caption>${esc(caption)}</caption><thead><tr><th scope="col">${esc(caption.replace(/^By /, ''))}</th><th scope="col">Transcripts</th></tr></thead><tbody>${rows
    .map(([k, n]) => `<tr><td><a href="${esc(link(k))}">${esc(k)}</a></td><td class="n">${n.toLocaleString('en-US')}</td></tr>`)
    .join('')}</tbody></table>`;
}

export function homePage(base: string, d: HomeData): string {
  const browse = (param: string) => (k: string) => `${sitePath(base, 'browse/')}?${param}=${encodeURIComponent(k)}`;
  const recent = [...d.entries]
    .sort((a, b) => (a.date === b.date ? (a.id < b.id ? -1 : 1) : a.date < b.date ? 1 : -1))
    .slice(0, 15)
    .map((e) => `<li><a href="${esc(sitePath(base, transcriptPath(e.id)))}">${esc(e.title)}</a> <span class="small">${esc(e.date)} · ${esc(e.agency)}</span></li>`)
    .join('');
  const revisions = d.recentRevisions
    .map((r) => `<li><a href="${esc(sitePath(base, `${transcriptPath(r.id)}revisions/`))}">${esc(r.title)}</a> <span class="small">revision ${r.revision}, <span class="change">${esc(r.change)}</span>, ${esc(r.time.slice(0, 10))}</span></li>`)
    .join('');
  const body = `<h1>Podium: government briefing transcripts</h1>
<p>${d.entries.length.toLocaleString('en-US')} transcripts, split into speaker turns. Dataset version <strong>${esc(d.datasetVersion)}</strong>${d.updated ? `, last updated <time datetime="${esc(d.updated)}">${esc(d.updated.slice(0, 10))}</time>` : ''}.
<a href="${esc(sitePath(base, 'browse/'))}">Browse and search</a> · <a href="${esc(sitePath(base, 'use-the-data/'))}">Use the data</a></p>
<div class="grid">
${table('By agency', counts(d.entries, (e) => e.agency), browse('agency'))}
${table('By kind', counts(d.entries, (e) => e.kind), browse('kind'))}
${table('By year', counts(d.entries, (e) => e.date.slice(0, 4)).reverse(), browse('year'))}
</div>
<div class="grid">
<section aria-labelledby="recent-h"><h2 id="recent-h">Recent transcripts</h2><ol>${recent}</ol></section>
<section aria-labelledby="revised-h"><h2 id="revised-h">Recent revisions</h2>${revisions ? `<ol>${revisions}</ol>` : '<p>No transcript has been revised yet.</p>'}</section>
</div>`;
  return page({ base, title: 'Home', body, path: '' });
}
