/**
 * The one JSON serializer for every file Podium writes. Output is a pure function of the value (and
 * the schema): same data, same bytes, so an unchanged run produces no diff and git history shows
 * only real changes. Keys follow the schema's `properties` order so records read in the order the
 * schema documents them; keys a schema does not describe are sorted.
 */

/** The parts of a JSON Schema that decide key order. */
export interface OrderingSchema {
  $ref?: string;
  $defs?: Record<string, OrderingSchema>;
  properties?: Record<string, OrderingSchema>;
  items?: OrderingSchema | boolean;
  [keyword: string]: unknown;
}

/**
 * Pretty-printed JSON (2 spaces, trailing newline) with a stable key order.
 *
 * @param value Any JSON-serializable value (`toJSON` is honoured, `undefined` properties are omitted,
 *   as with JSON.stringify).
 * @param schema The root schema the value conforms to; local `$ref`s (`#/$defs/...`) are followed.
 *   Without one, all keys are sorted.
 * @example
 * stableJson({ b: 1, a: [true] })  // => '{\n  "a": [\n    true\n  ],\n  "b": 1\n}\n'
 */
export function stableJson(value: unknown, schema?: OrderingSchema): string {
  const text = write(value, schema, schema, '');
  if (text === undefined) throw new TypeError('stableJson: the value is not serializable to JSON');
  return `${text}\n`;
}

function write(
  value: unknown,
  schema: OrderingSchema | undefined,
  root: OrderingSchema | undefined,
  indent: string,
): string | undefined {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    value = (value as { toJSON: () => unknown }).toJSON();
  }
  if (value === null || typeof value !== 'object') {
    // Primitives, including string escaping and non-finite numbers, exactly as JSON.stringify does.
    return JSON.stringify(value) as string | undefined;
  }
  const resolved = resolve(schema, root);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const itemSchema = resolved !== undefined && typeof resolved.items === 'object' ? resolved.items : undefined;
    const lines = value.map((item) => inner + (write(item, itemSchema, root, inner) ?? 'null'));
    return `[\n${lines.join(',\n')}\n${indent}]`;
  }
  const record = value as Record<string, unknown>;
  const lines: string[] = [];
  for (const key of keyOrder(Object.keys(record), resolved)) {
    const text = write(record[key], resolved?.properties?.[key], root, inner);
    if (text !== undefined) lines.push(`${inner}${JSON.stringify(key)}: ${text}`);
  }
  return lines.length === 0 ? '{}' : `{\n${lines.join(',\n')}\n${indent}}`;
}

/** Schema properties first, in schema order; then the rest, sorted by code unit. */
function keyOrder(keys: string[], schema: OrderingSchema | undefined): string[] {
  const declared = Object.keys(schema?.properties ?? {});
  const present = new Set(keys);
  const first = declared.filter((key) => present.has(key));
  const known = new Set(first);
  return [...first, ...keys.filter((key) => !known.has(key)).sort()];
}

/**
 * Follows local `$ref`s (`#/$defs/name`, any JSON pointer into the root). A reference into another
 * schema file cannot be followed here; its objects get sorted keys, which is still stable.
 */
function resolve(schema: OrderingSchema | undefined, root: OrderingSchema | undefined): OrderingSchema | undefined {
  const seen = new Set<string>();
  let current = schema;
  while (current?.$ref !== undefined) {
    const ref = current.$ref;
    if (!ref.startsWith('#') || seen.has(ref) || root === undefined) return current.properties ? current : undefined;
    seen.add(ref);
    current = pointer(root, ref.slice(1));
  }
  return current;
}

function pointer(root: OrderingSchema, path: string): OrderingSchema | undefined {
  let node: unknown = root;
  for (const raw of path.split('/').slice(1)) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node !== null && typeof node === 'object' ? (node as OrderingSchema) : undefined;
}
