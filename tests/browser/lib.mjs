// Shared helpers for the headless-Chromium tests in this folder.
// Run all browser tests from the repository root with: node --test tests/browser/
// Needs: Debian chromium at /usr/bin/chromium (apt-get install -y chromium) and
// `npm ci` (or `npm install`) in tests/browser for the pinned playwright-core.
// Without them the browser tests skip, with the reason in the report; in CI (or with
// TSUNAGU_REQUIRE_BROWSER=1) they fail instead.
import { createServer } from 'node:http';
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { after, before } from 'node:test';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-quic',
  '--no-first-run',
  '--disable-sync',
];

/**
 * Browser tests must not skip silently in CI. Locally, a missing browser skips them
 * (with the reason in the test report); with $CI or $TSUNAGU_REQUIRE_BROWSER set it is
 * a failure instead.
 */
export const BROWSER_REQUIRED = Boolean(process.env.CI || process.env.TSUNAGU_REQUIRE_BROWSER);

/** What is missing for the headless-browser tests, as install hints (empty when ready). */
export function missingBrowserParts() {
  const missing = [];
  if (!existsSync(CHROMIUM)) {
    missing.push(`Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`);
  }
  if (!existsSync(path.join(repoRoot, 'tests/browser/node_modules/playwright-core'))) {
    missing.push('playwright-core in tests/browser/node_modules (cd tests/browser && npm ci)');
  }
  return missing;
}

/** True when Chromium and playwright-core are installed. */
export function browserAvailable() {
  return missingBrowserParts().length === 0;
}

/**
 * The `skip` option for a browser test or suite: a reason when the browser is missing
 * and not required, else false (the test then runs and requireBrowser() fails it).
 */
export function browserSkip() {
  const missing = missingBrowserParts();
  if (missing.length === 0 || BROWSER_REQUIRED) return false;
  return `headless browser missing: ${missing.join('; ')}. Set TSUNAGU_REQUIRE_BROWSER=1 to fail instead of skipping`;
}

/** Throws a clear error when the browser is missing; call it before launchBrowser(). */
export function requireBrowser() {
  const missing = missingBrowserParts();
  if (missing.length) {
    const why = BROWSER_REQUIRED ? ' ($CI or $TSUNAGU_REQUIRE_BROWSER is set, so browser tests fail instead of skipping)' : '';
    throw new Error(`browser tests cannot run, missing: ${missing.join('; ')}${why}`);
  }
}

/** Launches headless Chromium; fails with requireBrowser()'s message when it is missing. */
export async function launchBrowser() {
  requireBrowser();
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
};

/**
 * Serves `root` on 127.0.0.1 at a free port. Returns { url, close }; url ends with '/'.
 * Directory requests get index.html; paths escaping root get 404.
 */
export async function serveStatic(root) {
  const absRoot = path.resolve(root);
  const server = createServer((req, res) => {
    let rel;
    try {
      rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    let file = path.resolve(absRoot, '.' + rel);
    if (file !== absRoot && !file.startsWith(absRoot + path.sep)) {
      res.writeHead(404).end();
      return;
    }
    try {
      if (statSync(file).isDirectory()) file = path.join(file, 'index.html');
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** file:// URL of a path, for tests of sites opened straight from disk. */
/**
 * Clicks 「さらに…件を表示」 under the search results until every row is on the page
 * (the page draws the first ten rows of a query, then twenty more per click).
 */
export async function showAllResults(page) {
  const more = page.locator('#search-results .search-more');
  for (let i = 0; i < 100 && (await more.isVisible()); i++) {
    const rows = await page.locator('#search-results-list > li').count();
    await more.click();
    // More rows, or (a count that was only "at least" N) no more and no button.
    await page.waitForFunction((n) => document.querySelectorAll('#search-results-list > li').length > n ||
      document.querySelector('#search-results .search-more').hidden, rows, { timeout: 10000 });
  }
}

export function fileUrl(p) {
  return pathToFileURL(p).href;
}

export function tempDir(prefix = 'tsunagu-') {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** Runs cargo in the workspace; resolves to stdout. Honors CARGO_TARGET_DIR. */
export async function cargo(args, opts = {}) {
  const { stdout } = await run('cargo', args, { cwd: repoRoot, maxBuffer: 64 << 20, ...opts });
  return stdout;
}

/**
 * Builds a site with the tsunagu binary: `tsunagu <args…>` (e.g. ['build', '--out', dir]).
 * Uses $TSUNAGU_BIN when set, else `cargo run --quiet --bin tsunagu --`.
 */
export async function runTsunagu(args, opts = {}) {
  if (process.env.TSUNAGU_BIN) {
    const { stdout } = await run(process.env.TSUNAGU_BIN, args, { cwd: repoRoot, maxBuffer: 64 << 20, ...opts });
    return stdout;
  }
  return cargo(['run', '--quiet', '--bin', 'tsunagu', '--', ...args], opts);
}

/** The fixed build date of the sample and fixture sites in these tests. */
export const TODAY = '2026-12-02';

/**
 * Builds the site whose content/ folder is in `root` (default: the repository's sample,
 * Okayama's list) into `outDir` with `tsunagu build --today 2026-12-02`; returns outDir,
 * which then holds citizen/ and staff/.
 */
export async function buildSite(root = repoRoot, outDir = tempDir('tsunagu-site-')) {
  await runTsunagu(['build', '--root', root, '--out', outDir, '--today', TODAY]);
  return outDir;
}

/**
 * Registers before/after hooks (call inside a describe) that launch Chromium, build the
 * sample site (or the site folder `root`, e.g. examples/morioka) into a temp folder and serve it; returns an object whose `browser`,
 * `server` and `site` are set once the hooks have run.
 */
export function useBuiltSampleSite(root = repoRoot) {
  const ctx = { browser: null, server: null, site: null };
  before(async () => {
    ctx.browser = await launchBrowser();
    ctx.site = await buildSite(root);
    ctx.server = await serveStatic(ctx.site);
  });
  after(async () => {
    await ctx.browser?.close();
    await ctx.server?.close();
    if (ctx.site) rmSync(ctx.site, { recursive: true, force: true });
  });
  return ctx;
}

/**
 * The text and page count of a PDF (from page.pdf()), read back with
 * pdftotext and pdfinfo (Debian poppler-utils; .ci/run installs it).
 */
export function pdfText(buffer) {
  const dir = tempDir('tsunagu-pdf-');
  try {
    const file = path.join(dir, 'page.pdf');
    writeFileSync(file, buffer);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const pages = Number(execFileSync('pdfinfo', [file], { encoding: 'utf8' }).match(/^Pages:\s+(\d+)/m)[1]);
    return { text, pages };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
