/** Renders a transcript diff as terminal text (colour only when asked) or as escaped HTML. */
import type { TranscriptDiff, WordPart } from './diff.ts';

const ANSI = { added: '\u001b[32m', removed: '\u001b[31m', dim: '\u001b[2m', bold: '\u001b[1m', reset: '\u001b[0m' };

/**
 * Plain text: `[-removed-]{+added+}` inside edited turns, one block per changed turn. With
 * `color`, removed words are red and added ones green instead of bracketed.
 */
export function renderText(d: TranscriptDiff, color = false): string {
  const c = (code: keyof typeof ANSI, s: string) => (color ? `${ANSI[code]}${s}${ANSI.reset}` : s);
  const words = (parts: WordPart[]) =>
    parts
      .map((p) => (p.op === 'same' ? p.text : p.op === 'added' ? c('added', color ? p.text : `{+${p.text}+}`) : c('removed', color ? p.text : `[-${p.text}-]`)))
      .join('');
  const lines = [c('bold', `${d.id}: revision ${d.from} -> ${d.to}${d.change ? ` (${d.change})` : ''}`)];
  const s = d.summary;
  lines.push(`${s.edited} edited, ${s.added} added, ${s.removed} removed, ${s.reattributed} re-attributed, ${s.unchanged} unchanged turns`);
  for (const f of d.fields) lines.push('', `~ ${f.field}`, indent(words(f.words)));
  for (const t of d.turns) {
    lines.push('');
    if (t.op === 'added') lines.push(c('added', `+ turn ${t.after + 1} ${t.speaker} (added)`), indent(c('added', t.text)));
    else if (t.op === 'removed') lines.push(c('removed', `- turn ${t.before + 1} ${t.speaker} (removed)`), indent(c('removed', t.text)));
    else if (t.op === 'edited') lines.push(`~ turn ${t.after + 1} ${t.speaker} (edited)`, indent(words(t.words)));
    else lines.push(`~ turn ${t.after + 1} ${t.from} -> ${t.to} (re-attributed)`, indent(words(t.words)));
  }
  if (d.turns.length === 0 && d.fields.length === 0) lines.push('', 'no differences');
  return `${lines.join('\n')}\n`;
}

function indent(s: string): string {
  return s
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** An HTML fragment (`<section class="diff">`): `<ins>`/`<del>` inside turns; all text escaped. */
export function renderHtml(d: TranscriptDiff): string {
  const words = (parts: WordPart[]) =>
    parts.map((p) => (p.op === 'same' ? escapeHtml(p.text) : p.op === 'added' ? `<ins>${escapeHtml(p.text)}</ins>` : `<del>${escapeHtml(p.text)}</del>`)).join('');
  const para = (s: string) => s.split('\n').map((l) => `<p>${l}</p>`).join('');
  const out = [`<section class="diff" data-from="${d.from}" data-to="${d.to}">`];
  out.push(`<p class="diff-summary">Revision ${d.from} → ${d.to}${d.change ? ` <span class="change change-${escapeHtml(d.change)}">${escapeHtml(d.change)}</span>` : ''}: ` +
    `${d.summary.edited} edited, ${d.summary.added} added, ${d.summary.removed} removed, ${d.summary.reattributed} re-attributed turns</p>`);
  for (const f of d.fields) out.push(`<div class="diff-field"><h3>${escapeHtml(f.field)}</h3>${para(words(f.words))}</div>`);
  for (const t of d.turns) {
    if (t.op === 'added') out.push(`<div class="diff-turn added"><h3>Turn ${t.after + 1} added: ${escapeHtml(t.speaker)}</h3><ins>${para(escapeHtml(t.text))}</ins></div>`);
    else if (t.op === 'removed') out.push(`<div class="diff-turn removed"><h3>Turn ${t.before + 1} removed: ${escapeHtml(t.speaker)}</h3><del>${para(escapeHtml(t.text))}</del></div>`);
    else if (t.op === 'edited') out.push(`<div class="diff-turn edited"><h3>Turn ${t.after + 1} edited: ${escapeHtml(t.speaker)}</h3>${para(words(t.words))}</div>`);
    else out.push(`<div class="diff-turn reattributed"><h3>Turn ${t.after + 1} re-attributed: ${escapeHtml(t.from)} → ${escapeHtml(t.to)}</h3>${para(words(t.words))}</div>`);
  }
  out.push('</section>');
  return out.join('\n');
}
