/**
 * Charts as inline SVG, drawn at build time: no script, no CDN, readable without JavaScript. Each
 * chart is a <figure> whose SVG has role="img" and a text label, every bar a <title> a pointer or a
 * screen reader can read, and a caption; the numbers are also on the page as a table or list.
 * Every label goes through esc(). The viewBox scales the drawing to the column on a phone.
 */
import { esc } from '../html.ts';

export interface Series {
  name: string;
  /** Month (`YYYY-MM`) → count. */
  counts: Map<string, number>;
}

/** A few distinct colours that read on white and for common colour-vision deficiencies. */
const COLOURS = ['#3a6ea5', '#c2571a', '#2e7d32', '#7b3fa0', '#a86a00', '#5f6b73'];

/** Every month from the first to the last, inclusive (`2021-11`, `2021-12`, `2022-01`…). */
export function monthRange(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  const [ly, lm] = last.split('-').map(Number) as [number, number];
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    if (++m > 12) { m = 1; y++; }
  }
  return out;
}

/** Stacked monthly bars, one colour per series, a legend, and years marked on the axis. */
export function monthChart(title: string, series: Series[]): string {
  const months = [...new Set(series.flatMap((s) => [...s.counts.keys()]))].sort();
  if (!months.length) return '';
  const axis = monthRange(months[0]!, months.at(-1)!);
  const totals = axis.map((m) => series.reduce((sum, s) => sum + (s.counts.get(m) ?? 0), 0));
  const max = Math.max(1, ...totals);
  const W = 640, H = 200, left = 36, bottom = 22, top = 8;
  const step = (W - left - 4) / axis.length;
  const barW = Math.max(1, step * 0.8);
  const y = (v: number) => top + (H - top - bottom) * (1 - v / max);
  const bars: string[] = [];
  axis.forEach((m, i) => {
    let acc = 0;
    series.forEach((s, k) => {
      const v = s.counts.get(m) ?? 0;
      if (!v) return;
      const x = left + i * step;
      bars.push(`<rect x="${x.toFixed(1)}" y="${y(acc + v).toFixed(1)}" width="${barW.toFixed(1)}" height="${(y(acc) - y(acc + v)).toFixed(1)}" fill="${COLOURS[k % COLOURS.length]}"><title>${esc(`${m}: ${v} ${s.name}`)}</title></rect>`);
      acc += v;
    });
  });
  const years = axis
    .map((m, i) => (m.endsWith('-01') || i === 0 ? `<text x="${(left + i * step).toFixed(1)}" y="${H - 6}" font-size="11">${m.slice(0, 4)}</text>` : ''))
    .join('');
  const grid = `<line x1="${left}" x2="${W}" y1="${y(0)}" y2="${y(0)}" stroke="#888"/><text x="${left - 4}" y="${y(max) + 4}" font-size="11" text-anchor="end">${max}</text><text x="${left - 4}" y="${y(0)}" font-size="11" text-anchor="end">0</text>`;
  const legend = series.length > 1
    ? `<ul class="legend">${series.map((s, k) => `<li><span class="swatch" style="background:${COLOURS[k % COLOURS.length]}"></span>${esc(s.name)}</li>`).join('')}</ul>`
    : '';
  const total = totals.reduce((a, b) => a + b, 0);
  const label = `${title}: ${total} in ${axis.length} months, ${axis[0]} to ${axis.at(-1)}, at most ${max} in a month`;
  return `<figure class="chart"><svg viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(label)}" preserveAspectRatio="xMinYMin meet">${grid}${bars.join('')}${years}</svg><figcaption>${esc(title)}</figcaption>${legend}</figure>`;
}

/** Horizontal bars, largest first: `bars` already sorted and cut to what should show. */
export function barChart(title: string, bars: { label: string; value: number }[]): string {
  if (!bars.length) return '';
  const max = Math.max(1, ...bars.map((b) => b.value));
  const W = 640, row = 22, labelW = 220;
  const H = bars.length * row + 4;
  const body = bars
    .map((b, i) => {
      const w = ((W - labelW - 50) * b.value) / max;
      const yy = i * row + 2;
      return `<text x="${labelW - 6}" y="${yy + 15}" font-size="13" text-anchor="end">${esc(b.label.length > 30 ? `${b.label.slice(0, 29)}…` : b.label)}</text><rect x="${labelW}" y="${yy + 3}" width="${w.toFixed(1)}" height="${row - 6}" fill="${COLOURS[0]}"><title>${esc(`${b.label}: ${b.value}`)}</title></rect><text x="${(labelW + w + 4).toFixed(1)}" y="${yy + 15}" font-size="12">${b.value}</text>`;
    })
    .join('');
  return `<figure class="chart"><svg viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(`${title}: ${bars.map((b) => `${b.label} ${b.value}`).join(', ')}`)}" preserveAspectRatio="xMinYMin meet">${body}</svg><figcaption>${esc(title)}</figcaption></figure>`;
}
