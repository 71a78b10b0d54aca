/**
 * A headless Chromium for the browser tests, found without apt, root or a browser download:
 * `PODIUM_CHROMIUM` when set, else Debian's `/usr/bin/chromium` when installed, else the binary that
 * ships inside the `@sparticuz/chromium` devDependency (unpacked to the temp folder on first use).
 */
import { access, constants } from 'node:fs/promises';
import { chromium as playwright, type Browser, type Page } from 'playwright-core';

/** Flags that keep Chromium off this machine's closed network and quiet at start. */
const QUIET = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface ChromiumBinary {
  executablePath: string;
  args: string[];
  /** Where it came from, for the error a failed launch prints. */
  source: 'PODIUM_CHROMIUM' | '/usr/bin/chromium' | '@sparticuz/chromium';
}

async function executable(path: string): Promise<boolean> {
  return access(path, constants.X_OK).then(() => true, () => false);
}

export async function findChromium(env: NodeJS.ProcessEnv = process.env): Promise<ChromiumBinary> {
  const fromEnv = env['PODIUM_CHROMIUM'];
  if (fromEnv) return { executablePath: fromEnv, args: QUIET, source: 'PODIUM_CHROMIUM' };
  if (await executable('/usr/bin/chromium')) return { executablePath: '/usr/bin/chromium', args: QUIET, source: '/usr/bin/chromium' };
  const { default: packaged } = await import('@sparticuz/chromium');
  // Its flags are tuned for AWS Lambda: `--single-process` closes the browser with its last page,
  // which a suite that opens a page per test cannot use.
  const args = [...new Set([...packaged.args.filter((flag) => flag !== '--single-process'), ...QUIET])];
  return { executablePath: await packaged.executablePath(), args, source: '@sparticuz/chromium' };
}

export async function launchChromium(): Promise<Browser> {
  const binary = await findChromium();
  try {
    return await playwright.launch({ executablePath: binary.executablePath, args: binary.args });
  } catch (error) {
    throw new Error(`Chromium from ${binary.source} (${binary.executablePath}) did not start: ${(error as Error).message.split('\n')[0]}`);
  }
}

/**
 * A page of `width` px that records every console error or warning, page error, dialog, failed
 * request and HTTP error, and aborts any request outside `origin` (no CDN, fonts or analytics may
 * load). Tests assert `problems` is empty.
 */
export async function watchedPage(browser: Browser, origin: string, width = 390): Promise<{ page: Page; problems: string[] }> {
  const problems: string[] = [];
  const page = await browser.newPage({ viewport: { width, height: 844 } });
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); void d.dismiss(); });
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  await page.route('**/*', (route) => (route.request().url().startsWith(origin) ? route.continue() : route.abort()));
  return { page, problems };
}
