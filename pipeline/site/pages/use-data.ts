/** "Use the data": what each download is and copy-paste recipes for jq, Python and curl. */
import type { ExportResult } from '../exports/export.ts';
import { esc, sitePath } from '../html.ts';
import { page } from '../layout.ts';

export interface DownloadLink extends ExportResult {
  description: string;
  /** Fetched by the curl recipe (the files the other recipes read). */
  bulk: boolean;
}

/** A description's `code` spans as HTML. */
const inline = (text: string) => esc(text).replace(/`([^`]+)`/g, '<code>$1</code>');

export function useDataPage(base: string, dataBase: string, downloads: readonly DownloadLink[], siteUrl?: string): string {
  const site = siteUrl ? esc(siteUrl.replace(/\/$/, '')) : `https://&lt;owner&gt;.github.io${esc(base.replace(/\/$/, ''))}`;
  // A release asset (d.url) is linked where the workflow publishes it; a set of shards file by file.
  const link = (d: DownloadLink) =>
    d.files ? d.files.map((f) => `<a href="${esc(`${d.url ?? sitePath(base, '')}${f.path}`)}">${esc(f.path)}</a>`).join(' ') : `<a href="${esc(d.url ?? sitePath(base, d.path))}">${esc(d.path)}</a>`;
  const file = (d: DownloadLink) => `<tr><td>${link(d)}</td><td>${inline(d.description)}</td></tr>`;
  const bulk = downloads.filter((d) => d.bulk);
  // Release assets redirect to their storage: -L follows.
  const curl = (d: DownloadLink) => {
    const [flags, from] = d.url ? ['-sSL', esc(d.url)] : ['-sS', `$SITE/${esc(d.path)}`];
    return d.compression ? `curl ${flags} "${from}" | gunzip &gt; ${esc(d.path.replace(/\.gz$/, ''))}` : `curl ${flags}O "${from}"`;
  };
  const body = `<h1>Use the data</h1>
<p>Everything on this site is built from the dataset's files, which you can download whole. ${siteUrl ? `This site's address is <code>${site}</code>.` : 'Replace <code>SITE</code> below with this site\'s address.'}</p>
<h2>Downloads</h2>
<table><thead><tr><th scope="col">File</th><th scope="col">What it holds</th></tr></thead><tbody>
${downloads.map(file).join('\n')}
<tr><td><a href="${esc(sitePath(base, 'schemas/v1/transcript.schema.json'))}">schemas/v1/transcript.schema.json</a></td><td>JSON Schema of a record (also index, changelog, crawl state).</td></tr>
</tbody></table>
<h2>curl</h2>
<pre><code>SITE=${site}
${bulk.map(curl).join('\n')}</code></pre>
<h2>jq</h2>
<pre><code># Titles and dates of every transcript in 2022
jq -r 'select(.date | startswith("2022")) | [.date, .title] | @tsv' transcripts.ndjson

# Every question a named journalist asked
jq -r '.id as $id | .turns[] | select(.askedBy != null) | [$id, .askedBy, (.paragraphs | join(" "))] | @tsv' transcripts.ndjson</code></pre>
<h2>Python with pandas</h2>
<pre><code>import pandas as pd
turns = pd.read_csv("turns.csv")
print(turns[turns.role == "journalist"].groupby("askedBy").size().sort_values().tail(10))
records = pd.read_json("transcripts.ndjson", lines=True)
print(records.groupby([records.date.dt.year, "kind"]).size())</code></pre>
<h2>Python with sqlite3</h2>
<pre><code>import sqlite3
db = sqlite3.connect("podium.sqlite")
query = """SELECT t.transcriptId, t.n, t.speaker, snippet(turns_fts, 0, '[', ']', '…', 12)
           FROM turns_fts JOIN turns t ON t.rowid = turns_fts.rowid
           WHERE turns_fts MATCH ? ORDER BY rank LIMIT 20"""
for row in db.execute(query, ('"press freedom"',)):
    print(row)
# Who speaks most, by name: participants names each transcript's speaker labels
names = """SELECT p.name, count(*) AS turns FROM turns t
           JOIN participants p ON p.transcriptId = t.transcriptId AND p.label = t.speaker
           WHERE p.name IS NOT NULL GROUP BY p.name ORDER BY turns DESC LIMIT 10"""
for row in db.execute(names):
    print(row)</code></pre>
<p>The CSV files and the SQLite tables use the same camelCase column names as the JSON records: <code>turns.csv</code> is the <code>turns</code> table, column for column; a transcript's id is <code>id</code> in <code>transcripts</code> and <code>transcriptId</code> everywhere else; <code>n</code> is a turn's number, from 1.</p>
<h2>Revisions</h2>
<p>Each record lists its revisions; each record file is under <code>${esc(dataBase)}transcripts/&lt;agency&gt;/&lt;yyyy&gt;/&lt;date&gt;-&lt;slug&gt;.json</code> and full earlier versions under <code>${esc(dataBase)}history/&lt;agency&gt;/&lt;date&gt;-&lt;slug&gt;/&lt;revision&gt;.json</code>, and the <code>revisions</code> table of the SQLite file has one row per revision with its change class.</p>`;
  return page({ base, title: 'Use the data', body, path: 'use-the-data/' });
}
