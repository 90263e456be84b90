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
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { browserSkip, cargo, launchBrowser, repoRoot, tempDir } from './lib.mjs';

const AGENCY = 'okayama-shakyo';
const AGENCY_FILE = `content/agencies/${AGENCY}.toml`;
const PAGE = `agencies/${AGENCY}.html`;

/** The environment without a locale, so messages are in the default language (Japanese). */
const DEFAULT_LANG = { ...process.env, LANG: '', LC_ALL: '', LC_MESSAGES: '' };

async function tsunaguBin() {
  if (process.env.TSUNAGU_BIN) return process.env.TSUNAGU_BIN;
  await cargo(['build', '--quiet', '--bin', 'tsunagu']);
  const target = process.env.CARGO_TARGET_DIR || path.join(repoRoot, 'target');
  return path.resolve(repoRoot, target, 'debug', 'tsunagu');
}

/** Starts `tsunagu serve`; resolves once it has printed its URLs. */
function startServe(bin, args) {
  const child = spawn(bin, ['serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: DEFAULT_LANG });
  const log = { out: '', err: '' };
  child.stderr.on('data', (d) => { log.err += d; });
  const ready = new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      log.out += d;
      // Japanese by default (市民向けサイト / 職員向けサイト), English with --lang en.
      const citizen = log.out.match(/(?:citizen site|市民向けサイト): (http:\/\/\S+)/);
      const staff = log.out.match(/(?:staff site|職員向けサイト): +(http:\/\/\S+)/);
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

// A file meant only for staff, and files that must never be served.
const STAFF_CANARY = 'staff-static-canary-7d41.txt';
const STAFF_CANARY_TEXT = 'CANARY-STAFF-STATIC-55ac';
const DOT_CANARY_TEXT = 'CANARY-DOT-FOLDER-9e02';

/**
 * Sends `request` as raw bytes on a new TCP connection. Resolves with what
 * came back and whether the server closed the connection within `ms`.
 */
function rawRequest(port, request, ms = 5000) {
  return new Promise((resolve, reject) => {
    const sock = net.connect(Number(port), '127.0.0.1');
    let data = '';
    const timer = setTimeout(() => { sock.destroy(); resolve({ data, closed: false }); }, ms);
    sock.on('connect', () => sock.write(request));
    sock.on('data', (d) => { data += d; });
    sock.on('end', () => { clearTimeout(timer); sock.destroy(); resolve({ data, closed: true }); });
    sock.on('error', (e) => { clearTimeout(timer); reject(e); });
  });
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
    for (const dir of ['static/.git', 'static/.private', 'static/staff']) {
      mkdirSync(path.join(site, dir), { recursive: true });
    }
    writeFileSync(path.join(site, 'static/.git/config'), `[core]\n# ${DOT_CANARY_TEXT}\n`);
    writeFileSync(path.join(site, 'static/.private/notes.txt'), DOT_CANARY_TEXT);
    writeFileSync(path.join(site, 'static/staff', STAFF_CANARY), STAFF_CANARY_TEXT);
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

  test('answers only requests for its own host names', async () => {
    const port = new URL(urls.citizen).port;
    const get = (headers) => rawRequest(port, `GET /staff/ HTTP/1.1\r\n${headers}\r\n`);
    for (const host of ['evil.example.com', `evil.example.com:${port}`, `localhost.evil.example.com:${port}`]) {
      const { data } = await get(`Host: ${host}\r\n`);
      assert.match(data, /^HTTP\/1\.1 421 /, host);
      assert.doesNotMatch(data, /<html/i, host);
    }
    const missing = await get('');
    assert.match(missing.data, /^HTTP\/1\.1 421 /, 'no Host header');
    for (const host of ['localhost', `localhost:${port}`, `127.0.0.1:${port}`, '[::1]']) {
      const { data } = await get(`Host: ${host}\r\n`);
      assert.match(data, /^HTTP\/1\.1 200 /, host);
    }
  });

  test('closes the connection after one response, even when asked to keep it', async () => {
    const port = new URL(urls.citizen).port;
    const { data, closed } = await rawRequest(port,
      `GET /${PAGE} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: keep-alive\r\n\r\n`);
    assert.ok(closed, 'the server closed the connection');
    assert.match(data, /^HTTP\/1\.1 200 /);
    assert.match(data, /\r\nConnection: close\r\n/i);
    assert.equal(data.match(/HTTP\/1\.1 /g).length, 1);
  });

  test('never serves dot-files; static/staff/ only on the staff site', async () => {
    for (const url of [
      urls.citizen + 'static/.git/config',
      urls.staff + 'static/.git/config',
      urls.citizen + 'static/.private/notes.txt',
      urls.citizen + 'static/%2eprivate/notes.txt',
    ]) {
      const res = await fetch(url);
      assert.notEqual(res.status, 200, url);
      assert.doesNotMatch(await res.text(), new RegExp(DOT_CANARY_TEXT), url);
    }
    const staff = await fetch(urls.staff + 'static/staff/' + STAFF_CANARY);
    assert.equal(staff.status, 200);
    assert.equal(await staff.text(), STAFF_CANARY_TEXT);
    const citizen = await fetch(urls.citizen + 'static/staff/' + STAFF_CANARY);
    assert.equal(citizen.status, 404);
    assert.doesNotMatch(await citizen.text(), new RegExp(STAFF_CANARY_TEXT));
  });

  test('reloads on change, overlays errors on the last good page, clears when fixed', { skip: browserSkip() }, async () => {
    browser = await launchBrowser();
    const page = await browser.newPage();
    await page.goto(urls.citizen + PAGE);

    const first = 'サーブ確認その一の説明です。';
    edit(original.replace(/^summary = ".*"$/m, `summary = "${first}"`));
    await eventually('the edited summary', async () => (await bodyText(page)).includes(first));
    assert.match(server.log.err, /\d+ ms で再ビルドしました（content\/agencies\/okayama-shakyo\.toml）/);

    // A TOML syntax error on line 6 (the name loses its closing quote).
    const broken = original.replace(/^summary = ".*"$/m, `summary = "${first}"`)
      .replace(/^name = "(.*)"$/m, 'name = "$1');
    const brokenLine = broken.split('\n').findIndex((l) => l.startsWith('name = ')) + 1;
    edit(broken);
    const shown = await eventually('the error overlay', () => overlayText(page));
    assert.ok(shown.includes(`${AGENCY_FILE}:${brokenLine}:`), shown);
    assert.ok(shown.includes(`${brokenLine}行目`) && shown.includes('直し方：'), shown);
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
    for (const [lang, message] of [
      ['ja', `ポート ${port} は使われています。--port ${Number(port) + 1} を試してください`],
      ['en', `port ${port} is in use; try --port ${Number(port) + 1}`],
    ]) {
      const second = spawn(bin, ['serve', '--root', site, '--port', port, '--lang', lang],
        { stdio: ['ignore', 'pipe', 'pipe'], env: DEFAULT_LANG });
      let err = '';
      second.stderr.on('data', (d) => { err += d; });
      const code = await new Promise((resolve) => second.on('exit', resolve));
      assert.notEqual(code, 0);
      assert.ok(err.includes(message), err);
    }
  });
});
