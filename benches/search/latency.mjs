// Search latency in headless Chromium: from the keystroke that submits a query
// (Enter, which runs the search at once; typing adds search.js's 150 ms debounce on
// top) to the results painted, with the index already loaded. Every query of the
// evaluation set (tests/search_eval.json), on the sample sites and on a generated
// 1,000-agency site (the sample's topics, 1,000 agencies with 5 matters each), opened
// from file:// as a shared-drive copy would be. Prints p50/p95 per site.
//
//   cargo build --release && TSUNAGU_BIN=target/release/tsunagu node benches/search/latency.mjs
//
// A benchmark, not a test: read the figures as ratios on the same machine.
import { mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import path from 'node:path';
import { buildSite, fileUrl, launchBrowser, repoRoot, tempDir } from '../../tests/browser/lib.mjs';

const ROUNDS = 3;

function generate(root, n, m) {
  const content = path.join(root, 'content');
  mkdirSync(path.join(content, 'agencies'), { recursive: true });
  copyFileSync(path.join(repoRoot, 'content/site.toml'), path.join(content, 'site.toml'));
  const topicsToml = readFileSync(path.join(repoRoot, 'content/topics.toml'), 'utf8');
  writeFileSync(path.join(content, 'topics.toml'), topicsToml);
  const topics = [...topicsToml.matchAll(/^id = "([^"]+)"\nlabel = "([^"]+)"/gm)].map((x) => [x[1], x[2]]);
  const matters = ['申請に関する相談', '利用に関すること', '専門的な相談', '困難事例の相談', '家族からの相談', '手続きの案内'];
  for (let a = 0; a < n; a++) {
    let t = `id = "agency-${String(a).padStart(4, '0')}"\nname = "第${a}地域相談支援センター"\n` +
      `reading = "だい${a}ちいきそうだんしえんせんたー"\naddress = "岡山市北区${a}番地"\n` +
      `phones = [{ number = "086-8${String(a % 100).padStart(2, '0')}-${String(a).padStart(4, '0')}" }]\n` +
      `hours = "平日 8:30~17:15"\nareas = ["第${a % 36}中学校区"]\nverified = 2026-04-01\n`;
    for (let j = 0; j < m; j++) {
      const [topic, label] = topics[(a + j) % topics.length];
      t += `\n[[matter]]\nno = ${j + 1}\ntopic = "${topic}"\nstar = ${(a + j) % 50 === 0}\n` +
        `description = "${label}の${matters[j % matters.length]}"\n`;
    }
    writeFileSync(path.join(content, 'agencies', `agency-${String(a).padStart(4, '0')}.toml`), t);
  }
}

function pct(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

async function measure(browser, site, queries) {
  const page = await browser.newPage();
  await page.goto(fileUrl(path.join(site, 'citizen/index.html')));
  await page.focus('#q');
  await page.waitForFunction(() => window.TSUNAGU_SEARCH_INDEX && window.TSUNAGU_SEARCH_DISPLAY);
  await page.fill('#q', '介護');
  await page.press('#q', 'Enter'); // warm up: first search builds caches
  const times = [];
  for (let r = 0; r < ROUNDS; r++) {
    for (const q of queries) {
      await page.fill('#q', ''); // fill fires input; the debounced run is cancelled by Enter
      const ms = await page.evaluate((query) => new Promise((resolve) => {
        const input = document.getElementById('q');
        input.value = query;
        const t0 = performance.now();
        input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
        input.form.requestSubmit();
        // Painted: the frame after the synchronous render.
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
      }), q);
      times.push(ms);
    }
  }
  await page.close();
  times.sort((a, b) => a - b);
  return { n: times.length, p50: pct(times, 0.5), p95: pct(times, 0.95), max: times[times.length - 1] };
}

const set = JSON.parse(readFileSync(path.join(repoRoot, 'tests/search_eval.json'), 'utf8')).queries;
const big = tempDir('tsunagu-bench-big-');
generate(big, 1000, 5);
const dirs = [];
try {
  const [okayama, morioka, large] = await Promise.all([
    buildSite(repoRoot), buildSite(path.join(repoRoot, 'examples/morioka')), buildSite(big),
  ]);
  dirs.push(okayama, morioka, large);
  const browser = await launchBrowser();
  try {
    const rows = [
      ['sample Okayama', await measure(browser, okayama, set.filter((q) => q.site === 'okayama').map((q) => q.query))],
      ['sample Morioka', await measure(browser, morioka, set.filter((q) => q.site === 'morioka').map((q) => q.query))],
      ['generated 1,000 agencies', await measure(browser, large, set.map((q) => q.query))],
    ];
    console.log('| site | searches | p50 ms | p95 ms | max ms |\n| --- | ---: | ---: | ---: | ---: |');
    for (const [name, r] of rows) {
      console.log(`| ${name} | ${r.n} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.max.toFixed(1)} |`);
    }
  } finally {
    await browser.close();
  }
} finally {
  for (const d of [big, ...dirs]) rmSync(d, { recursive: true, force: true });
}
