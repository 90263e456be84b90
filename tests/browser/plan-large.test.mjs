// The household plan of a large directory (issue 12: pages stay light): a
// generated 400-agency site keeps each topic's desks in plan/<topic>.js,
// loaded as a <script> when the topic is ticked, so the plan works from
// file:// with no fetch. Opened from file:// here, as from a shared drive.
// $TSUNAGU_BIN and $TSUNAGU_SYNTH_BIN name prebuilt binaries (else cargo run).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { browserSkip, buildSite, cargo, fileUrl, launchBrowser, repoRoot, tempDir } from './lib.mjs';

const TWO = ['kaigo', 'kenri'];

/** topic id → agency ids with a matter in it, from the generated TOML. */
function agenciesByTopic(root) {
  const dir = path.join(root, 'content/agencies');
  const map = {};
  for (const f of readdirSync(dir)) {
    const text = readFileSync(path.join(dir, f), 'utf8');
    const id = text.match(/^id = "([^"]+)"/m)[1];
    for (const m of text.matchAll(/^topic = "([^"]+)"/gm)) (map[m[1]] ||= new Set()).add(id);
  }
  return map;
}

/** Waits until every ticked topic has loaded, then reads what is shown. */
async function loaded(page) {
  await page.waitForFunction(() => {
    const s = document.querySelector('[data-plan-status]').textContent;
    return s && !/読み込んで/.test(s);
  });
  return page.evaluate(() => ({
    sections: [...document.querySelectorAll('[data-plan-topic]')]
      .filter((s) => getComputedStyle(s).display !== 'none').map((s) => s.getAttribute('data-plan-topic')),
    rows: Object.fromEntries([...document.querySelectorAll('[data-plan-topic]')].map((s) => [
      s.getAttribute('data-plan-topic'),
      [...s.querySelectorAll('.entry')].map((e) => ({ id: e.getAttribute('data-agency'), star: e.hasAttribute('data-star') })),
    ])),
    multi: [...document.querySelectorAll('.plan-agency')].filter((li) => !li.hidden)
      .map((li) => ({ id: li.getAttribute('data-agency'), n: Number(li.querySelector('[data-plan-count]').textContent.match(/(\d+) つ/)[1]) })),
    best: document.querySelector('[data-plan-best]').textContent,
    badges: document.querySelectorAll('[data-plan-topic] [data-open-now]:not([hidden])').length,
  }));
}

describe('plan.html of a 400-agency directory, from file://', { skip: browserSkip() }, () => {
  let browser; let src; let out; let byTopic;
  before(async () => {
    browser = await launchBrowser();
    src = tempDir('tsunagu-synth-');
    const args = ['400', src, '--seed', '1'];
    if (process.env.TSUNAGU_SYNTH_BIN) execFileSync(process.env.TSUNAGU_SYNTH_BIN, args);
    else await cargo(['run', '--quiet', '-p', 'tsunagu-synth', '--', ...args]);
    // Okayama's つなぐシート: its topics are the generator's.
    mkdirSync(path.join(src, 'content/sheets'));
    copyFileSync(path.join(repoRoot, 'content/sheets/tsunagu-sheet.toml'), path.join(src, 'content/sheets/tsunagu-sheet.toml'));
    byTopic = agenciesByTopic(src);
    out = await buildSite(src);
  });
  after(async () => {
    await browser?.close();
    for (const d of [src, out]) if (d) rmSync(d, { recursive: true, force: true });
  });

  test('the page itself lists no desk; ticked topics load theirs, ★ first, and the desks covering both', async () => {
    const html = readFileSync(path.join(out, 'citizen/plan.html'), 'utf8');
    assert.ok(html.includes('data-plan-load="plan/"'));
    assert.equal((html.match(/data-agency=/g) || []).length, 0);
    const page = await browser.newPage();
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${fileUrl(path.join(out, 'citizen/plan.html'))}?topics=${TWO.join(',')}&main=${TWO[1]}`);
    const s = await loaded(page);
    assert.deepEqual(s.sections, [TWO[1], TWO[0]], '◎ topic first');
    for (const t of TWO) {
      const rows = s.rows[t];
      assert.ok(rows.length >= Math.min(100, byTopic[t].size), `${t}: ${rows.length} rows`);
      assert.ok(rows.length <= 100 + rows.filter((r) => r.star).length, `${t}: page 1 only`);
      assert.ok(rows.every((r) => byTopic[t].has(r.id)), `${t}: desks of the topic`);
      const firstPlain = rows.findIndex((r) => !r.star);
      if (firstPlain >= 0) assert.ok(rows.slice(firstPlain).every((r) => !r.star), `${t}: ★ first`);
    }
    // Only the ticked topics' scripts were loaded.
    const scripts = requests.filter((u) => /\/plan\/[^/]+\.js$/.test(u)).map((u) => u.split('/').pop()).sort();
    assert.deepEqual(scripts, TWO.map((t) => `${t}.js`).sort());
    // Desks covering both ticked topics, as the TOML says (at most 100 shown).
    const both = [...byTopic[TWO[0]]].filter((a) => byTopic[TWO[1]].has(a));
    assert.ok(both.length > 0, 'the generated site has desks covering both');
    assert.equal(s.multi.length, Math.min(100, both.length));
    assert.ok(s.multi.every((m) => m.n === 2 && both.includes(m.id)));
    assert.match(s.best, /2 つのうち 2 つ/);
    assert.ok(s.badges > 0, 'open-now badges on the loaded desks');
    await page.close();
  });

  test('ticking a third topic on the staff plan loads it, with 内線', async () => {
    const page = await browser.newPage();
    await page.goto(fileUrl(path.join(out, 'staff/plan.html')));
    for (const t of [...TWO, 'shishutsu']) await page.check(`#plan-t-${t}`);
    const s = await loaded(page);
    assert.deepEqual(s.sections.sort(), [...TWO, 'shishutsu'].sort());
    assert.ok(s.rows.shishutsu.length > 0);
    // The staff rows carry 内線; the citizen site's never do.
    const ext = await page.$$eval('[data-plan-topic="shishutsu"] .staff-info', (els) => els.length);
    assert.ok(ext > 0);
    // The referral sheet, opened from the plan, fills 紹介先 from the
    // ticked topics' scripts (the sheet embeds no directory).
    const best = await page.$eval('[data-plan-best] a', (a) => a.textContent);
    await page.click('[data-plan-sheet]');
    await page.waitForFunction(() => /紹介先に/.test(document.querySelector('[data-sheet-prefill]').textContent));
    const first = await page.$eval('[data-sheet-referral] [data-fill="agency"]', (i) => i.value);
    assert.equal(first, best);
    assert.ok(await page.$eval('[data-sheet-referral] [data-fill="extension"]', (i) => i.value.length > 0));
    await page.close();
  });

  test('without JavaScript a ticked topic links to its own pages', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(fileUrl(path.join(out, 'citizen/plan.html')));
    await page.check(`#plan-t-${TWO[0]}`);
    const link = page.locator(`[data-plan-topic="${TWO[0]}"] a[href="topics/${TWO[0]}.html"]`);
    assert.ok(await link.isVisible());
    assert.equal(await page.isVisible(`[data-plan-topic="${TWO[1]}"]`), false);
    await context.close();
  });
});
