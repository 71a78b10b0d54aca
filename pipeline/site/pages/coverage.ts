/**
 * Coverage: what the dataset spans and where it has holes — date ranges per agency and kind, the
 * months inside an agency's range with no transcript at all, the monthly counts as charts, and what
 * the pipeline does not collect and why. Built from the index only.
 */
import type { IndexEntry } from '../../schema/types.ts';
import { esc, sitePath } from '../html.ts';
import { page } from '../layout.ts';
import { monthChart, monthRange, type Series } from './charts.ts';

export interface CoverageData {
  entries: IndexEntry[];
  /** Agency id → human name. */
  agencyNames: Map<string, string>;
}

export interface Gap {
  from: string;
  to: string;
  months: number;
}

/** Runs of months with nothing between the first and the last month that has something. */
export function gaps(months: Iterable<string>): Gap[] {
  const have = new Set(months);
  const sorted = [...have].sort();
  if (!sorted.length) return [];
  const out: Gap[] = [];
  let run: string[] = [];
  for (const m of monthRange(sorted[0]!, sorted.at(-1)!)) {
    if (have.has(m)) {
      if (run.length) out.push({ from: run[0]!, to: run.at(-1)!, months: run.length });
      run = [];
    } else run.push(m);
  }
  return out;
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function perMonth(entries: IndexEntry[], key: (e: IndexEntry) => string, label: (k: string) => string): Series[] {
  const series = new Map<string, Map<string, number>>();
  for (const e of entries) {
    const k = key(e);
    let m = series.get(k);
    if (!m) series.set(k, (m = new Map()));
    m.set(e.date.slice(0, 7), (m.get(e.date.slice(0, 7)) ?? 0) + 1);
  }
  return [...series].sort((a, b) => byName(a[0], b[0])).map(([k, counts]) => ({ name: label(k), counts }));
}

export function coveragePage(base: string, d: CoverageData): string {
  const name = (id: string) => d.agencyNames.get(id) ?? id;
  const ranges = new Map<string, { agency: string; kind: string; first: string; last: string; n: number }>();
  for (const e of d.entries) {
    const k = `${e.agency}\u0000${e.kind}`;
    const r = ranges.get(k);
    if (!r) ranges.set(k, { agency: e.agency, kind: e.kind, first: e.date, last: e.date, n: 1 });
    else { r.n++; if (e.date < r.first) r.first = e.date; if (e.date > r.last) r.last = e.date; }
  }
  const rangeRows = [...ranges.values()]
    .sort((a, b) => byName(a.agency, b.agency) || byName(a.kind, b.kind))
    .map((r) => `<tr><td>${esc(name(r.agency))}</td><td><a href="${esc(`${sitePath(base, 'browse/')}?agency=${encodeURIComponent(r.agency)}&kind=${encodeURIComponent(r.kind)}`)}">${esc(r.kind)}</a></td><td>${esc(r.first)}</td><td>${esc(r.last)}</td><td class="n">${r.n.toLocaleString('en-US')}</td></tr>`)
    .join('');
  const agencies = [...new Set(d.entries.map((e) => e.agency))].sort();
  const gapItems = agencies.map((a) => {
    const list = gaps(d.entries.filter((e) => e.agency === a).map((e) => e.date.slice(0, 7)));
    const text = list.length
      ? list.map((g) => `<li>${esc(g.from === g.to ? g.from : `${g.from} to ${g.to}`)} <span class="small">(${g.months} month${g.months === 1 ? '' : 's'} with no transcript)</span></li>`).join('')
      : '<li>none: every month in its range has at least one transcript</li>';
    return `<h3>${esc(name(a))}</h3><ul class="gaps">${text}</ul>`;
  }).join('');
  const dates = d.entries.map((e) => e.date).sort();
  const body = `<h1>Coverage</h1>
<p>${d.entries.length.toLocaleString('en-US')} transcripts${dates.length ? ` from ${esc(dates[0]!)} to ${esc(dates.at(-1)!)}` : ''}. What the dataset holds, where it has holes, and what it leaves out.</p>
<h2>Transcripts per month</h2>
${monthChart('Transcripts per month, by agency', perMonth(d.entries, (e) => e.agency, name))}
${monthChart('Transcripts per month, by kind', perMonth(d.entries, (e) => e.kind, (k) => k))}
<h2>Date ranges</h2>
<div class="scroll"><table><thead><tr><th scope="col">Agency</th><th scope="col">Kind</th><th scope="col">First</th><th scope="col">Last</th><th scope="col">Transcripts</th></tr></thead><tbody>${rangeRows}</tbody></table></div>
<h2>Gaps</h2>
<p>Months between an agency's first and last transcript in which the dataset has none. A gap is either a real pause in briefings or pages the pipeline has not collected (not listed in the agency's sitemaps or feeds when it ran, or failing to fetch: the changelog names every page that failed).</p>
${gapItems}
<h2>What is not covered, and why</h2>
<ul>
<li>Pages without speaker labels — statements, readouts, fact sheets, press releases — are not transcripts. The crawl remembers them so they are not fetched again, and they are never published.</li>
<li>Briefings published only as video or audio, with no transcript page, cannot be split into turns.</li>
<li>Pages an agency's sitemaps and feeds do not list are not discovered; before the first date above an agency has not been backfilled.</li>
<li>Pages an agency has withdrawn stay in the dataset, marked withdrawn, rather than disappearing.</li>
<li>Who asked a question (<code>askedBy</code>) is known only when the moderator named the reporter before the question; most questions have no name.</li>
</ul>`;
  return page({ base, title: 'Coverage', body, path: 'coverage/' });
}
