// Headless Debian chromium for the browser checks: playwright-core drives /usr/bin/chromium (browser
// downloads are impossible here), with a fresh profile and temp folder under build/ that close() removes.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BUILD = join(ROOT, 'build', 'test');
export const SCREENSHOTS = join(BUILD, 'screenshots');

const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu',
  // Without these, chromium keeps calling home, and on this offline machine that floods refused connections.
  '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic',
  '--disable-sync',
];

export async function launch() {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const scratch = mkdtempSync(join(BUILD, 'chromium-'));
  // playwright keeps its own artifacts in the temp folder: keep them in ours too
  const tmp = join(scratch, 'tmp');
  mkdirSync(tmp);
  const previousTmp = process.env.TMPDIR;
  process.env.TMPDIR = tmp;
  const context = await chromium.launchPersistentContext(join(scratch, 'profile'), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    async close() {
      await context.close();
      if (previousTmp === undefined) delete process.env.TMPDIR; else process.env.TMPDIR = previousTmp;
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}
