/**
 * podium.sqlite: the tables of tables.ts (transcripts, turns, participants, revisions — the same
 * columns as the CSV files), the people registry (people, peopleLabels, peopleOutlets, from
 * output/people.json, or derived from the records when the dataset has none), and an FTS5 index
 * over turn text (external content, so the text is stored once). Rows go in in catalog order
 * inside one transaction, so the same dataset gives the same file.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import Database from 'better-sqlite3';
import { PeopleBuilder } from '../../people/index.ts';
import type { People, Transcript } from '../../schema/types.ts';
import type { Dataset } from '../../store/dataset.ts';
import { bulkFile, FileSink, gzName, sha256, type OffThreadContext, type ExportResult, type SiteExport } from './export.ts';
import { PARTICIPANTS, REVISIONS, TRANSCRIPTS, TURNS, type Table } from './tables.ts';

const q = (name: string) => `"${name}"`;

function createTable(table: Table, extra: { rowid?: boolean; primaryKey?: boolean } = {}): string {
  const columns = table.columns.map((c) => `${q(c.name)} ${c.type === 'integer' ? 'INTEGER' : 'TEXT'}${c.required ? ' NOT NULL' : ''}`);
  const refs = (table.foreignKeys ?? []).map((k) => `FOREIGN KEY (${q(k.fields)}) REFERENCES ${q(k.reference.resource)}(${q(k.reference.fields)})`);
  const key = extra.primaryKey ? [`PRIMARY KEY (${table.primaryKey.map(q).join(', ')})`] : [];
  return `CREATE TABLE ${q(table.name)} (${[...(extra.rowid ? ['rowid INTEGER PRIMARY KEY'] : []), ...columns, ...key, ...refs].join(', ')});`;
}

const SCHEMA = [
  createTable(TRANSCRIPTS, { primaryKey: true }),
  createTable(TURNS, { rowid: true }),
  'CREATE INDEX turns_transcript ON turns(transcriptId, n);',
  createTable(PARTICIPANTS),
  'CREATE INDEX participants_transcript ON participants(transcriptId, label);',
  createTable(REVISIONS, { primaryKey: true }),
  'CREATE TABLE people (name TEXT NOT NULL, aliases TEXT, roles TEXT NOT NULL, agencies TEXT NOT NULL, records INTEGER NOT NULL, turns INTEGER NOT NULL, questions INTEGER NOT NULL, "first" TEXT NOT NULL, "last" TEXT NOT NULL);',
  'CREATE INDEX people_name ON people(name);',
  'CREATE TABLE peopleLabels (name TEXT NOT NULL, agency TEXT NOT NULL, label TEXT NOT NULL, named INTEGER NOT NULL, fromDataset INTEGER NOT NULL);',
  'CREATE INDEX peopleLabels_label ON peopleLabels(agency, label);',
  'CREATE TABLE peopleOutlets (name TEXT NOT NULL, outlet TEXT NOT NULL, questions INTEGER NOT NULL);',
  "CREATE VIRTUAL TABLE turns_fts USING fts5(text, content='turns', content_rowid='rowid');",
].join('\n');

const insert = (table: Table) => `INSERT INTO ${q(table.name)} (${table.columns.map((c) => q(c.name)).join(', ')}) VALUES (${table.columns.map(() => '?').join(',')})`;

export class SqliteExport {
  readonly #db: Database.Database;
  readonly #tables: [Table, Database.Statement][];

  constructor(path: string) {
    this.#db = new Database(path);
    this.#db.pragma('journal_mode = OFF');
    this.#db.pragma('synchronous = OFF');
    this.#db.exec(SCHEMA);
    this.#db.exec('BEGIN');
    this.#tables = [TRANSCRIPTS, TURNS, PARTICIPANTS, REVISIONS].map((table) => [table, this.#db.prepare(insert(table))]);
  }

  add(t: Transcript): void {
    for (const [table, statement] of this.#tables) for (const row of table.rows(t)) statement.run(...row);
  }

  /** The people registry, in its own order (sorted by name). */
  addPeople(people: People): void {
    const person = this.#db.prepare('INSERT INTO people VALUES (?,?,?,?,?,?,?,?,?)');
    const label = this.#db.prepare('INSERT INTO peopleLabels VALUES (?,?,?,?,?)');
    const outlet = this.#db.prepare('INSERT INTO peopleOutlets VALUES (?,?,?)');
    for (const p of people.people) {
      person.run(p.name, p.aliases.length ? p.aliases.join('; ') : null, p.roles.join('; '), p.agencies.join('; '), p.records, p.turns, p.questions, p.first, p.last);
      for (const l of p.labels) label.run(p.name, l.agency, l.label, l.named, l.fromDataset);
      for (const o of p.outlets) outlet.run(p.name, o.outlet, o.questions);
    }
  }

  close(): void {
    this.#db.exec("COMMIT; INSERT INTO turns_fts(turns_fts) VALUES('rebuild'); INSERT INTO turns_fts(turns_fts) VALUES('optimize');");
    this.#db.close();
  }
}

/** output/people.json when the dataset has one (what `podium validate` checks), else derived from the records. */
async function readPeople(dataset: Dataset): Promise<People | null> {
  try {
    return JSON.parse(await readFile(dataset.path('people.json'), 'utf8')) as People;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

const MEDIA_TYPE = 'application/vnd.sqlite3';

/** podium.sqlite as a site export; gzipped, the database is built beside it and then compressed. */
export function sqliteExport(gzip: boolean): SiteExport<OffThreadContext> {
  const path = gzName('podium.sqlite', gzip);
  let file: string;
  let db: SqliteExport;
  let people: People | null;
  let builder: PeopleBuilder | null;
  return {
    path,
    mediaType: MEDIA_TYPE,
    description: 'SQLite: tables `transcripts`, `turns`, `participants` and `revisions` (the columns of the CSV files), `people`, `peopleLabels` and `peopleOutlets`; FTS5 table `turns_fts` over turn text.',
    download: 'bulk',
    resource: { name: 'podium-sqlite', format: 'sqlite' },
    async open(site) {
      file = bulkFile(site, 'podium.sqlite');
      db = new SqliteExport(file);
      people = await readPeople(site.dataset);
      builder = people ? null : new PeopleBuilder();
    },
    async add(t) {
      db.add(t);
      builder?.add(t);
    },
    async close(): Promise<ExportResult> {
      db.addPeople(people ?? builder!.build());
      db.close();
      // The database's bytes are only final once closed: read them once, to hash (and gzip).
      const sink = gzip ? await FileSink.open(`${file}.gz`, true) : null;
      const hash = createHash('sha256');
      let bytes = 0;
      for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
        if (sink) await sink.write(chunk);
        else {
          hash.update(chunk);
          bytes += chunk.length;
        }
      }
      if (!sink) return { path, mediaType: MEDIA_TYPE, bytes, hash: sha256(hash) };
      const written = await sink.end();
      await rm(file);
      return { path, mediaType: MEDIA_TYPE, ...written, compression: 'gz' };
    },
  };
}
