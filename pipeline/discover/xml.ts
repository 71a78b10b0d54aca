/**
 * The XML reading shared by the sitemap and feed parsers: BOM stripping, well-formedness check and
 * the few helpers that turn fast-xml-parser's loose output (string, object or array) into values.
 */
import { XMLParser, XMLValidator, type X2jOptions } from 'fast-xml-parser';
import { DiscoveryError } from './errors.ts';

/** A parsed XML node as fast-xml-parser returns it. */
export type XmlNode = Record<string, unknown>;

/**
 * Checks well-formedness, then parses. fast-xml-parser's parser is lenient (an unclosed tag parses
 * to a partial tree), so the validator runs first: a truncated sitemap must fail loudly rather than
 * yield half its URLs.
 */
export function parseXml(xml: string, sourceUrl: string, options: X2jOptions): XmlNode {
  // A UTF-8 BOM survives decoding when a server sends one; it is not part of the document.
  const text = xml.replace(/^\uFEFF/, '');
  if (text.trim() === '') throw new DiscoveryError(sourceUrl, 'malformed XML: the document is empty');
  const verdict = XMLValidator.validate(text);
  if (verdict !== true) {
    const { msg, line, col } = verdict.err;
    const where = col === undefined ? `line ${line}` : `line ${line}, column ${col}`;
    throw new DiscoveryError(sourceUrl, `malformed XML: ${msg} (${where})`);
  }
  try {
    return new XMLParser({
      // Values stay strings: a <loc> or <lastmod> must never become a number.
      parseTagValue: false,
      parseAttributeValue: false,
      trimValues: true,
      // `sm:urlset`, `atom:link`: the prefix is chosen by the publisher and carries no meaning here.
      removeNSPrefix: true,
      ...options,
    }).parse(text) as XmlNode;
  } catch (error) {
    throw new DiscoveryError(sourceUrl, `malformed XML: ${(error as Error).message}`, { cause: error });
  }
}

/** The root element's name and node, ignoring the XML declaration and processing instructions. */
export function rootElement(doc: XmlNode): { name: string; node: unknown } | null {
  const names = Object.keys(doc).filter((key) => !key.startsWith('?') && !key.startsWith('#'));
  const name = names[0];
  return names.length === 1 && name !== undefined ? { name, node: doc[name] } : null;
}

/** Text content of an element (CDATA included), trimmed; undefined when absent or empty. */
export function textOf(node: unknown): string | undefined {
  if (Array.isArray(node)) return textOf(node[0]);
  if (typeof node === 'string') return node.trim() || undefined;
  if (typeof node === 'number' || typeof node === 'boolean') return String(node);
  if (node !== null && typeof node === 'object' && '#text' in node) return textOf((node as XmlNode)['#text']);
  return undefined;
}

/** Element children as an array, whatever shape fast-xml-parser produced. */
export function children(node: unknown, name: string): unknown[] {
  if (node === null || typeof node !== 'object') return [];
  const value = (node as XmlNode)[name];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** An attribute value (parsed with the default `@_` prefix). */
export function attrOf(node: unknown, name: string): string | undefined {
  if (node === null || typeof node !== 'object') return undefined;
  const value = (node as XmlNode)[`@_${name}`];
  return typeof value === 'string' ? value.trim() : undefined;
}

/**
 * An absolute http(s) URL for a `<loc>`/`<link>` value, resolved against the document's URL
 * (the sitemap protocol requires absolute URLs, but relative ones are seen in the wild); undefined
 * for anything that is not a web URL.
 */
export function absoluteHttpUrl(value: string | undefined, base: string): string | undefined {
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value.trim(), base);
  } catch {
    return undefined;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
}
