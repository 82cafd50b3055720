// Starts JupyterLab (tools/lab.py) on 127.0.0.1 with a random port and token, opens a copy of a course
// notebook in chromium, runs all cells through the menus and waits for the child process's output in the
// cell's output area. The server's whole process tree is stopped on every path, and checked to be gone.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { BUILD, ROOT, SCREENSHOTS, launch } from './chromium.mjs';

const NOTEBOOK = resolve(ROOT, process.env.LAB_NOTEBOOK ?? 'notebooks/01.01-What-Is-Multiprocessing.ipynb');
const PYTHON = join(ROOT, '.venv', 'bin', 'python');
const SHOT = process.env.LAB_NOTEBOOK ? basename(NOTEBOOK, '.ipynb') : 'notebook';
// LAB_EXPECT_RICH=1: the notebook's progress bar, tables and timeline must be rendered (selector, screenshot).
const EXPECT_RICH = process.env.LAB_EXPECT_RICH === '1';
const RICH_OUTPUTS = [['.jp-OutputArea-output .jmp-progress', 'progress-bar'], ['.jp-OutputArea-output .jmp-pool', 'pool-table'],
  ['.jp-OutputArea-output table.jmp-processes', 'process-table'],
  ['.jp-OutputArea-output[data-mime-type="image/svg+xml"]', 'timeline']];
const WORK = join(BUILD, 'lab');
// Every process of the server's tree inherits this variable: that is how leftovers are found.
const MARKER = `JMP_LAB_CHECK=${randomBytes(8).toString('hex')}`;

// The first line a child process printed, as stored in the notebook: the cell that starts a Process.
function expectedChildOutput(path) {
  const nb = JSON.parse(readFileSync(path, 'utf8'));
  for (const cell of nb.cells) {
    const source = [].concat(cell.source).join('');
    if (cell.cell_type !== 'code' || !source.includes('new Process(')) continue;
    const out = cell.outputs.find((o) => o.output_type === 'stream' && o.name === 'stdout');
    if (out) return [].concat(out.text).join('').split('\n')[0];
  }
  throw new Error(`${path}: no code cell that starts a Process and has stored stdout`);
}

function processesWithMarker() {
  const found = [];
  for (const pid of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    try {
      if (readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0').includes(MARKER)) found.push(Number(pid));
    } catch { /* gone meanwhile, or not ours to read */ }
  }
  return found;
}

// The server's own word on the kernel (the toolbar's markup differs between JupyterLab versions).
async function kernelIdle(base, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await fetch(new URL(`/api/kernels?token=${base.searchParams.get('token')}`, base));
    const kernels = response.ok ? await response.json() : [];
    if (kernels.length > 0 && kernels.every((k) => k.execution_state === 'idle')) return;
    assert.ok(Date.now() < deadline, `no idle kernel within ${timeoutMs} ms: ${JSON.stringify(kernels)}`);
    await sleep(500);
  }
}

let server;
async function stopServer() {
  if (!server || server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((done) => server.once('exit', done));
  process.kill(-server.pid, 'SIGTERM'); // lab.py stops JupyterLab, then kills what is left of its tree
  const inTime = await Promise.race([exited.then(() => true), sleep(30000, false, { ref: false })]);
  if (!inTime) { process.kill(-server.pid, 'SIGKILL'); await exited; }
}

after(async () => {
  await stopServer();
  for (const pid of processesWithMarker()) process.kill(pid, 'SIGKILL');
});

test('JupyterLab runs a course notebook through its UI', { timeout: 300000 }, async () => {
  const expected = expectedChildOutput(NOTEBOOK);
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(join(WORK, 'root'), { recursive: true });
  const name = basename(NOTEBOOK);
  copyFileSync(NOTEBOOK, join(WORK, 'root', name)); // the UI run may autosave: never into the tracked file
  // Settings for this server only: every cell rendered (JupyterLab's windowing would drop off-screen cells
  // from the page, so "no cell running" could not be checked). No news prompt: lab.py's own settings do that.
  const settings = join(WORK, 'settings', '@jupyterlab');
  mkdirSync(join(settings, 'notebook-extension'), { recursive: true });
  writeFileSync(join(settings, 'notebook-extension', 'tracker.jupyterlab-settings'), '{"windowingMode": "none"}');
  const readyFile = join(WORK, 'url');
  const log = openSync(join(WORK, 'server.log'), 'w');
  const [key, value] = MARKER.split('=');
  server = spawn(PYTHON, [join(ROOT, 'tools', 'lab.py'), '--root', join(WORK, 'root'), '--port', '0',
    '--open', name, '--ready-file', readyFile], { detached: true, stdio: ['ignore', log, log],
      env: { ...process.env, [key]: value, JUPYTERLAB_SETTINGS_DIR: join(WORK, 'settings') } });

  const deadline = Date.now() + 120000;
  while (!existsSync(readyFile)) {
    assert.ok(server.exitCode === null, `the server exited early; see ${join(WORK, 'server.log')}`);
    assert.ok(Date.now() < deadline, 'the server did not start within 120 s');
    await sleep(250);
  }
  // The URL lab.py prints opens the notebook itself (as ./run lab opens the index).
  const url = new URL(readFileSync(readyFile, 'utf8').trim());
  assert.equal(url.pathname, `/lab/tree/${name}`);

  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    await page.goto(url.href);
    await page.locator('.jp-Notebook .jp-CodeCell').first().waitFor({ timeout: 60000 });
    await kernelIdle(url, 90000);
    await page.locator('.lm-MenuBar-item', { hasText: /^Run$/ }).click();
    await page.locator('.lm-Menu-item', { hasText: 'Run All Cells' }).first().click();
    const output = page.locator('.jp-CodeCell .jp-OutputArea-output', { hasText: expected }).first();
    await output.waitFor({ state: 'visible', timeout: 180000 });
    // "Run All" is done when no cell is queued or running ([*]) and the kernel is idle; between two cells
    // the kernel alone may already report idle.
    const running = page.locator('.jp-CodeCell .jp-InputPrompt', { hasText: '[*]' });
    const deadline = Date.now() + 180000;
    while ((await running.count()) > 0) {
      assert.ok(Date.now() < deadline, 'cells still running after 180 s');
      await sleep(500);
    }
    await kernelIdle(url, 60000);
    assert.equal(await page.getByText('Would you like to get notified about official Jupyter news').count(), 0, 'the news prompt is showing');
    await output.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, `jupyterlab-${SHOT}.png`) });
    if (EXPECT_RICH) {
      // The rich outputs of tools/display-check: each must be rendered in the page; one screenshot each.
      for (const [selector, file] of RICH_OUTPUTS) {
        const shown = page.locator(selector).first();
        await shown.waitFor({ state: 'visible', timeout: 10000 });
        await shown.scrollIntoViewIfNeeded();
        await shown.screenshot({ path: join(SCREENSHOTS, `jupyterlab-${file}.png`) });
      }
    }
    assert.equal(await page.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]').count(), 0,
      'a cell wrote to stderr');
  } finally {
    await browser.close();
  }

  await stopServer();
  await sleep(500);
  assert.deepEqual(processesWithMarker(), [], 'processes of the JupyterLab tree are still running');
});
