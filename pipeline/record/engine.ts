/**
 * The version of the parser that made a record (`engine` on every record). Bump it with every
 * change that can make the same page give a different record — a new field, a rule for roles,
 * names, questioners, kinds — so `podium reprocess --outdated` (run by scrape.yml before
 * scraping) rebuilds the records an older engine made, as `reprocessed` revisions, and the next
 * agency edit is compared with a record made by the same engine.
 */
export const ENGINE_VERSION = '2026.12.9';
