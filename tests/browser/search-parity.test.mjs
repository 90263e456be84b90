// Rust ↔ JS tokenizer parity: every case in tests/search_vectors.json (written by the
// Rust crate) must normalise and tokenise identically in search-core.js under Node.
// The same vectors run inside Chromium in search-e2e.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { rmSync } from 'node:fs';
import { buildSite } from './lib.mjs';
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
  const manifest = { tokenizer: 'tsunagu-ja-bigram-0', fields: [], docs: 0, shards: 1, chunk: 64, classes: [], class: '', up: [], cards: [], starred: [] };
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
