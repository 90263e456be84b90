// End-to-end test of `tsunagu serve`: live reload after an edit, the error
// overlay while a file is broken (with the last good page still served), and
// the overlay going away once the file is fixed.
//
// Uses $TSUNAGU_BIN when set; otherwise builds the binary with
// `cargo build --bin tsunagu` (honours CARGO_TARGET_DIR) and runs it from
// target/debug. Run from the repository root: node --test tests/browser/
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { browserSkip, cargo, launchBrowser, repoRoot, tempDir } from './lib.mjs';

const AGENCY = 'okayama-shakyo';
const AGENCY_FILE = `content/agencies/${AGENCY}.toml`;
const PAGE = `agencies/${AGENCY}.html`;

async function tsunaguBin() {
  if (process.env.TSUNAGU_BIN) return process.env.TSUNAGU_BIN;
  await cargo(['build', '--quiet', '--bin', 'tsunagu']);
  const target = process.env.CARGO_TARGET_DIR || path.join(repoRoot, 'target');
  return path.resolve(repoRoot, target, 'debug', 'tsunagu');
}

/** Starts `tsunagu serve`; resolves once it has printed its URLs. */
function startServe(bin, args) {
  const child = spawn(bin, ['serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const log = { out: '', err: '' };
  child.stderr.on('data', (d) => { log.err += d; });
  const ready = new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      log.out += d;
      const citizen = log.out.match(/citizen site: (http:\/\/\S+)/);
      const staff = log.out.match(/staff site: +(http:\/\/\S+)/);
      if (citizen && staff) resolve({ citizen: citizen[1], staff: staff[1] });
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}:\n${log.err}`)));
    setTimeout(() => reject(new Error(`serve did not start:\n${log.err}`)), 60000).unref();
  });
  return { child, log, ready };
}

/** Polls `check` until it returns a truthy value; page reloads in between are fine. */
async function eventually(what, check, timeout = 8000) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    try {
      last = await check();
      if (last) return last;
    } catch (e) {
      last = e; // the page was navigating
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what} (last: ${last})`);
}

const bodyText = (page) => page.evaluate(() => document.body.innerText);
const overlayText = (page) =>
  page.evaluate(() => document.getElementById('tsunagu-overlay')?.innerText ?? null);

describe('tsunagu serve', () => {
  let site;
  let bin;
  let server;
  let urls;
  let browser;
  let original;

  before(async () => {
    bin = await tsunaguBin();
    site = tempDir('tsunagu-serve-');
    cpSync(path.join(repoRoot, 'content'), path.join(site, 'content'), { recursive: true });
    original = readFileSync(path.join(site, AGENCY_FILE), 'utf8');
    server = startServe(bin, ['--root', site, '--port', '0']);
    urls = await server.ready;
  });

  after(async () => {
    await browser?.close();
    server?.child.kill();
    if (site) rmSync(site, { recursive: true, force: true });
  });

  const edit = (text) => writeFileSync(path.join(site, AGENCY_FILE), text);

  test('serves both trees with their own 404 pages and content types', async () => {
    assert.match(urls.staff, /\/staff\/$/);
    const page = await fetch(urls.citizen + PAGE);
    assert.equal(page.status, 200);
    assert.equal(page.headers.get('content-type'), 'text/html; charset=utf-8');
    const html = await page.text();
    assert.match(html, /<script id="tsunagu-live">[\s\S]*<\/script>\s*<\/body>/);
    const css = await fetch(urls.staff + 'static/css/site.css');
    assert.equal(css.headers.get('content-type'), 'text/css; charset=utf-8');
    assert.doesNotMatch(await css.text(), /tsunagu-live/);
    const missing = await fetch(urls.staff + 'no-such-page.html');
    assert.equal(missing.status, 404);
    assert.match(await missing.text(), /<base href="\/staff\/">/);
    const traversal = await fetch(urls.citizen + '..%2f..%2fCargo.toml');
    assert.equal(traversal.status, 400);
  });

  test('reloads on change, overlays errors on the last good page, clears when fixed', { skip: browserSkip() }, async () => {
    browser = await launchBrowser();
    const page = await browser.newPage();
    await page.goto(urls.citizen + PAGE);

    const first = 'サーブ確認その一の説明です。';
    edit(original.replace(/^summary = ".*"$/m, `summary = "${first}"`));
    await eventually('the edited summary', async () => (await bodyText(page)).includes(first));
    assert.match(server.log.err, /rebuilt in \d+ ms \(content\/agencies\/okayama-shakyo\.toml\)/);

    // A TOML syntax error on line 6 (the name loses its closing quote).
    const broken = original.replace(/^summary = ".*"$/m, `summary = "${first}"`)
      .replace(/^name = "(.*)"$/m, 'name = "$1');
    const brokenLine = broken.split('\n').findIndex((l) => l.startsWith('name = ')) + 1;
    edit(broken);
    const shown = await eventually('the error overlay', () => overlayText(page));
    assert.ok(shown.includes(`${AGENCY_FILE}:${brokenLine}:`), shown);
    assert.ok((await bodyText(page)).includes(first), 'the last good page is still shown');
    assert.equal(await page.getAttribute('#tsunagu-overlay', 'role'), 'alertdialog');
    assert.equal(await page.getAttribute('#tsunagu-overlay', 'lang'), 'ja');
    assert.ok(await page.evaluate(() => document.activeElement?.matches('[data-tsunagu-close]')),
      'the close button has the focus');

    // A page requested while broken is the last good page plus the overlay.
    await page.reload();
    assert.ok((await overlayText(page))?.includes(AGENCY_FILE));
    assert.ok((await bodyText(page)).includes(first));

    const second = 'サーブ確認その二の説明です。';
    edit(original.replace(/^summary = ".*"$/m, `summary = "${second}"`));
    await eventually('the fixed page', async () =>
      (await overlayText(page)) === null && (await bodyText(page)).includes(second));
    await page.close();
  });

  test('build output never carries the reload script', async () => {
    const out = path.join(site, 'public');
    await promisify(execFile)(bin, ['build', '--root', site, '--out', out]);
    const html = readFileSync(path.join(out, 'citizen', PAGE), 'utf8');
    assert.doesNotMatch(html, /tsunagu-live|__tsunagu/);
  });

  test('a port in use gets a clear message and a non-zero exit', async () => {
    const port = new URL(urls.citizen).port;
    const second = spawn(bin, ['serve', '--root', site, '--port', port], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    second.stderr.on('data', (d) => { err += d; });
    const code = await new Promise((resolve) => second.on('exit', resolve));
    assert.notEqual(code, 0);
    assert.match(err, new RegExp(`port ${port} is in use; try --port ${Number(port) + 1}`));
  });
});
