/**
 * `npm run bench [-- --quick] [-- --only extraction,incremental,scale,politeness,rehearsal,growth]`: prints a table
 * of medians and ratios measured in this same run, and writes bench/results.json.
 * See bench/README.md for the goals and the figures recorded so far.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { benchExtraction } from './extraction.ts';
import { benchGrowth } from './growth.ts';
import { benchIncremental } from './incremental.ts';
import { benchPoliteness } from './politeness.ts';
import { benchRehearsal } from './rehearsal.ts';
import { benchScale, DEPLOYED } from './scale.ts';

const { values } = parseArgs({ options: { quick: { type: 'boolean' }, only: { type: 'string' }, out: { type: 'string', default: 'bench/results.json' } } });
const quick = values.quick === true;
const only = new Set((values.only ?? 'extraction,incremental,scale,politeness').split(','));

const f = (n: number, digits = 1) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const row = (...cells: string[]) => console.log(`| ${cells.join(' | ')} |`);
const results: Record<string, unknown> = {
  quick,
  node: process.version,
  cpus: cpus().length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  // Other work shares the machine: the 1-minute load average before and after says how much.
  loadAverage: { start: loadavg()[0] },
};

if (only.has('extraction')) {
  const r = await benchExtraction(quick);
  results['extraction'] = r;
  console.log(`\n## Extraction — ${r.pages} pages, ${f(r.megabytes)} MB, median of ${r.repeats}\n`);
  row('pipeline', 'pages/s', 'ratio');
  row('---', '---:', '---:');
  row('htmlparser2 bare parse (floor)', f(r.bareParsePagesPerSecond, 0), `Podium takes ${f(r.timeOverBareParse, 2)}× its time (goal ≤ 2)`);
  row('Podium extract + parse + validate', f(r.podiumPagesPerSecond, 0), '1');
  row('Readability + jsdom (text only)', f(r.readabilityPagesPerSecond, 0), `Podium is ${f(r.speedupOverReadability)}× faster (goal ≥ 10)`);
}

if (only.has('incremental')) {
  const r = await benchIncremental(quick);
  results['incremental'] = r;
  console.log(`\n## Incremental run — ${r.transcripts} transcripts, nothing changed\n`);
  row('run', 'wall s', 'peak RSS MiB', 'page requests', '304', 'files written');
  row('---', '---:', '---:', '---:', '---:', '---:');
  for (const [name, x] of [['cold (builds the dataset)', r.cold], ['warm, sitemap lastmod', r.warmByLastmod], ['warm, conditional requests', r.warmConditional]] as const) {
    row(name, f(x.ms / 1000, 2), f(x.peakRssMiB, 0), String(x.pageRequests), String(x.notModified), String(x.filesWritten));
  }
  console.log(`\nwarm run takes ${f(r.warmByLastmod.ms / r.cold.ms * 100)} % of the cold run's time (lastmod), ${f(r.warmConditional.ms / r.cold.ms * 100)} % (conditional)`);
}

if (only.has('scale')) {
  const r = await benchScale(quick);
  results['scale'] = r;
  const l = r.larger;
  console.log(`\n## Scale — ${r.transcripts} synthetic transcripts (and ${l.transcripts}), bodies from the ${r.bodies === 'corpus' ? 'real corpus' : 'small fixtures (corpus not found: set PODIUM_CORPUS; figures not realistic)'}\n`);
  row('command', 'wall s', 'peak RSS MiB', `wall s (${l.transcripts})`, `RSS MiB (${l.transcripts})`);
  row('---', '---:', '---:', '---:', '---:');
  for (const s of r.steps) {
    const q = l.steps.find((x) => x.command === s.command)!;
    row(`podium ${s.command}`, f(s.ms / 1000, 2), f(s.peakRssMiB, 0), f(q.ms / 1000, 2), f(q.peakRssMiB, 0));
  }
  console.log('\ngoals: site < 60 s and < 1024 MiB at 20 000 transcripts on 2 cores; deployed site ≤ 1 GiB at 30 000');
  const mib = (b: number) => f(b / 2 ** 20);
  const kib = (b: number) => f(b / 1024);
  for (const size of [r, l]) {
    const w = size.deployed;
    console.log(`\n### ${DEPLOYED} — ${size.transcripts} transcripts\n`);
    console.log(`total ${mib(w.totalBytes)} MiB in ${w.files.toLocaleString('en-US')} files, ${kib(w.totalBytes / size.transcripts)} KiB per transcript (GitHub Pages allows 1024 MiB); release assets ${mib(size.releaseAssets.totalBytes)} MiB in ${size.releaseAssets.files} files\n`);
    row('part', 'MiB');
    row('---', '---:');
    for (const [part, bytes] of Object.entries(w.parts).sort((a, b) => b[1] - a[1]).slice(0, 8)) row(part, mib(bytes));
    console.log('');
    row('first visit', 'KiB', 'KiB gzipped');
    row('---', '---:', '---:');
    row('home (HTML + CSS)', kib(w.home.bytes), kib(w.home.gzipBytes));
    row('browse, before the first results', kib(w.browse.bytes), kib(w.browse.gzipBytes));
    row('one search shard (median)', kib(w.medianShard.bytes), kib(w.medianShard.gzipBytes));
    row('one search shard (largest)', kib(w.largestShard.bytes), kib(w.largestShard.gzipBytes));
    row(`search "${w.searchMedian.word}" (heaviest word of the median shard), before the first results`, kib(w.searchMedian.bytes), kib(w.searchMedian.gzipBytes));
    row(`search "${w.searchLargest.word}" (heaviest word of the largest shard), before the first results`, kib(w.searchLargest.bytes), kib(w.searchLargest.gzipBytes));
    row(`search "${w.searchHeaviest.word}" (heaviest word of all), before the first results`, kib(w.searchHeaviest.bytes), kib(w.searchHeaviest.gzipBytes));
  }
}

if (only.has('politeness')) {
  const r = await benchPoliteness(quick);
  results['politeness'] = r;
  console.log('\n## Fetch politeness — mirror with artificial latency\n');
  row('per-host limit', 'crawl delay ms', 'latency ms', 'req/s', 'ceiling req/s', 'max in flight', 'min gap ms');
  row('---:', '---:', '---:', '---:', '---:', '---:', '---:');
  for (const c of r) row(String(c.concurrency), String(c.crawlDelayMs), String(c.latencyMs), f(c.requestsPerSecond), f(c.ceilingPerSecond), String(c.maxInFlight), f(c.minGapMs));
}

// Not in the default set: it takes minutes (`--only rehearsal`).
if (only.has('rehearsal')) {
  const r = await benchRehearsal(quick);
  results['rehearsal'] = r;
  console.log(`\n## Rehearsal — ${r.agencies.join(', ')} on a mirror, time scaled ${r.scale}× (budget ${r.budget.realSeconds / 60} min real, ${r.budget.args.join(' ')})\n`);
  row('host', 'listed', 'candidates', 'transcripts', 'requests', 'gap ms (real s)', 'ceiling req/s', 'peak req/s at the wire', 'min gap ms at the wire', 'peak req/s at the mirror', 'min gap ms at the mirror');
  row('---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:');
  for (const h of r.hosts) {
    row(h.host, String(h.listed), String(h.candidates), String(h.transcripts), String(h.requests), `${f(h.gapMs)} (${f((h.gapMs * r.scale) / 1000)})`, f(h.ceilingPerSecond), f(h.wire.peakPerSecond), f(h.wire.minGapMs, 2), f(h.peakPerSecond), f(h.minGapMs, 2));
  }
  console.log(`\nthe mirror's event loop was held up by at most ${f(Math.max(...r.runs.map((x) => x.mirrorLagMaxMs)), 1)} ms (the error of its arrival stamps)`);
  console.log('');
  row('run', 'exit', 'wall s (real h)', 'stored', 'stored per agency', 'backlog (report)', 'never requested', 'pace / ceiling per host', 'failures');
  row('---:', '---:', '---:', '---:', '---', '---:', '---', '---', '---');
  for (const x of r.runs) {
    row(
      String(x.run), String(x.exitCode), `${f(x.ms / 1000)} (${f((x.ms * r.scale) / 3_600_000, 2)})`, String(x.stored),
      Object.entries(x.storedByAgency).map(([a, n]) => `${a} ${n}`).join(', '),
      x.backlog === null ? '—' : String(x.backlog),
      Object.entries(x.neverRequested).map(([a, n]) => `${a} ${n}`).join(', '),
      Object.entries(x.utilisation).filter(([, u]) => u !== null).map(([h, u]) => `${h.replace(/^www\./, '')} ${f(u!, 2)}`).join(', '),
      x.failures.map((e) => `${e.stage} ${e.agency ?? ''}`.trim()).join('; ') || '—',
    );
  }
  console.log(`\nrun 1: ${r.firstRun.stored} stored, index ${r.firstRun.indexValid ? 'valid' : 'NOT valid'}; backlog empty after ${r.runsUntilEmpty === null ? `more than ${r.runs.length} runs (stopped)` : `${r.runsUntilEmpty} runs (${f((r.runsUntilEmpty * r.scheduleHours) / 24)} days at one run every ${r.scheduleHours} h)`}`);
  console.log(`requests per transcript: ${Object.entries(r.requestsPerTranscript).map(([a, n]) => `${a} ${n === null ? '—' : f(n, 2)}`).join(', ')}`);
}

// Not in the default set: a year of runs with real git takes minutes (`--only growth`).
if (only.has('growth')) {
  const r = await benchGrowth(quick);
  results['growth'] = r;
  const { start, end, year } = r;
  const kib = (b: number) => f(b / 1024);
  const mib = (b: number) => f(b / 2 ** 20);
  console.log(`\n## Growth — ${year.runs.toLocaleString('en-US')} scheduled runs (${f((year.runs * 2) / 24 / 365, 2)} years) from ${start.transcripts.toLocaleString('en-US')} transcripts, one commit per ${r.options.runsPerCommit} run(s), bodies from the ${r.bodies === 'corpus' ? 'real corpus' : 'small fixtures (corpus not found: set PODIUM_CORPUS; figures not realistic)'}\n`);
  console.log(`rates from the corpus: ${f(r.rates.newPerDay, 2)} new transcripts a day over ${f(r.rates.observedDays, 0)} watched days (${f(r.rates.newPerRun, 3)} a run), ${f(r.rates.editsPerTranscript, 2)} edits per transcript (median ${f(r.rates.medianEditDelayHours)} h after the first version)`);
  console.log(`the year: ${year.commits.toLocaleString('en-US')} commits, ${year.added} transcripts added, ${year.edits} edits, ${f(year.ms / 1000)} s; pack ${mib(start.packBytes)} → ${mib(end.packBytes)} MiB (+${mib(year.packBytes)} MiB)\n`);
  row('part', 'output/ KiB per transcript (end)', 'pack MiB (start)', 'pack MiB growth over the year', 'share of the growth');
  row('---', '---:', '---:', '---:', '---:');
  const parts = [...new Set([...Object.keys(end.outputByPart), ...Object.keys(year.packByPart)])].sort((a, b) => (year.packByPart[b] ?? 0) - (year.packByPart[a] ?? 0));
  for (const part of parts) {
    const per = end.outputByPart[part];
    row(part, per === undefined ? '—' : kib(per / end.transcripts), mib(start.packByPart[part] ?? 0), mib(year.packByPart[part] ?? 0), `${f(((year.packByPart[part] ?? 0) / year.packBytes) * 100)} %`);
  }
  row('total', kib(end.outputBytes / end.transcripts), mib(start.packBytes), mib(year.packBytes), '100 %');
  if (r.checkpoints.length) {
    console.log('');
    row('run', 'day', 'commits', 'transcripts', 'pack MiB');
    row('---:', '---:', '---:', '---:', '---:');
    for (const c of [start, ...r.checkpoints, end]) row(String(c.run), f(c.days, 0), String(c.commits), String(c.transcripts), mib(c.packBytes));
  }
}

(results['loadAverage'] as Record<string, number>)['end'] = loadavg()[0]!;
// Other scripts write their own keys (e.g. `rehearsal`) into the same file: merge, never drop them.
const previous = JSON.parse(await readFile(values.out, 'utf8').catch(() => '{}')) as Record<string, unknown>;
await writeFile(values.out, `${JSON.stringify({ ...previous, ...results }, null, 2)}\n`);
console.log(`\nwrote ${values.out}`);
