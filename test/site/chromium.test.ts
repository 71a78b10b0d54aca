import { describe, expect, it } from 'vitest';
import { findChromium } from '../support/chromium.ts';
import { access } from 'node:fs/promises';

describe('finding a Chromium for the browser tests', () => {
  it('takes PODIUM_CHROMIUM first', async () => {
    const found = await findChromium({ PODIUM_CHROMIUM: '/opt/some/chrome' });
    expect(found).toMatchObject({ executablePath: '/opt/some/chrome', source: 'PODIUM_CHROMIUM' });
  });

  it('falls back to an installed binary (Debian or the npm package) that can be executed', async () => {
    const found = await findChromium({});
    expect(['/usr/bin/chromium', '@sparticuz/chromium']).toContain(found.source);
    await expect(access(found.executablePath)).resolves.toBeUndefined();
    expect(found.args).not.toContain('--single-process');
    expect(found.args).toContain('--disable-background-networking');
  });
});
