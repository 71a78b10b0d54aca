import { createServer, type Server } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startMirror, type Mirror } from '../support/mirror.ts';
import { fetchError, pageRequests, testFetcher } from './helpers.ts';

const BRIEFING = `<html><body><p><strong>MR PRICE:</strong>\u00a0 Good afternoon.</p>${'<p>QUESTION: Thank you.</p>'.repeat(200)}</body></html>`;

let mirror: Mirror;
beforeEach(async () => {
  mirror = await startMirror();
  mirror.set('/briefing/', { body: BRIEFING });
});
afterEach(async () => {
  await mirror.close();
});

describe('broken bodies', () => {
  it('reports a connection reset mid-body as truncated, after retries', async () => {
    mirror.fault('/briefing/', { kind: 'reset' });
    const error = await fetchError(testFetcher([mirror]).fetcher.get({ url: mirror.url('/briefing/') }));
    expect(error).toMatchObject({ kind: 'truncated', attempts: 3, transient: true });
    expect(error.message).toMatch(/connection closed mid-body after \d+ of \d+ bytes \(UND_ERR_SOCKET: other side closed\) after 3 attempts$/);
  });

  it('recovers when the reset happens once', async () => {
    mirror.fault('/briefing/', { kind: 'reset', times: 1 });
    const page = await testFetcher([mirror]).fetcher.get({ url: mirror.url('/briefing/') });
    expect(page.body).toBe(BRIEFING);
    expect(pageRequests(mirror)).toHaveLength(2);
  });

  it('reports a body shorter than its Content-Length as truncated', async () => {
    mirror.fault('/briefing/', { kind: 'truncate' });
    const error = await fetchError(testFetcher([mirror], { retries: 0 }).fetcher.get({ url: mirror.url('/briefing/') }));
    expect(error).toMatchObject({ kind: 'truncated', attempts: 1 });
    expect(error.message).toMatch(/connection closed mid-body after \d+ of \d+ bytes/);
  });

  it('times out a body that never finishes', async () => {
    mirror.fault('/briefing/', { kind: 'hang' });
    const started = performance.now();
    const error = await fetchError(testFetcher([mirror], { retries: 0, timeoutMs: 200 }).fetcher.get({ url: mirror.url('/briefing/') }));
    expect(error).toMatchObject({ kind: 'timeout', transient: true });
    expect(error.message).toMatch(/body not complete within 200 ms \(\d+ bytes received\)/);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('times out when the headers never come', async () => {
    mirror.fault('/briefing/', { kind: 'delay', ms: 5000 });
    const error = await fetchError(testFetcher([mirror], { retries: 1, timeoutMs: 150 }).fetcher.get({ url: mirror.url('/briefing/') }));
    expect(error).toMatchObject({ kind: 'timeout', attempts: 2 });
    expect(error.message).toContain('no response within 150 ms');
  });

  it('reports a connection dropped before any answer as a network error', async () => {
    const dropper = await listenDroppingEveryConnection();
    try {
      const address = dropper.address();
      const host = typeof address === 'object' && address ? `127.0.0.1:${address.port}` : '';
      const { fetcher } = testFetcher([], { allowedHosts: new Set([host]), robots: false, retries: 1 });
      const error = await fetchError(fetcher.get({ url: `http://${host}/briefing/` }));
      expect(error).toMatchObject({ kind: 'network', attempts: 2, transient: true });
      expect(error.message).toMatch(/^GET http:\/\/127\.0\.0\.1:\d+\/briefing\/: network error: .+ after 2 attempts$/);
    } finally {
      await new Promise((resolve) => dropper.close(resolve));
    }
  });
});

describe('size cap', () => {
  it('aborts a 50 MB body soon after the cap, with bounded memory', async () => {
    mirror.fault('/huge', { kind: 'huge', bytes: 50 * 1024 * 1024 });
    const { fetcher } = testFetcher([mirror], { maxBytes: 1024 * 1024, timeoutMs: 10_000 });

    const baseline = memory();
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, memory());
    }, 2);
    const started = performance.now();
    const error = await fetchError(fetcher.get({ url: mirror.url('/huge') }));
    clearInterval(sampler);
    peak = Math.max(peak, memory());

    expect(error).toMatchObject({ kind: 'too-large', attempts: 1, transient: false });
    expect(error.message).toBe(`GET ${mirror.url('/huge')}: body exceeds the 1048576-byte cap`);
    expect(performance.now() - started).toBeLessThan(5000);
    // The server stopped long before 50 MB (socket buffers account for what it sent past the cap).
    await until(() => mirror.requestsFor('/huge')[0]?.end != null);
    expect(mirror.requestsFor('/huge')[0]?.bytesSent).toBeLessThan(25 * 1024 * 1024);
    expect(peak - baseline).toBeLessThan(30 * 1024 * 1024);
  });

  it('refuses a declared Content-Length over the cap before reading', async () => {
    mirror.fault('/huge', { kind: 'huge', bytes: 50 * 1024 * 1024, declareLength: true });
    const error = await fetchError(testFetcher([mirror], { maxBytes: 1024 * 1024 }).fetcher.get({ url: mirror.url('/huge') }));
    expect(error.kind).toBe('too-large');
    expect(error.message).toContain('Content-Length 52428800 exceeds the 1048576-byte cap');
  });
});

describe('content type', () => {
  it('refuses a PDF where HTML is expected, without retrying', async () => {
    mirror.set('/statement.pdf', { body: '%PDF-1.7', contentType: 'application/pdf' });
    const error = await fetchError(
      testFetcher([mirror]).fetcher.get({ url: mirror.url('/statement.pdf'), expect: ['text/html'] }),
    );
    expect(error).toMatchObject({ kind: 'content-type', attempts: 1, transient: false });
    expect(error.message).toContain('content type application/pdf, expected text/html');
  });

  it('refuses JSON served at an HTML page', async () => {
    mirror.fault('/briefing/', { kind: 'content-type', contentType: 'application/json; charset=utf-8' });
    const error = await fetchError(testFetcher([mirror]).fetcher.get({ url: mirror.url('/briefing/'), expect: ['text/html'] }));
    expect(error.kind).toBe('content-type');
  });

  it('accepts any of several expected types by prefix, case-insensitively', async () => {
    mirror.set('/feed/', { body: '<rss/>', contentType: 'Application/RSS+XML; charset=UTF-8' });
    const page = await testFetcher([mirror]).fetcher.get({ url: mirror.url('/feed/'), expect: ['application/xml', 'application/rss+xml'] });
    expect(page.contentType).toBe('Application/RSS+XML; charset=UTF-8');
  });
});

describe('charsets', () => {
  // “Department” – café, as Windows-1252 bytes.
  const cp1252 = Uint8Array.from([0x93, ...Buffer.from('Department'), 0x94, 0x20, 0x96, 0x20, ...Buffer.from('caf'), 0xe9]);
  const page = (head: string) =>
    Uint8Array.from([...Buffer.from(`<html><head>${head}</head><body><p>`), ...cp1252, ...Buffer.from('</p></body></html>')]);

  it('decodes Windows-1252 declared in the header', async () => {
    mirror.set('/old/', { body: page(''), contentType: 'text/html; charset=windows-1252' });
    const { body } = await testFetcher([mirror]).fetcher.get({ url: mirror.url('/old/') });
    expect(body).toContain('<p>“Department” – café</p>');
  });

  it('decodes Windows-1252 declared only in a meta tag', async () => {
    mirror.set('/old/', { body: page('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'), contentType: 'text/html' });
    const { body } = await testFetcher([mirror]).fetcher.get({ url: mirror.url('/old/') });
    expect(body).toContain('<p>“Department” – café</p>');
  });

  it('reads undeclared bytes that are not UTF-8 as Windows-1252, not as U+FFFD', async () => {
    mirror.set('/old/', { body: page(''), contentType: 'text/html' });
    const { body } = await testFetcher([mirror]).fetcher.get({ url: mirror.url('/old/') });
    expect(body).toContain('<p>“Department” – café</p>');
  });

  it('reads UTF-8 bytes served under a Latin-1 label as UTF-8', async () => {
    mirror.set('/mislabelled/', { body: '<p>“Department” – café</p>', contentType: 'text/html; charset=iso-8859-1' });
    const { body } = await testFetcher([mirror]).fetcher.get({ url: mirror.url('/mislabelled/') });
    expect(body).toBe('<p>“Department” – café</p>');
  });

  it('strips a UTF-8 BOM', async () => {
    mirror.set('/bom/', { body: Uint8Array.from([0xef, 0xbb, 0xbf, ...Buffer.from('<p>café</p>')]), contentType: 'text/html' });
    const { body } = await testFetcher([mirror]).fetcher.get({ url: mirror.url('/bom/') });
    expect(body).toBe('<p>café</p>');
  });
});

describe('conditional requests', () => {
  it('sends the validators and returns notModified on 304', async () => {
    const { fetcher } = testFetcher([mirror]);
    const first = await fetcher.get({ url: mirror.url('/briefing/') });
    expect(first).toMatchObject({ status: 200, notModified: false });
    expect(first.etag).toMatch(/^"/);

    const again = await fetcher.get({ url: mirror.url('/briefing/'), etag: first.etag, lastModified: first.lastModified });
    expect(again).toEqual({
      url: mirror.url('/briefing/'),
      status: 304,
      notModified: true,
      body: '',
      etag: first.etag,
      lastModified: first.lastModified,
      contentType: null,
    });
    const conditional = pageRequests(mirror)[1];
    expect(conditional?.headers['if-none-match']).toBe(first.etag);
    expect(conditional?.headers['if-modified-since']).toBe(first.lastModified);
  });

  it('uses If-Modified-Since alone when there is no ETag', async () => {
    const { fetcher } = testFetcher([mirror]);
    const first = await fetcher.get({ url: mirror.url('/briefing/') });
    const again = await fetcher.get({ url: mirror.url('/briefing/'), lastModified: first.lastModified });
    expect(again.notModified).toBe(true);
    expect(pageRequests(mirror)[1]?.headers['if-none-match']).toBeUndefined();
  });

  it('gets the new body when the page changed', async () => {
    const { fetcher } = testFetcher([mirror]);
    const first = await fetcher.get({ url: mirror.url('/briefing/') });
    mirror.set('/briefing/', { body: '<p>Correction: …</p>' });
    const again = await fetcher.get({ url: mirror.url('/briefing/'), etag: first.etag });
    expect(again).toMatchObject({ status: 200, notModified: false, body: '<p>Correction: …</p>' });
    expect(again.etag).not.toBe(first.etag);
  });

  it('sends no validators when none are given', async () => {
    await testFetcher([mirror]).fetcher.get({ url: mirror.url('/briefing/') });
    const headers = pageRequests(mirror)[0]?.headers ?? {};
    expect(headers['if-none-match']).toBeUndefined();
    expect(headers['if-modified-since']).toBeUndefined();
  });
});

function memory(): number {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

async function until(condition: () => boolean): Promise<void> {
  const deadline = performance.now() + 2000;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error('condition not met within 2 s');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function listenDroppingEveryConnection(): Promise<Server> {
  const server = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}
