// Shared helpers for the headless-Chromium tests in this folder.
// Run all browser tests from the repository root with: node --test tests/browser/
// Needs: Debian chromium at /usr/bin/chromium (apt-get install -y chromium) and
// `npm ci` (or `npm install`) in tests/browser for the pinned playwright-core.
import { createServer } from 'node:http';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
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

/** True when Chromium and playwright-core are installed; tests skip (loudly) otherwise. */
export function browserAvailable() {
  return existsSync(CHROMIUM) && existsSync(path.join(repoRoot, 'tests/browser/node_modules/playwright-core'));
}

export async function launchBrowser() {
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

/** Writes the search fixture site (components/search/examples/fixture.rs) and returns its dir. */
export async function buildSearchFixture(outDir = tempDir('tsunagu-search-')) {
  await cargo(['run', '--quiet', '-p', 'tsunagu-search', '--example', 'fixture', '--', outDir]);
  return outDir;
}
