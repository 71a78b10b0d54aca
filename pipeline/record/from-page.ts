/**
 * Page to record: parse the extracted page, give it its id, and check it against the schema.
 * Shared by `podium extract` and `podium run`, so both produce the same record for the same page.
 */
import type { Agency } from '../agencies/types.ts';
import { ExtractError, type ExtractedPage } from '../extract/index.ts';
import type { Source, Transcript } from '../schema/types.ts';
import { validateTranscript } from '../schema/validate.ts';
import { makeId, slugFromUrl } from '../store/paths.ts';
import { parseTranscript } from '../transcript/index.ts';
import { newRecord } from './build.ts';

/**
 * A first-revision record for the page. `existingId` keeps the id a URL was given on first
 * sight, so a later date edit on the page never moves the record.
 */
export function recordFromPage(
  page: ExtractedPage,
  agency: Agency,
  where: string,
  url: string,
  source: Omit<Source, 'contentSha256'>,
  existingId?: string,
): Transcript {
  const content = parseTranscript(page, agency, where);
  const id = existingId ?? makeId(agency.id, content.date, slugFromUrl(url));
  const record = newRecord(content, { id, agency: agency.id, url }, source);
  const result = validateTranscript(record);
  if (!result.ok) {
    const first = result.errors.slice(0, 3).map((e) => `${e.pointer || '/'} ${e.message}`).join('; ');
    throw new ExtractError(where, 'invalid', `record fails the schema: ${first}`);
  }
  return record;
}
