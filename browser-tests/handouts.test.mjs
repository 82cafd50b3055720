// Opens every HTML handout from its index page in chromium and checks what a reader must see: the title,
// a Java code cell (syntax-highlighted) and a known output, all without any network request.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUILD, SCREENSHOTS, launch } from './chromium.mjs';

const DIR = resolve(process.env.HANDOUTS_DIR ?? join(BUILD, 'handouts'));
const MANIFEST = join(DIR, 'handouts.json');
if (!existsSync(MANIFEST)) throw new Error(`${MANIFEST} is missing: export the handouts first`);
const pages = JSON.parse(readFileSync(MANIFEST, 'utf8'));

let browser;
let page;
const requests = [];
before(async () => {
  browser = await launch();
  page = await browser.context.newPage();
  await page.route(/^(?!file:)/, (route) => { requests.push(route.request().url()); route.abort(); });
});
after(async () => { await browser?.close(); });

test('the index links every handout', async () => {
  await page.goto(pathToFileURL(join(DIR, 'index.html')).href);
  for (const { file, title } of pages) {
    await assert.doesNotReject(page.locator(`a[href="${file}"]`, { hasText: title }).waitFor({ timeout: 5000 }));
  }
});

for (const { file, title, expect } of pages) {
  test(`handout ${file}`, async () => {
    await page.goto(pathToFileURL(join(DIR, 'index.html')).href);
    await page.locator(`a[href="${file}"]`).click();
    await page.waitForLoadState('load');
    assert.equal(await page.title(), title);
    if (expect) {
      const cell = page.locator('.jp-CodeCell .jp-InputArea .highlight', { hasText: expect.code }).first();
      await cell.waitFor({ state: 'visible', timeout: 5000 });
      // pygments marked Java tokens: keywords/types get their own classes (k*), i.e. it is highlighted
      assert.ok(await page.locator('.jp-CodeCell .highlight span[class^="k"]').count() > 0, 'no highlighted Java');
      const output = page.locator('.jp-OutputArea-output', { hasText: expect.output }).first();
      await output.waitFor({ state: 'visible', timeout: 5000 });
    }
    await page.screenshot({ path: join(SCREENSHOTS, `handout-${file.replace(/\.html$/, '')}.png`), fullPage: true });
  });
}

test('no handout reached for the network', () => {
  assert.deepEqual(requests, []);
});
