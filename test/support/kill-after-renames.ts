/**
 * Preloaded into a child `podium run` (node --import tsx --import this): SIGKILLs the process right
 * after its Nth file rename — the moment an atomic write lands — so a test can stop a run between
 * any two files it writes, as a crash or an OOM kill would.
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const limit = Number(process.env['PODIUM_TEST_KILL_AFTER_RENAMES']);
if (Number.isInteger(limit) && limit > 0) {
  let renames = 0;
  const rename = fs.promises.rename;
  fs.promises.rename = async (...args: Parameters<typeof rename>) => {
    await rename(...args);
    if (++renames >= limit) process.kill(process.pid, 'SIGKILL');
  };
  // ESM named imports of node:fs/promises are live bindings of this object only after a sync.
  syncBuiltinESMExports();
}
