/** The bulk exports' file names: plain, or gzipped with `--gzip-exports`. */

/** File names of the bulk exports, gzipped or not. */
export function exportNames(gzip: boolean): ExportNames {
  const name = (file: string) => (gzip ? `${file}.gz` : file);
  return { ndjson: name('transcripts.ndjson'), csv: name('turns.csv'), sqlite: name('podium.sqlite'), gzip };
}

export interface ExportNames {
  ndjson: string;
  csv: string;
  sqlite: string;
  gzip: boolean;
}
