// Search in headless Chromium, per query: bytes downloaded before the first results
// are on the page, and query latency (Enter → results painted) once the files a query
// needs are loaded; tsunagu's sharded index against Pagefind indexing the same citizen
// pages. Every query of the evaluation set (tests/search_eval.json) on synthetic sites
// (components/synth, tsunagu-synth N) of 1,000 and 10,000 agencies.
//
//   cargo build --release -p tsunagu -p tsunagu-synth
//   node benches/search/latency.mjs [--sizes 1000,10000] [--queries N] [--no-pagefind] [--files]
//
// The command installs Pagefind (npm `pagefind`, pinned below) into target/bench-pagefind
// on first use. Both sites are served from 127.0.0.1 by a small server that gzips text
// (.html .js .css .json) as any static host would; Pagefind's own files are compressed
// already and go out as they are. Bytes are the bodies the server sent (compressed,
// headers excluded) for the search's own files, one page at a time: tsunagu's js/search*.js and search/**,
// Pagefind's pagefind/**. tsunagu draws its first 10 rows; Pagefind loads the 5 results its
// default UI shows first. --files prints what each query downloaded. Latency is measured from file:// for tsunagu (the shared-drive
// case) and over HTTP for Pagefind (it cannot run from file://).
//
// A benchmark, not a test: read the figures as ratios measured in the same run.
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildSite, fileUrl, launchBrowser, repoRoot, tempDir } from '../../tests/browser/lib.mjs';

const PAGEFIND_VERSION = '1.6.0';
const ROUNDS = 3;
const PAGEFIND_SHOWN = 5;

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const sizes = opt('--sizes', '1000,10000').split(',').map(Number);
const withPagefind = !args.includes('--no-pagefind');
const bin = (name) => process.env[`${name.toUpperCase().replace('-', '_')}_BIN`] || path.join(repoRoot, 'target/release', name);
process.env.TSUNAGU_BIN ||= bin('tsunagu');

const set = JSON.parse(readFileSync(path.join(repoRoot, 'tests/search_eval.json'), 'utf8')).queries;
const queries = [...new Set(set.map((q) => q.query))].slice(0, Number(opt('--queries', '1000')));

function pct(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

function stats(values) {
  const s = [...values].sort((a, b) => a - b);
  return { p50: pct(s, 0.5), p95: pct(s, 0.95), max: s[s.length - 1], sum: s.reduce((a, b) => a + b, 0) };
}

function pagefindBinary() {
  const dir = path.join(repoRoot, 'target/bench-pagefind');
  const cli = path.join(dir, 'node_modules/.bin/pagefind');
  if (!existsSync(cli)) {
    mkdirSync(dir, { recursive: true });
    execFileSync('npm', ['install', '--no-save', '--prefix', dir, `pagefind@${PAGEFIND_VERSION}`], { stdio: 'inherit' });
  }
  return cli;
}

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css',
  '.json': 'application/json', '.wasm': 'application/wasm', '.svg': 'image/svg+xml',
};

/** Static server on 127.0.0.1 that gzips text, like a static host. It counts the
 * bytes of the bodies it sends (after compression), per path: the bench runs one page
 * at a time, so the count between two readings is what that page downloaded. */
async function serve(root) {
  const sent = [];
  const server = createServer((req, res) => {
    let file = path.join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname));
    if (!file.startsWith(root)) return res.writeHead(404).end();
    try {
      if (statSync(file).isDirectory()) file = path.join(file, 'index.html');
      let body = readFileSync(file);
      const type = TYPES[path.extname(file)];
      const headers = { 'content-type': type || 'application/octet-stream', 'cache-control': 'no-store' };
      if (type && !type.startsWith('application/wasm') && /gzip/.test(req.headers['accept-encoding'] || '')) {
        body = gzipSync(body, { level: 6 });
        headers['content-encoding'] = 'gzip';
      }
      sent.push([req.url, body.length]);
      res.writeHead(200, headers).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((r) => server.close(r)),
    /** Starts counting; the returned function gives {bytes, files, list} sent since, of paths that `counts`. */
    meter(counts) {
      const from = sent.length;
      return () => {
        const list = sent.slice(from).filter(([u]) => counts(u));
        return { bytes: list.reduce((a, [, b]) => a + b, 0), files: list.length, list };
      };
    },
  };
}

/** tsunagu, cold: a fresh page with ?q=, until the results of q are on it. */
async function tsunaguCold(browser, server, q) {
  const page = await browser.newPage();
  const meter = server.meter((u) => /\/(search\/|js\/search[^/]*\.js)/.test(u));
  const t0 = Date.now();
  await page.goto(`${server.url}citizen/index.html?q=${encodeURIComponent(q)}`);
  await page.waitForFunction((query) => document.getElementById('search-results')?.getAttribute('data-query') === query, q, { timeout: 60000 });
  const ms = Date.now() - t0;
  // Wait for stragglers (none expected) so the count is complete.
  await page.waitForTimeout(50);
  const out = { ...meter(), ms };
  await page.close();
  return out;
}

/** Enter → results painted, on a page that already ran `q` once (its files loaded). */
function timeQuery(page, q) {
  return page.evaluate((query) => new Promise((resolve) => {
    const input = document.getElementById('q');
    const section = document.getElementById('search-results');
    section.removeAttribute('data-query');
    input.value = query;
    const t0 = performance.now();
    input.form.requestSubmit();
    const done = () => requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
    if (section.getAttribute('data-query') === query) return done();
    new MutationObserver((_, obs) => {
      if (section.getAttribute('data-query') === query) {
        obs.disconnect();
        done();
      }
    }).observe(section, { attributes: true, attributeFilter: ['data-query'] });
  }), q);
}

async function tsunaguWarm(browser, site, list) {
  const page = await browser.newPage();
  await page.goto(fileUrl(path.join(site, 'citizen/index.html')));
  const times = [];
  for (const q of list) {
    await timeQuery(page, q); // loads the shards and rows this query needs
    for (let r = 0; r < ROUNDS; r++) times.push(await timeQuery(page, q));
  }
  await page.close();
  return times;
}

const PAGEFIND_PAGE = `<!doctype html><meta charset="utf-8"><title>pagefind</title><ol id="r"></ol>
<script type="module">
const pf = await import('./pagefind/pagefind.js');
window.pfRun = async (q) => {
  const t0 = performance.now();
  const res = await pf.search(q);
  const data = await Promise.all(res.results.slice(0, ${PAGEFIND_SHOWN}).map((r) => r.data()));
  const ol = document.getElementById('r');
  ol.textContent = '';
  for (const d of data) {
    const li = document.createElement('li');
    li.textContent = d.meta.title + ' ' + d.url;
    ol.appendChild(li);
  }
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  return { n: res.results.length, ms: performance.now() - t0 };
};
window.pfReady = true;
</script>`;

async function pagefindCold(browser, server, q) {
  const page = await browser.newPage();
  const meter = server.meter((u) => u.includes('/pagefind/'));
  const t0 = Date.now();
  await page.goto(`${server.url}citizen/pf-bench.html`);
  await page.waitForFunction(() => window.pfReady === true);
  const r = await page.evaluate((query) => window.pfRun(query), q);
  const ms = Date.now() - t0;
  await page.waitForTimeout(50);
  const out = { ...meter(), ms, n: r.n };
  const warm = [];
  for (let i = 0; i < ROUNDS; i++) warm.push((await page.evaluate((query) => window.pfRun(query), q)).ms);
  await page.close();
  return { ...out, warm };
}

const debug = args.includes('--files');
const rows = [];
const browser = await launchBrowser();
try {
  for (const n of sizes) {
    const root = tempDir(`tsunagu-bench-search-${n}-`);
    try {
      execFileSync(bin('tsunagu-synth'), [String(n), root]);
      const site = await buildSite(root, path.join(root, 'public-bench'));
      const server = await serve(site);
      try {
        const ours = [];
        for (const q of queries) ours.push(await tsunaguCold(browser, server, q));
        if (debug) for (const [i, o] of ours.entries()) console.log(queries[i], JSON.stringify(o.list));
        const warm = await tsunaguWarm(browser, site, queries);
        const row = { n, ours, warm };
        if (withPagefind) {
          const t0 = Date.now();
          execFileSync(pagefindBinary(), ['--site', path.join(site, 'citizen'), '--output-subdir', 'pagefind'], { stdio: 'ignore' });
          row.pagefindIndexS = (Date.now() - t0) / 1000;
          writeFileSync(path.join(site, 'citizen/pf-bench.html'), PAGEFIND_PAGE);
          row.pf = [];
          for (const q of queries) row.pf.push(await pagefindCold(browser, server, q));
          if (debug) for (const [i, o] of row.pf.entries()) console.log(queries[i], JSON.stringify(o.list));
        }
        rows.push(row);
      } finally {
        await server.close();
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }
} finally {
  await browser.close();
}

const kib = (b) => (b / 1024).toFixed(1);
console.log(`\n${queries.length} queries (tests/search_eval.json), ${ROUNDS} warm rounds each\n`);
console.log('| agencies | engine | KiB before first results p50 | p95 | max | files p50 | cold ms p50 | p95 | warm ms p50 | p95 |');
console.log('| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows) {
  const line = (name, cold, warm) => {
    const b = stats(cold.map((c) => c.bytes));
    const f = stats(cold.map((c) => c.files));
    const c = stats(cold.map((x) => x.ms));
    const w = stats(warm);
    console.log(`| ${r.n} | ${name} | ${kib(b.p50)} | ${kib(b.p95)} | ${kib(b.max)} | ${f.p50} | ${c.p50} | ${c.p95} | ${w.p50.toFixed(1)} | ${w.p95.toFixed(1)} |`);
  };
  line('tsunagu', r.ours, r.warm);
  if (r.pf) line('Pagefind', r.pf, r.pf.flatMap((p) => p.warm));
}
for (const r of rows.filter((x) => x.pf)) {
  const ratios = r.ours.map((o, i) => o.bytes / Math.max(1, r.pf[i].bytes)).sort((a, b) => a - b);
  const notMore = r.ours.filter((o, i) => o.bytes <= r.pf[i].bytes).length;
  const empty = r.pf.filter((p) => p.n === 0).length;
  console.log(`\n${r.n} agencies: bytes tsunagu/Pagefind per query p50 ${pct(ratios, 0.5).toFixed(2)}, p95 ${pct(ratios, 0.95).toFixed(2)}, max ${ratios[ratios.length - 1].toFixed(2)}; ` +
    `tsunagu ≤ Pagefind on ${notMore}/${queries.length} queries; total ${kib(stats(r.ours.map((o) => o.bytes)).sum)} vs ${kib(stats(r.pf.map((p) => p.bytes)).sum)} KiB; ` +
    `warm p95 ratio ${(stats(r.warm).p95 / stats(r.pf.flatMap((p) => p.warm)).p95).toFixed(2)}; Pagefind found nothing for ${empty} queries; Pagefind indexing ${r.pagefindIndexS.toFixed(1)} s`);
}
