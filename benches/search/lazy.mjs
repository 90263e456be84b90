// Checks that a query reading split lists only as far as it needs (search-core.js
// `search(q, 30)`) returns exactly the first 30 hits of reading every list whole
// (`search(q, Infinity)`), and prints what each query loaded (gzip bytes of the
// search files, as a static host would send them), on the search files of a site:
//   node benches/search/lazy.mjs PUBLIC_DIR [--queries N] [--shown 30] [--files]
// PUBLIC_DIR holds citizen/search/ (a built site, or
// `cargo run --release -p tsunagu-search --example size 10000 DIR/citizen`).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { gzipSync } from 'node:zlib';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const require = createRequire(import.meta.url);
const core = require(path.join(repo, 'themes/default/static/js/search-core.js'));

/** A fresh index over `dir`, counting what it loads. */
export function meteredIndex(dir) {
  const ctx = { TsunaguSearchLoad: core.register };
  vm.createContext(ctx);
  const loaded = [];
  const load = (name) => {
    const js = readFileSync(path.join(dir, `${name}.js`), 'utf8');
    loaded.push([name, gzipSync(js).length]);
    vm.runInContext(js, ctx);
    return core.take(name);
  };
  const index = core.createIndex(load('manifest'), load);
  return { index, loaded };
}

const strip = (hits, n) => hits.slice(0, n).map((h) => `${h.pos}:${h.tier}:${h.score}:${h.coverage}`);

/** Differences between lazy and whole-list ranking, and the bytes per query. */
export async function check(dir, queries, shown = 30) {
  const out = [];
  for (const q of queries) {
    const lazy = meteredIndex(dir);
    const t0 = performance.now();
    const a = await lazy.index.search(q, shown);
    const cold = performance.now() - t0;
    const t1 = performance.now();
    await lazy.index.search(q, shown); // again, its files loaded: the ranking alone
    const ms = performance.now() - t1;
    const whole = meteredIndex(dir);
    const b = await whole.index.search(q, Infinity);
    const same = JSON.stringify(strip(a, shown)) === JSON.stringify(strip(b, shown));
    const countOk = a.exact ? a.total === b.length : a.total <= b.length;
    out.push({
      q, same, countOk, ms, cold, total: a.total, exact: a.exact, all: b.length,
      bytes: lazy.loaded.reduce((s, [, n]) => s + n, 0), files: lazy.loaded.length,
      wholeBytes: whole.loaded.reduce((s, [, n]) => s + n, 0), loaded: lazy.loaded, wholeLoaded: whole.loaded,
    });
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
  const dir = path.join(args[0], 'citizen', 'search');
  const set = JSON.parse(readFileSync(path.join(repo, 'tests/search_eval.json'), 'utf8')).queries;
  const queries = [...new Set(set.map((q) => q.query))].slice(0, Number(opt('--queries', '1000')));
  const rows = await check(dir, queries, Number(opt('--shown', '30')));
  let bad = 0;
  for (const r of rows) {
    if (!r.same || !r.countOk) bad++;
    console.log(`${r.same && r.countOk ? 'ok ' : 'DIFF'} ${(r.bytes / 1024).toFixed(1).padStart(6)} KiB (whole lists ${(r.wholeBytes / 1024).toFixed(1).padStart(6)}) ${String(r.files).padStart(3)} files ${r.ms.toFixed(1).padStart(7)} ms warm  ${r.exact ? '' : '≥'}${r.total}/${r.all}  ${r.q}`);
    if (args.includes('--files')) console.log('   ', r.loaded.map(([n, b]) => `${n}:${b}`).join(' '));
  }
  console.log(`${rows.length - bad}/${rows.length} queries rank the first hits exactly as whole lists do`);
  process.exitCode = bad ? 1 : 0;
}
