/**
 * `npm run demo [-- --port 4173] [-- --check]`: the whole of Podium on one machine with no network.
 * Starts the local state.gov mirror the tests use (test/support, fixture pages), runs the pipeline
 * against it into a temp dataset, builds the site with every download, and serves it on localhost.
 * With --check it fetches the served home page, verifies it, and exits (0 when it looks right).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { state } from '../pipeline/agencies/state.ts';
import { runPipeline } from '../pipeline/run/index.ts';
import { buildSite } from '../pipeline/site/index.ts';
import { serveSite } from '../pipeline/site/serve.ts';
import { startStateMirror } from '../test/support/state-mirror.ts';

const { values } = parseArgs({ options: { port: { type: 'string', default: '4173' }, check: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
if (values.help) {
  console.log('Usage: npm run demo [-- --port <n>] [-- --check]\n\nMirror → pipeline → site → http://127.0.0.1:<port>/podium/, all local. --check verifies the home page and exits.');
  process.exit(0);
}

const root = await mkdtemp(join(tmpdir(), 'podium-demo-'));
const mirror = await startStateMirror();
const cleanup = async () => {
  await mirror.close();
  await rm(root, { recursive: true, force: true });
};
try {
  const out = join(root, 'output');
  const dest = join(root, '_site');
  console.log(`demo: local state.gov mirror at ${mirror.www.origin} (and the archive at ${mirror.archive.origin})`);
  const report = await runPipeline({ agencies: [state], out, origins: mirror.originArgs, fetcher: { minDelayMs: 0, retries: 0 } });
  console.log(`demo: pipeline stored ${report.added.length} transcripts in ${out}`);
  const site = await buildSite({ out, dest, baseUrl: '/podium/' });
  console.log(`demo: site of ${site.pages} pages in ${dest}`);
  const server = await serveSite(dest, '/podium/', values.check ? 0 : Number(values.port));

  if (values.check) {
    const response = await fetch(server.url);
    const html = await response.text();
    const count = Number(/([\d,]+) transcripts, split into speaker turns/.exec(html)?.[1]?.replace(/,/g, '') ?? 0);
    const ok = response.ok && html.includes('<h1>Podium') && count === report.added.length && count > 0;
    console.log(ok ? `demo --check: ok, ${server.url} lists ${count} transcripts` : `demo --check: FAILED (HTTP ${response.status}, ${count} transcripts listed)`);
    await server.close();
    await cleanup();
    process.exit(ok ? 0 : 1);
  }

  console.log(`\nPodium is served at ${server.url}  (Ctrl-C to stop)\n`);
  const stop = async () => {
    await server.close();
    await cleanup();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  await cleanup();
  throw error;
}
