// Opens every HTML handout from the index page (index.html, the course's index notebook) in chromium and checks
// what a reader must see: the title, a Java code cell (syntax-highlighted) and a known output, all without any
// network request; then follows every link of every handout: each link to another handout or to a heading
// must lead to a page and an element that exist. A lesson of chapter 2 keeps its exercises' solutions folded until clicked.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BUILD, SCREENSHOTS, launch } from './chromium.mjs';

const DIR = resolve(process.env.HANDOUTS_DIR ?? join(BUILD, 'handouts'));
const MANIFEST = join(DIR, 'handouts.json');
if (!existsSync(MANIFEST)) throw new Error(`${MANIFEST} is missing: export the handouts first`);
const pages = JSON.parse(readFileSync(MANIFEST, 'utf8'));
const INDEX = 'index.html';

let browser;
let page;
const requests = [];
before(async () => {
  browser = await launch();
  page = await browser.context.newPage();
  await page.route(/^(?!file:)/, (route) => { requests.push(route.request().url()); route.abort(); });
});
after(async () => { await browser?.close(); });

test('the index is a handout and links every other handout', async () => {
  assert.ok(pages.some((p) => p.file === INDEX), `no ${INDEX} among the handouts`);
  await page.goto(pathToFileURL(join(DIR, INDEX)).href);
  for (const { file, title } of pages.filter((p) => p.file !== INDEX)) {
    await assert.doesNotReject(page.locator(`a[href="${file}"]`, { hasText: title }).first().waitFor({ timeout: 5000 }),
      `the index has no link to ${file} titled "${title}"`);
  }
});

test('a lesson of chapter 2 folds its solutions, and a click on the summary opens one', async () => {
  const lessons = pages.filter((p) => /^02\./.test(p.file));
  assert.ok(lessons.length > 0, 'no 02.xx handout');
  let folded = 0;
  for (const { file } of lessons) {
    await page.goto(pathToFileURL(join(DIR, file)).href);
    const solutions = page.locator('details.jmp-solution');
    const count = await solutions.count();
    for (let i = 0; i < count; i++) {
      const solution = solutions.nth(i);
      const code = solution.locator('.jp-CodeCell .highlight').first();
      assert.equal(await solution.evaluate((d) => d.open), false, `${file}: solution ${i + 1} is open on load`);
      assert.equal(await code.isVisible(), false, `${file}: solution ${i + 1}'s code shows while folded`);
      await solution.locator('summary').click();
      assert.equal(await solution.evaluate((d) => d.open), true, `${file}: a click did not open solution ${i + 1}`);
      await code.waitFor({ state: 'visible', timeout: 5000 });
      folded++;
    }
  }
  assert.ok(folded > 0, `no folded solution (details.jmp-solution) in ${lessons.map((p) => p.file).join(', ')}`);
});

for (const { file, title, expect } of pages) {
  test(`handout ${file}`, async () => {
    await page.goto(pathToFileURL(join(DIR, INDEX)).href);
    if (file !== INDEX) {
      await page.locator(`a[href="${file}"]`).first().click();
      await page.waitForLoadState('load');
    }
    assert.equal(await page.title(), title);
    if (expect) {
      const cell = page.locator('.jp-CodeCell .jp-InputArea .highlight', { hasText: expect.code }).first();
      await cell.waitFor({ state: 'visible', timeout: 5000 });
      // pygments marked Java tokens: keywords/types get their own classes (k*), i.e. it is highlighted
      assert.ok(await page.locator('.jp-CodeCell .highlight span[class^="k"]').count() > 0, 'no highlighted Java');
      // a Java program in a text block (01.03, 01.05) is highlighted as Java, not shown as one string token
      assert.equal(await page.locator('.jp-CodeCell .highlight span[class^="s"]', { hasText: /\bclass\s+\w+\s*\{/ }).count(), 0,
        'a Java program is highlighted as one string');
      const output = page.locator('.jp-OutputArea-output', { hasText: expect.output }).first();
      await output.waitFor({ state: 'visible', timeout: 5000 });
    }
    await page.screenshot({ path: join(SCREENSHOTS, `handout-${file.replace(/\.html$/, '')}.png`), fullPage: true });
  });

  test(`every link of ${file} leads somewhere`, async () => {
    const here = pathToFileURL(join(DIR, file)).href;
    await page.goto(here);
    const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    assert.ok(hrefs.length > 0, 'no links');
    const broken = [];
    for (const href of new Set(hrefs)) {
      const target = new URL(href, here);
      if (target.protocol === 'https:') continue; // outside the handouts, and this machine is offline
      if (target.protocol !== 'file:') { broken.push(`${href}: neither a handout nor https`); continue; }
      const path = fileURLToPath(target);
      if (!existsSync(path)) { broken.push(`${href}: no such file`); continue; }
      await page.goto(target.href);
      if (target.hash) {
        const id = decodeURIComponent(target.hash.slice(1));
        if (await page.locator(`[id="${id.replace(/"/g, '\\"')}"]`).count() === 0) broken.push(`${href}: no element with that id`);
      } else {
        const titles = pages.filter((p) => join(DIR, p.file) === path).map((p) => p.title);
        if (titles.length === 0) broken.push(`${href}: not a handout`);
        else if (await page.title() !== titles[0]) broken.push(`${href}: page title is not "${titles[0]}"`);
      }
    }
    assert.deepEqual(broken, []);
  });
}

test('no handout reached for the network', () => {
  assert.deepEqual(requests, []);
});
