import { describe, expect, it } from 'vitest';
import { validateCrawlState, validateIndex, validateTranscript } from '../../pipeline/schema/validate.ts';
import { entryFor, makeCrawlState, makeIndex, makeTranscript } from '../support/records.ts';

const PATH = 'transcripts/state/2022/2022-01-18-department-press-briefing-january-18-2022.json';

function errorsOf(result: ReturnType<typeof validateTranscript>) {
  return result.ok ? [] : result.errors;
}

describe('validateTranscript', () => {
  it('accepts a complete record, and one without the optional fields', () => {
    expect(validateTranscript(makeTranscript())).toMatchObject({ ok: true });
    const minimal: Record<string, unknown> = { ...makeTranscript() };
    for (const key of ['docType', 'time', 'byline', 'preamble', 'closing']) delete minimal[key];
    expect(validateTranscript(minimal)).toMatchObject({ ok: true });
  });

  it('points a missing field at the field itself, nested ones included', () => {
    const record: Record<string, unknown> = { ...makeTranscript(), stats: { turns: 2, questions: 1 } };
    delete record.title;
    expect(errorsOf(validateTranscript(record))).toEqual([
      { pointer: '/title', message: 'is required' },
      { pointer: '/stats/words', message: 'is required' },
    ]);
  });

  it('names the allowed values of a bad enum, deep in arrays too', () => {
    const record = makeTranscript();
    const bad = { ...record, kind: 'briefing', turns: [record.turns[0], { ...record.turns[1], role: 'reporter' }] };
    const errors = errorsOf(validateTranscript(bad));
    expect(errors).toContainEqual({
      pointer: '/kind',
      message: expect.stringMatching(/^must be one of "press-briefing", .*"other"$/),
    });
    expect(errors).toContainEqual({ pointer: '/turns/1/role', message: expect.stringContaining('"journalist"') });
    expect(errors).toHaveLength(2);
  });

  it.each([
    ['id', 'state/2022-01-18/Bad_Slug', /must match pattern/],
    ['id', '../etc/passwd', /must match pattern/],
    ['date', '2022-02-30', /must match format "date"/],
    ['url', 'www.state.gov/x', /must match (format "uri"|pattern)/],
    ['schemaVersion', '2.0.0', /must match pattern/],
    ['revision', 0, /must be >= 1/],
    ['location', 3, /must be string,null/],
  ])('reports a bad %s (%j)', (field, value, message) => {
    const errors = errorsOf(validateTranscript({ ...makeTranscript(), [field]: value }));
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) expect(error.pointer).toBe(`/${field}`);
    expect(errors.some((error) => message.test(error.message))).toBe(true);
  });

  it('refuses unknown properties at their own pointer, escaping ~ and /', () => {
    const errors = errorsOf(validateTranscript({ ...makeTranscript(), 'a/b~c': 1 }));
    expect(errors).toEqual([{ pointer: '/a~1b~0c', message: 'is not allowed (unknown property)' }]);
  });

  it('requires at least one turn and one revision', () => {
    const errors = errorsOf(validateTranscript({ ...makeTranscript(), turns: [], revisions: [] }));
    expect(errors.map((error) => error.pointer)).toEqual(['/turns', '/revisions']);
  });

  it('reports the root itself with an empty pointer', () => {
    expect(errorsOf(validateTranscript([]))).toEqual([{ pointer: '', message: 'must be object' }]);
  });
});

describe('validateIndex and validateCrawlState', () => {
  it('accept what the store writes', () => {
    expect(validateIndex(makeIndex([entryFor(makeTranscript(), PATH)]))).toMatchObject({ ok: true });
    expect(validateCrawlState(makeCrawlState())).toMatchObject({ ok: true });
  });

  it('check index entries through the cross-file $ref to the kind enum', () => {
    const entry = { ...entryFor(makeTranscript(), PATH), kind: 'speech' };
    const result = validateIndex(makeIndex([entry as never]));
    expect(result.ok ? [] : result.errors).toEqual([
      { pointer: '/transcripts/0/kind', message: expect.stringContaining('must be one of "press-briefing"') },
    ]);
  });

  it('check the record path pattern and the dataset version', () => {
    const result = validateIndex({
      ...makeIndex([entryFor(makeTranscript(), '../escape.json')]),
      datasetVersion: '2022-01-19',
    });
    expect(result.ok ? [] : result.errors.map((error) => error.pointer)).toEqual([
      '/datasetVersion',
      '/transcripts/0/path',
    ]);
  });

  it('report a bad verdict in crawl state', () => {
    const state = makeCrawlState();
    const result = validateCrawlState({ ...state, pages: [{ ...state.pages[0], verdict: 'maybe' }] });
    expect(result.ok ? [] : result.errors).toEqual([
      { pointer: '/pages/0/verdict', message: 'must be one of "transcript", "not-transcript"' },
    ]);
  });
});
