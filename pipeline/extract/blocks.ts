/**
 * Turns an article body into a flat list of text blocks (paragraphs, list items, headings, table
 * cells, and lines split at <br>), remembering which leading characters were bold: a bold
 * upper-case run ending in a colon is how every agency sets a speaker label.
 */
import type { AnyNode, Element } from 'domhandler';
import { foldSpaces } from './text.ts';

export interface Block {
  /** Folded text as printed, label included; struck-through words are left out (see corrections). */
  text: string;
  /** How many leading characters of `text` were set in bold (<strong>, <b>, font-weight ≥ 600). */
  boldPrefix: number;
  /** The block element the text came from: p, li, h2, td… ("line" for plain-text input). */
  tag: string;
  /** In-text corrections: `<s>upon</s> [until]`. */
  corrections: { struck: string; inserted: string | null }[];
  /** The first block after a horizontal rule (`<hr>`): where state.gov sets its footnotes apart. */
  afterRule?: true;
}

interface Segment {
  text: string;
  bold: boolean;
  struck: boolean;
}

const BLOCK = new Set([
  'p', 'div', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'table', 'thead', 'tbody',
  'tfoot', 'tr', 'td', 'th', 'section', 'article', 'figure', 'figcaption', 'pre', 'hr', 'header', 'footer',
  'aside', 'nav', 'main', 'dl', 'dt', 'dd', 'center', 'address', 'caption',
]);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'svg', 'img', 'input', 'button', 'select', 'textarea', 'form']);
const BOLD_TAGS = new Set(['strong', 'b']);
const STRUCK_TAGS = new Set(['s', 'strike', 'del']);

/** Reads every block under `root`, in document order. */
export function readBlocks(root: Element): Block[] {
  const blocks: Block[] = [];
  let line: Segment[] = [];
  let tag = root.name;
  let rule = false;

  const flush = () => {
    const block = toBlock(line, tag);
    if (block) {
      if (rule) block.afterRule = true;
      rule = false;
      blocks.push(block);
    }
    line = [];
  };

  const walk = (node: Element, bold: boolean, struck: boolean) => {
    for (const child of node.children as AnyNode[]) {
      if (child.type === 'text') {
        line.push({ text: child.data, bold, struck });
      } else if (child.type === 'tag' || child.type === 'script' || child.type === 'style') {
        const el = child as Element;
        const name = el.name.toLowerCase();
        if (SKIP.has(name)) continue;
        if (name === 'br') {
          flush();
        } else if (BLOCK.has(name)) {
          flush();
          if (name === 'hr') rule = true;
          const outer = tag;
          tag = name;
          walk(el, bold, struck);
          flush();
          tag = outer;
        } else {
          walk(el, bold || isBold(el), struck || STRUCK_TAGS.has(name));
        }
      }
    }
  };

  walk(root, false, false);
  flush();
  return blocks;
}

function isBold(el: Element): boolean {
  if (BOLD_TAGS.has(el.name.toLowerCase())) return true;
  const weight = /font-weight\s*:\s*(bold|bolder|[6-9]00)\b/i.exec(el.attribs['style'] ?? '');
  return weight !== null;
}

function toBlock(segments: Segment[], tag: string): Block | null {
  let raw = '';
  let boldEnd = -1;
  const corrections: Block['corrections'] = [];
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]!;
    if (s.struck) {
      const struck = foldSpaces(s.text);
      if (!struck) continue;
      const last = corrections.at(-1);
      // Adjacent struck runs (<s>up</s><s>on</s>) are one correction.
      if (last && last.inserted === null && segments[i - 1]?.struck) last.struck = foldSpaces(`${last.struck}${s.text}`);
      else corrections.push({ struck, inserted: null });
      continue;
    }
    if (corrections.length > 0 && corrections.at(-1)!.inserted === null && segments[i - 1]?.struck) {
      const inserted = /^\s*\[([^\]]+)\]/.exec(s.text);
      if (inserted) corrections.at(-1)!.inserted = foldSpaces(inserted[1]!);
    }
    if (boldEnd < 0 && !s.bold && /\S/.test(s.text)) boldEnd = raw.length + s.text.search(/\S/);
    raw += s.text;
  }
  const text = foldSpaces(raw);
  if (!text && corrections.length === 0) return null;
  const boldPrefix = boldEnd < 0 ? text.length : foldSpaces(raw.slice(0, boldEnd)).length;
  return { text, boldPrefix, tag, corrections };
}
