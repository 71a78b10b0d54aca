/**
 * Why a page yielded no transcript. Every message names the page and the reason in one line.
 * `templateChange` marks failures that suggest the site's markup changed (no article body, a
 * briefing with no recognizable speaker): the scheduled workflow alerts on those.
 */
export type ExtractErrorCode =
  | 'no-body' // none of the body selectors matched
  | 'no-title'
  | 'no-date'
  | 'decoy' // a bot wall or "Technical Difficulties" page instead of content
  | 'not-transcript' // a press statement, readout or other release without speaker turns
  | 'no-speakers' // a page that says it is a briefing but has no recognizable speaker
  | 'too-large' // more paragraphs or deeper nesting than any real page
  | 'empty' // speaker labels with no words after them
  | 'invalid'; // the record failed schema validation

export class ExtractError extends Error {
  override readonly name = 'ExtractError';
  constructor(
    readonly page: string,
    readonly code: ExtractErrorCode,
    readonly reason: string,
  ) {
    super(`${page}: ${reason}`);
  }

  /** Failures that point at a template change rather than at one odd page. */
  get templateChange(): boolean {
    return this.code === 'no-body' || this.code === 'no-speakers' || this.code === 'no-title';
  }
}
