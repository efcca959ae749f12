// Drives code-server with Debian's headless Chromium through playwright-core
// and checks what the editor shows a user of the extension in the
// inception example:
//   1. a diagnostic squiggle on the misspelled host `mariadbb`,
//   2. a hover on the host `mariadb` in the WordPress entrypoint that shows
//      the compose service,
//   3. go to definition from that host, landing on the `mariadb:` key of
//      srcs/docker-compose.yml.
// Positions are read from the workspace files, not hard-coded.
//
// Usage: node vscode.e2e.js URL OUTDIR WORKSPACE  (run.sh sets NODE_PATH)
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

const [url, outDir, workspace] = process.argv.slice(2);
if (!url || !outDir || !workspace) {
  console.error('usage: node vscode.e2e.js URL OUTDIR WORKSPACE');
  process.exit(2);
}

const SCRIPT = 'srcs/requirements/wordpress/tools/entrypoint.sh';
const COMPOSE = 'srcs/docker-compose.yml';
const t0 = Date.now();
const result = { steps: [], failed: [] };

function step(name, data) {
  result.steps.push({ step: name, t_ms: Date.now() - t0, ...data });
  console.log(`${Date.now() - t0} ms ${name}${data ? ' ' + JSON.stringify(data).slice(0, 300) : ''}`);
}

/** Returns the 1-based line and column of `word` inside the first line that contains `context`. */
function position(file, context, word, exact = false) {
  const lines = fs.readFileSync(path.join(workspace, file), 'utf8').split('\n');
  const line = lines.findIndex((l) => (exact ? l.trimEnd() === context : l.includes(context)));
  if (line < 0) throw new Error(`${file} has no line containing "${context}"`);
  const col = lines[line].indexOf(word, lines[line].indexOf(context));
  return { line: line + 1, col: col + 1 };
}

async function cursor(page) {
  return (await page.locator('[id="status.editor.selection"]').innerText()).trim();
}

async function goTo(page, pos) {
  await page.keyboard.press('Control+G');
  await page.keyboard.type(`${pos.line}:${pos.col}`);
  await page.keyboard.press('Enter');
  const want = `Ln ${pos.line}, Col ${pos.col}`;
  await page.waitForFunction(
    (w) => (document.querySelector('[id="status.editor.selection"]')?.textContent || '').includes(w),
    want,
    { timeout: 10000 },
  );
}

/** Shows the hover at the cursor until its text matches `pattern`; returns that text. */
async function hoverUntil(page, pattern, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    const hover = page.locator('.monaco-hover:visible').first();
    try {
      await hover.waitFor({ timeout: 3000 });
      last = (await hover.innerText()).trim();
      if (pattern.test(last)) return last;
    } catch {
      // No hover yet: the server may still be indexing the workspace.
    }
    await page.waitForTimeout(500);
  }
  throw new Error(`no hover matching ${pattern} within ${timeoutMs} ms; last hover: ${JSON.stringify(last)}`);
}

async function openFile(page, relPath) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input').first();
  await input.waitFor({ timeout: 10000 });
  await input.fill(relPath);
  await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 10000 });
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: path.basename(relPath) }).waitFor({ timeout: 30000 });
}

async function checkDiagnostic(page, editor) {
  const line = editor.locator('.view-line', { hasText: 'mariadbb' });
  await line.waitFor({ timeout: 30000 });
  const lineBox = await line.boundingBox();
  const squiggles = editor.locator('.squiggly-warning, .squiggly-error, .squiggly-info');
  const deadline = Date.now() + 30000;
  while (Date.now() < deadline) {
    for (let i = 0; i < (await squiggles.count()); i++) {
      const box = await squiggles.nth(i).boundingBox();
      if (box && Math.abs(box.y + box.height / 2 - (lineBox.y + lineBox.height / 2)) < lineBox.height) {
        const cls = await squiggles.nth(i).getAttribute('class');
        return { squiggle: cls.split(' ').find((c) => c.startsWith('squiggly-')) };
      }
    }
    await page.waitForTimeout(250);
  }
  throw new Error('no diagnostic squiggle on the line with "mariadbb" within 30 s');
}

/** Runs one check, records its result and returns whether it passed; a failed check does not stop the others. */
async function check(page, name, fn) {
  try {
    step(name, await fn());
    return true;
  } catch (err) {
    result.failed.push(name);
    step(`${name}_failed`, { message: String(err.message || err).split('\n').slice(0, 6).join(' | ') });
    await page.screenshot({ path: path.join(outDir, `vscode-${name}-failure.png`) }).catch(() => {});
    return false;
  }
}

async function main(page) {
  const typo = position(SCRIPT, 'ping -h mariadbb', 'mariadbb');
  const host = position(SCRIPT, 'nc -z mariadb ', 'mariadb');
  const service = position(COMPOSE, '  mariadb:', 'mariadb', true);
  step('positions', { typo, host, service });

  await page.goto(url);
  await page.locator('.monaco-workbench').waitFor({ timeout: 90000 });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60000 });
  step('workbench_loaded');

  await openFile(page, SCRIPT);
  const editor = page.locator('.editor-instance .monaco-editor').first();
  await editor.locator('.view-line', { hasText: 'nc -z mariadb' }).waitFor({ timeout: 30000 });
  await editor.click({ position: { x: 200, y: 10 } });
  step('script_opened');

  await check(page, 'diagnostic_squiggle', () => checkDiagnostic(page, editor));
  await check(page, 'diagnostic_message', async () => {
    await goTo(page, { line: typo.line, col: typo.col + 2 });
    return { text: (await hoverUntil(page, /mariadbb/, 30000)).slice(0, 300) };
  });

  const hovered = await check(page, 'hover', async () => {
    await goTo(page, { line: host.line, col: host.col + 2 });
    return { text: (await hoverUntil(page, /service[\s\S]*mariadb|mariadb[\s\S]*service/i, 30000)).slice(0, 300) };
  });
  if (hovered) {
    const hoverShot = path.join(outDir, 'vscode-hover.png');
    await page.screenshot({ path: hoverShot });
    step('screenshot', { file: hoverShot });
  }

  await check(page, 'definition', async () => {
    await page.keyboard.press('Escape');
    await goTo(page, { line: host.line, col: host.col + 2 });
    await page.keyboard.press('F12');
    const want = `Ln ${service.line},`;
    await page.locator('.tabs-container .tab.active', { hasText: path.basename(COMPOSE) }).waitFor({ timeout: 30000 });
    await page.waitForFunction(
      (w) => (document.querySelector('[id="status.editor.selection"]')?.textContent || '').includes(w),
      want,
      { timeout: 10000 },
    ).catch(() => {});
    const landed = await cursor(page);
    if (!landed.includes(want)) {
      throw new Error(`definition landed at "${landed}" in ${COMPOSE}; want line ${service.line} (the mariadb: key)`);
    }
    await page.screenshot({ path: path.join(outDir, 'vscode-definition.png') });
    return { tab: path.basename(COMPOSE), cursor: landed };
  });
}

(async () => {
  fs.mkdirSync(outDir, { recursive: true });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'stackls-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1400, height: 850 },
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] || (await context.newPage());
  let ok = false;
  try {
    step('browser_started');
    await main(page);
    ok = result.failed.length === 0;
  } catch (err) {
    step('error', { message: String(err.message || err).split('\n').slice(0, 6).join(' | ') });
    await page.screenshot({ path: path.join(outDir, 'vscode-failure.png') }).catch(() => {});
  } finally {
    result.ok = ok;
    result.total_ms = Date.now() - t0;
    fs.writeFileSync(path.join(outDir, 'vscode-result.json'), JSON.stringify(result, null, 2));
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  process.exit(ok ? 0 : 1);
})();
