/** "Use the data": what each download is and copy-paste recipes for jq, Python and curl. */
import { exportNames, type ExportNames } from '../exports/names.ts';
import { esc, sitePath } from '../html.ts';
import { page } from '../layout.ts';

export function useDataPage(base: string, dataBase = `${base}data/`, names: ExportNames = exportNames(false)): string {
  const site = `https://&lt;owner&gt;.github.io${esc(base.replace(/\/$/, ''))}`;
  const file = (path: string, what: string) => `<tr><td><a href="${esc(sitePath(base, path))}">${esc(path)}</a></td><td>${what}</td></tr>`;
  const body = `<h1>Use the data</h1>
<p>Everything on this site is built from the dataset's files, which you can download whole. Replace <code>SITE</code> below with this site's address.</p>
<h2>Downloads</h2>
<table><thead><tr><th scope="col">File</th><th scope="col">What it holds</th></tr></thead><tbody>
${file(names.ndjson, 'Every transcript record, one JSON object a line (schema: transcript.schema.json).')}
${file(names.csv, 'One row per turn: id, date, agency, turn, speaker, role, askedBy, text (RFC 4180).')}
${file(names.sqlite, 'SQLite: tables transcripts, turns, revisions; full-text search in turns_fts.')}
${file('datapackage.json', 'Frictionless Data Package describing every file above.')}
${file('data/index.json', 'The catalog: one entry per transcript, with the path of its record under data/.')}
${file('data/changelog.json', 'What each run added, revised, withdrew or restored.')}
${file('feed.atom', 'Atom feed of new and revised transcripts.')}
${file('schemas/v1/transcript.schema.json', 'JSON Schema of a record (also index, changelog, crawl state).')}
</tbody></table>
<h2>curl</h2>
<pre><code>SITE=${site}
${[names.ndjson, names.csv, names.sqlite].map((f) => (names.gzip ? `curl -sS "$SITE/${esc(f)}" | gunzip &gt; ${esc(f.replace(/\.gz$/, ''))}` : `curl -sSO "$SITE/${esc(f)}"`)).join('\n')}</code></pre>
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
print(records.groupby([records.date.str[:4], "kind"]).size())</code></pre>
<h2>Python with sqlite3</h2>
<pre><code>import sqlite3
db = sqlite3.connect("podium.sqlite")
query = """SELECT t.transcript_id, t.turn, t.speaker, snippet(turns_fts, 0, '[', ']', '…', 12)
           FROM turns_fts JOIN turns t ON t.rowid = turns_fts.rowid
           WHERE turns_fts MATCH ? ORDER BY rank LIMIT 20"""
for row in db.execute(query, ('"press freedom"',)):
    print(row)</code></pre>
<h2>Revisions</h2>
<p>Each record lists its revisions; each record file is under <code>${esc(dataBase)}transcripts/&lt;agency&gt;/&lt;yyyy&gt;/&lt;date&gt;-&lt;slug&gt;.json</code> and full earlier versions under <code>${esc(dataBase)}history/&lt;agency&gt;/&lt;date&gt;-&lt;slug&gt;/&lt;revision&gt;.json</code>, and the <code>revisions</code> table of the SQLite file has one row per revision with its change class.</p>`;
  return page({ base, title: 'Use the data', body, path: 'use-the-data/' });
}
