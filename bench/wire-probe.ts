/**
 * Preloaded into the rehearsal's `podium run` children: the moment each HTTP request's headers
 * are written to its socket (undici's `undici:client:sendHeaders`), as `[origin, epoch ms]`
 * rows written to PODIUM_WIRE_FILE at exit. The mirror stamps arrivals too, but on its own event
 * loop, which a loaded machine delays by tens of milliseconds; this is when a request left.
 */
import { subscribe } from 'node:diagnostics_channel';
import { writeFileSync } from 'node:fs';

const file = process.env['PODIUM_WIRE_FILE'];
if (file) {
  const rows: [string, number][] = [];
  subscribe('undici:client:sendHeaders', (message) => {
    rows.push([String((message as { request: { origin: unknown } }).request.origin), performance.timeOrigin + performance.now()]);
  });
  process.on('exit', () => writeFileSync(file, JSON.stringify(rows)));
}
