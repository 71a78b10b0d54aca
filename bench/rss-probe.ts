/** Preloaded into measured child processes: records peak RSS (KiB) when the process exits. */
import { writeFileSync } from 'node:fs';

const file = process.env['PODIUM_RSS_FILE'];
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
