/** A transcript's revision history, and the turn-aware diff between any two of its revisions. */
import { diffTranscripts } from '../../revisions/diff.ts';
import { renderHtml } from '../../revisions/render.ts';
import type { Transcript } from '../../schema/types.ts';
import { esc, sitePath, transcriptPath } from '../html.ts';
import { page } from '../layout.ts';

/** Every pair of revisions gets a diff page up to this many revisions; beyond it, neighbours and each against the current one. */
const ALL_PAIRS_UP_TO = 12;

export function diffPath(id: string, from: number, to: number): string {
  return `${transcriptPath(id)}diff/${from}-${to}/`;
}

/** The pairs (from < to) that get a diff page. */
export function revisionPairs(current: number): [number, number][] {
  const pairs: [number, number][] = [];
  for (let a = 1; a < current; a++) {
    for (let b = a + 1; b <= current; b++) {
      if (current <= ALL_PAIRS_UP_TO || b === a + 1 || b === current) pairs.push([a, b]);
    }
  }
  return pairs;
}

export function historyPage(base: string, t: Transcript): string {
  const self = `${transcriptPath(t.id)}revisions/`;
  const rows = t.revisions
    .map((r) => {
      const prev = r.revision > 1 ? ` <a href="${esc(sitePath(base, diffPath(t.id, r.revision - 1, r.revision)))}">diff with ${r.revision - 1}</a>` : '';
      return `<tr><td class="n">${r.revision}</td><td>${esc(r.observedAt)}</td><td><span class="change change-${esc(r.change)}">${esc(r.change)}</span>${r.revertOf ? ` of ${r.revertOf}` : ''}</td><td>${prev}</td></tr>`;
    })
    .join('');
  const pairs = revisionPairs(t.revision)
    .map(([a, b]) => `<li><a href="${esc(sitePath(base, diffPath(t.id, a, b)))}">revision ${a} → ${b}</a></li>`)
    .join('');
  const body = `<h1>Revisions of “${esc(t.title)}”</h1>
<p><a href="${esc(sitePath(base, transcriptPath(t.id)))}">Back to the transcript</a></p>
<table><caption class="small">Every version Podium observed, oldest first</caption><thead><tr><th scope="col">Revision</th><th scope="col">Observed</th><th scope="col">Change</th><th scope="col">Diff</th></tr></thead><tbody>${rows}</tbody></table>
${pairs ? `<h2>Compare any two revisions</h2><ul>${pairs}</ul>` : '<p>Only one revision so far.</p>'}`;
  return page({ base, title: `Revisions: ${t.title}`, body, path: self });
}

export function diffPage(base: string, a: Transcript, b: Transcript): string {
  const d = diffTranscripts(a, b);
  // As `podium diff` does: the class recorded for the newer revision says what kind of edit it was.
  d.change = b.revisions.find((r) => r.revision === b.revision)?.change ?? d.change;
  const body = `<h1>“${esc(b.title)}”: revision ${a.revision} → ${b.revision}</h1>
<p><a href="${esc(sitePath(base, `${transcriptPath(b.id)}revisions/`))}">All revisions</a> · <a href="${esc(sitePath(base, transcriptPath(b.id)))}">Current transcript</a></p>
<h2>What changed</h2>
${renderHtml(d)}`;
  return page({ base, title: `Diff ${a.revision}→${b.revision}: ${b.title}`, body, path: diffPath(b.id, a.revision, b.revision) });
}
