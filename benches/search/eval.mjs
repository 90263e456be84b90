// The public evaluation set (tests/search_eval.json) run through search-core.js in
// Node on built sites: prints recall@1, recall@5 and MRR per form, and the ids of the
// top 5 per query with --ids (the Rust twin prints the same with
// `cargo test --release --test search_eval -- --nocapture`; tests/browser/search-eval-parity
// compares the two).
//   node benches/search/eval.mjs OKAYAMA_PUBLIC MORIOKA_PUBLIC [--ids]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const require = createRequire(import.meta.url);
const core = require(path.join(repo, 'themes/default/static/js/search-core.js'));

/* The sharded index of a built site, its files read from disk as the browser's
 * <script> tags would run them (each calls TsunaguSearchLoad). */
export function loadIndex(publicDir, audience = 'citizen') {
  const dir = path.join(publicDir, audience, 'search');
  const ctx = { TsunaguSearchLoad: core.register };
  vm.createContext(ctx);
  const load = (name) => {
    vm.runInContext(readFileSync(path.join(dir, `${name}.js`), 'utf8'), ctx);
    return core.take(name);
  };
  return core.createIndex(load('manifest'), load);
}

export async function evaluate(indexes) {
  const set = JSON.parse(readFileSync(path.join(repo, 'tests/search_eval.json'), 'utf8'));
  const forms = new Map();
  const top = [];
  for (const q of set.queries) {
    const ids = (await indexes[q.site].search(q.query, 5)).slice(0, 5).map((h) => h.doc.id);
    top.push({ query: q.query, site: q.site, ids: ids.slice(0, 5) });
    const ranks = q.expect.map((e) => ids.indexOf(e) + 1);
    const rank = q.all ? (ranks.includes(0) ? 0 : Math.max(...ranks)) : Math.min(...ranks.filter((r) => r > 0).concat([Infinity]));
    const r = Number.isFinite(rank) && rank > 0 ? rank : 0;
    for (const key of [q.form, 'all']) {
      const t = forms.get(key) || { n: 0, at1: 0, at5: 0, rr: 0 };
      t.n++;
      if (r === 1) t.at1++;
      if (r >= 1 && r <= 5) t.at5++;
      if (r) t.rr += 1 / r;
      forms.set(key, t);
    }
  }
  return { forms, top };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [okayama, morioka] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  if (!okayama || !morioka) {
    console.error('usage: node benches/search/eval.mjs OKAYAMA_PUBLIC MORIOKA_PUBLIC [--ids]');
    process.exit(2);
  }
  const { forms, top } = await evaluate({ okayama: loadIndex(okayama), morioka: loadIndex(morioka) });
  console.log('| form | n | recall@1 | recall@5 | MRR |\n| --- | ---: | ---: | ---: | ---: |');
  for (const [form, t] of [...forms].sort((a, b) => (a[0] === 'all') - (b[0] === 'all') || a[0].localeCompare(b[0]))) {
    console.log(`| ${form} | ${t.n} | ${(t.at1 / t.n).toFixed(2)} | ${(t.at5 / t.n).toFixed(2)} | ${(t.rr / t.n).toFixed(2)} |`);
  }
  if (process.argv.includes('--ids')) for (const t of top) console.log(`${t.site} ${t.query} → ${t.ids.join(' ')}`);
}
