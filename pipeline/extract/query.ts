/**
 * CSS queries over a parsed document, compiled once per selector. cheerio's `$(selector)`
 * recompiles on every call and `.find()` is quadratic in sibling count; a page is read with a
 * dozen selectors, so compiling once and stopping at the first match matters (see bench/README.md).
 */
import { compile, selectAll, selectOne } from 'css-select';
import type { AnyNode, Element } from 'domhandler';
import { getAttributeValue, removeElement, textContent } from 'domutils';
import type { Selector } from '../agencies/types.ts';
import { foldSpaces } from './text.ts';

type Query = ReturnType<typeof compile<AnyNode, Element>>;
const compiled = new Map<string, Query>();

function query(selector: string): Query {
  let q = compiled.get(selector);
  if (!q) {
    q = compile<AnyNode, Element>(selector);
    compiled.set(selector, q);
  }
  return q;
}

/** Every element under `root` matching `selector`, in document order. */
export function all(selector: string, root: AnyNode): Element[] {
  // css-select only ever matches elements; its signature is typed by the node type.
  return selectAll(query(selector), root) as Element[];
}

/** The first element under `root` matching `selector`, or null. */
export function first(selector: string, root: AnyNode): Element | null {
  return selectOne(query(selector), root) as Element | null;
}

/** Text of an element and its descendants, as printed (not folded). */
export function text(el: AnyNode): string {
  return textContent(el);
}

export function attr(el: Element, name: string): string | undefined {
  return getAttributeValue(el, name);
}

/** Removes the elements matching any of `selectors` under `root`. */
export function removeAll(root: AnyNode, selectors: readonly string[]): void {
  if (selectors.length) for (const el of all(selectors.join(','), root)) removeElement(el);
}

/** The CSS part of an adapter's Selector, and the attribute it reads (null: the element's text). */
export function selectorParts(selector: Selector): { css: string; attr: string | null } {
  return typeof selector === 'string' ? { css: selector, attr: null } : { css: selector.selector, attr: selector.attr };
}

/** What a Selector reads from an element it matched: the text or the attribute, folded. */
export function selectedValue(el: Element, attrName: string | null): string {
  return foldSpaces(attrName === null ? text(el) : (attr(el, attrName) ?? ''));
}
