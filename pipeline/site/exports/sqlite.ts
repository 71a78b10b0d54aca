/**
 * podium.sqlite: tables transcripts, turns and revisions, and an FTS5 index over turn text
 * (external content, so the text is stored once). Rows go in in id order inside one transaction,
 * so the same dataset gives the same file.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import Database from 'better-sqlite3';
import type { Transcript } from '../../schema/types.ts';
import { bulkFile, FileSink, gzName, sha256, type ExportResult, type SiteExport } from './export.ts';

const SCHEMA = `
CREATE TABLE transcripts (
  id TEXT PRIMARY KEY, agency TEXT NOT NULL, date TEXT NOT NULL, held_on TEXT, kind TEXT NOT NULL, title TEXT NOT NULL,
  url TEXT NOT NULL, location TEXT, attribution TEXT NOT NULL, embargo TEXT, status TEXT NOT NULL,
  revision INTEGER NOT NULL, words INTEGER NOT NULL, turns INTEGER NOT NULL, questions INTEGER NOT NULL,
  content_sha256 TEXT NOT NULL
);
CREATE TABLE turns (
  rowid INTEGER PRIMARY KEY, transcript_id TEXT NOT NULL REFERENCES transcripts(id), turn INTEGER NOT NULL,
  speaker TEXT NOT NULL, role TEXT NOT NULL, asked_by TEXT, text TEXT NOT NULL
);
CREATE INDEX turns_transcript ON turns(transcript_id, turn);
CREATE TABLE revisions (
  transcript_id TEXT NOT NULL REFERENCES transcripts(id), revision INTEGER NOT NULL, observed_at TEXT NOT NULL,
  change TEXT NOT NULL, revert_of INTEGER, content_sha256 TEXT NOT NULL, PRIMARY KEY (transcript_id, revision)
);
CREATE VIRTUAL TABLE turns_fts USING fts5(text, content='turns', content_rowid='rowid');
`;

export class SqliteExport {
  readonly #db: Database.Database;
  readonly #insert: { transcript: Database.Statement; turn: Database.Statement; revision: Database.Statement };

  constructor(path: string) {
    this.#db = new Database(path);
    this.#db.pragma('journal_mode = OFF');
    this.#db.pragma('synchronous = OFF');
    this.#db.exec(SCHEMA);
    this.#db.exec('BEGIN');
    this.#insert = {
      transcript: this.#db.prepare('INSERT INTO transcripts VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)'),
      turn: this.#db.prepare('INSERT INTO turns (transcript_id, turn, speaker, role, asked_by, text) VALUES (?,?,?,?,?,?)'),
      revision: this.#db.prepare('INSERT INTO revisions VALUES (?,?,?,?,?,?)'),
    };
  }

  add(t: Transcript): void {
    this.#insert.transcript.run(t.id, t.agency, t.date, t.heldOn ?? null, t.kind, t.title, t.url, t.location, t.groundRules.attribution, t.groundRules.embargo,
      t.status, t.revision, t.stats.words, t.stats.turns, t.stats.questions, t.source.contentSha256);
    t.turns.forEach((turn, i) => this.#insert.turn.run(t.id, i + 1, turn.speaker, turn.role, turn.askedBy ?? null, turn.paragraphs.join('\n')));
    for (const r of t.revisions) this.#insert.revision.run(t.id, r.revision, r.observedAt, r.change, r.revertOf ?? null, r.contentSha256);
  }

  close(): void {
    this.#db.exec("COMMIT; INSERT INTO turns_fts(turns_fts) VALUES('rebuild'); INSERT INTO turns_fts(turns_fts) VALUES('optimize');");
    this.#db.close();
  }
}

const MEDIA_TYPE = 'application/vnd.sqlite3';

/** podium.sqlite as a site export; gzipped, the database is built beside it and then compressed. */
export function sqliteExport(gzip: boolean): SiteExport {
  const path = gzName('podium.sqlite', gzip);
  let file: string;
  let db: SqliteExport;
  return {
    path,
    mediaType: MEDIA_TYPE,
    description: 'SQLite: tables `transcripts`, `turns` and `revisions`; FTS5 table `turns_fts` over turn text.',
    download: 'bulk',
    resource: { name: 'podium-sqlite', format: 'sqlite' },
    async open(site) {
      file = bulkFile(site, 'podium.sqlite');
      db = new SqliteExport(file);
    },
    async add(t) {
      db.add(t);
    },
    async close(): Promise<ExportResult> {
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
