/**
 * Data releases are date-based (YYYY.MM.DD.N, N counting the runs that changed the dataset that
 * UTC day); the schema has its own SemVer. See schemas/README.md.
 */
export function nextDatasetVersion(previous: string | null | undefined, now: Date): string {
  const day = now.toISOString().slice(0, 10).replace(/-/g, '.');
  const m = previous ? /^(\d{4}\.\d{2}\.\d{2})\.(\d+)$/.exec(previous) : null;
  return m && m[1] === day ? `${day}.${Number(m[2]) + 1}` : `${day}.1`;
}
