/**
 * Which `--origin` values belong to which agency. An unscoped value (`<url>`, `<name>=<url>`)
 * is only unambiguous when one agency runs; with several, each value names its agency
 * (`whitehouse:<url>`, `state:archive=<url>`) and every agency must get one, so a mirror run
 * never sends one agency's requests to another's mirror, nor any agency to its real site.
 */

export class OriginScopeError extends Error {
  override readonly name = 'OriginScopeError';
}

/** `<agency>:<rest>`; a URL's scheme is followed by `//`, so `http://…` is never scoped. */
const SCOPED = /^([a-z][a-z0-9-]{0,31}):(?!\/\/)(.+)$/s;

/**
 * Splits raw `--origin` values by agency id, prefixes removed.
 *
 * @throws OriginScopeError for an unscoped value with several agencies, a value scoped to an
 *   agency not in this run, or (with several agencies) an agency left without any value.
 * @example
 * originsByAgency(['defense:http://127.0.0.1:8081', 'whitehouse:archive=http://127.0.0.1:8082'], ['defense', 'whitehouse'])
 * // => Map { 'defense' => ['http://127.0.0.1:8081'], 'whitehouse' => ['archive=http://127.0.0.1:8082'] }
 */
export function originsByAgency(values: readonly string[], agencyIds: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>(agencyIds.map((id) => [id, []]));
  if (values.length === 0) return out;
  for (const value of values) {
    const scoped = SCOPED.exec(value);
    if (scoped && /^[a-z][a-z0-9-]*$/.test(scoped[1]!) && !/^https?$/.test(scoped[1]!)) {
      const list = out.get(scoped[1]!);
      if (!list) throw new OriginScopeError(`--origin ${value}: agency "${scoped[1]}" is not part of this run (running: ${agencyIds.join(', ')})`);
      list.push(scoped[2]!);
    } else if (agencyIds.length === 1) {
      out.get(agencyIds[0]!)!.push(value);
    } else {
      throw new OriginScopeError(
        `--origin ${value} is ambiguous with ${agencyIds.length} agencies (${agencyIds.join(', ')}): ` +
          'run one --agency, or name the agency: --origin <agency>:<url> or <agency>:<origin>=<url>',
      );
    }
  }
  const without = agencyIds.filter((id) => out.get(id)!.length === 0);
  if (without.length > 0 && agencyIds.length > 1) {
    throw new OriginScopeError(
      `--origin given for some agencies but not for ${without.join(', ')}: a mirror run would send them to the real site; ` +
        'give each an --origin <agency>:<url>, or leave it out with --agency',
    );
  }
  return out;
}
