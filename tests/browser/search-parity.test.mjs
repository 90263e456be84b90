// Rust ↔ JS tokenizer parity: every case in tests/search_vectors.json (written by the
// Rust crate) must normalise and tokenise identically in search-core.js under Node.
// The same vectors run inside Chromium in search-e2e.test.mjs.
import { test } from 'node:test';
import { execFileSync } from 'node:child_process';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { buildSite, cargo, tempDir } from './lib.mjs';
import { check } from '../../benches/search/lazy.mjs';
import { evaluate, loadIndex } from '../../benches/search/eval.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const require = createRequire(import.meta.url);
const core = require(path.join(repo, 'themes/default/static/js/search-core.js'));
const vectors = JSON.parse(readFileSync(path.join(repo, 'tests/search_vectors.json'), 'utf8'));

test('vectors are for this tokenizer version', () => {
  assert.equal(vectors.tokenizer, core.TOKENIZER_VERSION);
  assert.ok(vectors.cases.length > 400);
});

test('normalize, tokenize and queryWords match Rust on every vector', () => {
  const failures = [];
  for (const c of vectors.cases) {
    const got = { normalized: core.normalize(c.input), tokens: core.tokenize(c.input), query: core.queryWords(c.input) };
    const want = { normalized: c.normalized, tokens: c.tokens, query: c.query };
    try {
      assert.deepEqual(got, want);
    } catch {
      failures.push({ input: c.input, codepoints: [...c.input].map((ch) => ch.codePointAt(0).toString(16)), got, want });
    }
  }
  assert.deepEqual(failures, [], `${failures.length} mismatches`);
});

test('a manifest of another tokenizer version is refused', () => {
  const manifest = { tokenizer: 'tsunagu-ja-bigram-0', fields: [], docs: 0, shards: 1, chunk: 64, classes: [], class: '', up: [], cards: [] };
  assert.throws(() => core.createIndex(manifest, () => null), /tokenizer/);
  assert.doesNotThrow(() => core.createIndex({ ...manifest, tokenizer: core.TOKENIZER_VERSION }, () => null));
});

test('terms hash to the same shard as in Rust on every vector', () => {
  const failures = vectors.cases.filter((c) => {
    const terms = core.queryWords(c.input).flatMap((w) => w.terms).concat([core.words(c.input).join('')]);
    return JSON.stringify(terms.map(core.termHash)) !== JSON.stringify(c.hashes);
  });
  assert.deepEqual(failures.map((c) => c.input), []);
});

test('the evaluation set reaches its recall@5 floor in search-core.js too', async () => {
  const eval_ = JSON.parse(readFileSync(path.join(repo, 'tests/search_eval.json'), 'utf8'));
  const [okayama, morioka] = await Promise.all([buildSite(repo), buildSite(path.join(repo, 'examples/morioka'))]);
  try {
    const { forms } = await evaluate({ okayama: loadIndex(okayama), morioka: loadIndex(morioka) });
    const all = forms.get('all');
    assert.ok(all.n >= 100);
    assert.ok(all.at5 / all.n >= eval_.floor.recall_at_5, `recall@5 ${all.at5}/${all.n} below ${eval_.floor.recall_at_5}`);
  } finally {
    for (const dir of [okayama, morioka]) rmSync(dir, { recursive: true, force: true });
  }
});

test('a split index ranks the first hits exactly as reading every list whole', async () => {
  // 1,000 generated agencies (~6,000 documents): common terms and one-character
  // prefix entries pass shard.rs SPLIT_OVER, so queries read chunks and w/ rows.
  const root = tempDir('tsunagu-split-');
  try {
    const synthArgs = ['1000', root, '--seed', '1'];
    if (process.env.TSUNAGU_SYNTH_BIN) execFileSync(process.env.TSUNAGU_SYNTH_BIN, synthArgs);
    else await cargo(['run', '--quiet', '-p', 'tsunagu-synth', '--', ...synthArgs]);
    const site = await buildSite(root, path.join(root, 'public-test'));
    const dir = path.join(site, 'citizen', 'search');
    assert.ok(existsSync(path.join(dir, 'c')) && readdirSync(path.join(dir, 'c')).length > 0, 'some list is split');
    const eval_ = JSON.parse(readFileSync(path.join(repo, 'tests/search_eval.json'), 'utf8'));
    const queries = [...new Set(eval_.queries.map((q) => q.query))].concat(['相', '支援', '相談 支援', '介護 相談 窓口']);
    // 10 and 50: the rows the search page asks for first and after two taps on 「さらに…件を表示」.
    const rows = [
      ...(await check(dir, queries, 30)), ...(await check(dir, queries, 10)),
      ...(await check(dir, ['相談', '介護の相談', '借金の相談'], 5)), ...(await check(dir, ['相談', '支援', '介護の相談'], 50)),
    ];
    assert.deepEqual(rows.filter((r) => !r.same || !r.countOk).map((r) => r.q), []);
    // The point of splitting: a common term does not load its whole list.
    const chunks = (files) => files.filter(([name]) => name.startsWith('c/')).length;
    const lighter = rows.filter((r) => chunks(r.loaded) < chunks(r.wholeLoaded));
    assert.ok(lighter.length > 0, 'some query reads a split list only in part');
    assert.ok(rows.some((r) => r.loaded.some(([name]) => name.startsWith('w/'))), 'some query resolves a row by its w/ chunk');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
