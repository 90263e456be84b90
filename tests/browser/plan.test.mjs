// The household plan (plan.html) on both sample sites: several worries at
// once, the selection in the address, the no-JavaScript path, staff extras
// only on the staff site, and a clean printed page read back with pdftotext.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { browserSkip, buildSite, launchBrowser, pdfText, repoRoot, serveStatic } from './lib.mjs';

/** topic id → agency ids that have a matter in it, read from the TOML itself. */
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


const SITES = [
  { name: 'okayama', root: repoRoot, two: ['iryou', 'kaigo'], three: ['iryou', 'kokoro', 'shougai'], rule: '市全体で受け止めます', phones: true },
  { name: 'morioka', root: path.join(repoRoot, 'examples/morioka'), two: ['seikatsuhi', 'kaigo'], three: ['seikatsuhi', 'kaigo', 'hikikomori'], rule: '盛岡市社会福祉協議会につなぎます', phones: false },
];

/** What the page shows: visible topic sections in order, the multi-topic desks with their counts. */
async function shown(page) {
  return page.evaluate(() => ({
    sections: [...document.querySelectorAll('[data-plan-topic]')]
      .filter((s) => getComputedStyle(s).display !== 'none').map((s) => s.getAttribute('data-plan-topic')),
    multi: [...document.querySelectorAll('.plan-agency')].filter((li) => !li.hidden)
      .map((li) => ({ id: li.getAttribute('data-agency'), n: Number(li.querySelector('[data-plan-count]').textContent.match(/(\d+) つ/)[1]) })),
    best: document.querySelector('[data-plan-best]').textContent,
    checked: [...document.querySelectorAll('input[name=topics]:checked')].map((b) => b.value),
    main: document.querySelector('input[name=main]:checked')?.value || '',
  }));
}

for (const site of SITES) {
  describe(`plan.html on the ${site.name} sample`, { skip: browserSkip() }, () => {
    let browser; let server; let out;
    const byTopic = agenciesByTopic(site.root);
    before(async () => {
      browser = await launchBrowser();
      out = await buildSite(site.root);
      server = await serveStatic(out);
    });
    after(async () => {
      await browser?.close();
      await server?.close();
      if (out) rmSync(out, { recursive: true, force: true });
    });

    test('the phone lines of the ticked topics and the lines for any worry are on the plan', async () => {
      const page = await browser.newPage();
      await page.goto(`${server.url}citizen/plan.html?topics=dv,kaigo`);
      const visible = await page.evaluate(() => [...document.querySelectorAll('[data-plan-fallback]')]
        .filter((d) => getComputedStyle(d).display !== 'none').map((d) => d.getAttribute('data-plan-fallback')));
      // DV has lines of its own in both samples (national lines from the facts file); 介護 has none.
      assert.deepEqual(visible, ['dv']);
      const dvTel = await page.$$eval('[data-plan-fallback="dv"] a[href^="tel:"]', (as) => as.map((a) => a.getAttribute('href')));
      assert.ok(dvTel.length >= 1, 'a DV line to call');
      const allTel = await page.$$eval('#plan-lines-all a[href^="tel:"]', (as) => as.length);
      assert.ok(allTel >= 1, 'a line for any worry, always shown');
      assert.equal(await page.isVisible('#plan-lines-all'), true);
      await page.close();
    });

    for (const topics of [site.two, site.three]) {
      test(`${topics.length} topics: each topic's desks, ★ first, then the desks that cover several`, async () => {
        const page = await browser.newPage();
        const main = topics[topics.length - 1];
        await page.goto(`${server.url}citizen/plan.html?topics=${topics.join(',')}&main=${main}`);
        const s = await shown(page);
        assert.deepEqual(s.checked.sort(), [...topics].sort());
        assert.equal(s.main, main);
        // The ◎ topic first, then the others in list order.
        assert.equal(s.sections[0], main);
        assert.deepEqual([...s.sections].sort(), [...topics].sort());
        // Desks covering two or more ticked topics, as the TOML says, most first.
        const expected = {};
        for (const t of topics) for (const a of byTopic[t] || []) expected[a] = (expected[a] || 0) + 1;
        const several = Object.entries(expected).filter(([, n]) => n >= 2);
        assert.deepEqual(s.multi.map((m) => m.id).sort(), several.map(([a]) => a).sort());
        for (const m of s.multi) assert.equal(m.n, expected[m.id], m.id);
        for (let i = 1; i < s.multi.length; i++) assert.ok(s.multi[i - 1].n >= s.multi[i].n);
        const max = Math.max(...Object.values(expected));
        assert.match(s.best, new RegExp(`${topics.length} つのうち ${max} つ`));
        // Each ticked topic lists its ★ desk first (when it has one) with tap-to-call numbers.
        for (const t of topics) {
          const rows = await page.$$eval(`[data-plan-topic="${t}"] .entry`, (els) => els.map((e) => e.hasAttribute('data-star')));
          assert.ok(rows.length > 0, t);
          if (rows.includes(true)) assert.equal(rows[0], true, `${t}: ★ first`);
        }
        // Every number shown is a tap-to-call link (Morioka's sample lists none).
        const phones = await page.$$eval('[data-plan-topic] .phone', (els) => els.filter((p) => p.offsetParent).map((p) => Boolean(p.querySelector('a[href^="tel:"]'))));
        assert.ok(phones.every(Boolean));
        assert.equal(phones.length > 0, site.phones);
        assert.ok((await page.textContent('[data-plan-start]')).includes(site.rule));
        await page.close();
      });
    }

    test('the selection lives in the address: ticking rewrites it, reloading restores it', async () => {
      const page = await browser.newPage();
      await page.goto(`${server.url}citizen/plan.html`);
      assert.deepEqual((await shown(page)).sections, []);
      await page.check(`#plan-t-${site.two[0]}`);
      await page.check(`#plan-t-${site.two[1]}`);
      await page.check(`#plan-m-${site.two[1]}`);
      assert.equal(new URL(page.url()).search, `?topics=${site.two.join(',')}&main=${site.two[1]}`);
      const href = await page.getAttribute('[data-plan-share-link]', 'href');
      assert.equal(href, `plan.html?topics=${site.two.join(',')}&main=${site.two[1]}`);
      await page.reload();
      const s = await shown(page);
      assert.deepEqual(s.checked.sort(), [...site.two].sort());
      assert.equal(s.sections[0], site.two[1]);
      // The form's own encoding (topics=a&topics=b) is read too.
      await page.goto(`${server.url}citizen/plan.html?topics=${site.two[0]}&topics=${site.two[1]}`);
      assert.deepEqual((await shown(page)).checked.sort(), [...site.two].sort());
      // Unticking everything leaves a bare address.
      await page.uncheck(`#plan-t-${site.two[0]}`);
      await page.uncheck(`#plan-t-${site.two[1]}`);
      assert.equal(new URL(page.url()).search, '');
      await page.close();
    });

    test('without JavaScript, ticking topics shows their desks', async () => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(`${server.url}citizen/plan.html`);
      for (const t of site.two) await page.check(`#plan-t-${t}`);
      const visible = await page.$$eval('[data-plan-topic]', (els) => els.filter((s) => getComputedStyle(s).display !== 'none').map((s) => s.getAttribute('data-plan-topic')));
      assert.deepEqual(visible.sort(), [...site.two].sort());
      assert.ok(await page.isVisible(`[data-plan-topic="${site.two[0]}"] .entry`));
      await context.close();
    });

    test('the staff plan adds 担当者 and 内線; the citizen plan has none of it', async () => {
      const q = `plan.html?topics=${site.three.join(',')}`;
      const page = await browser.newPage();
      await page.goto(`${server.url}staff/${q}`);
      const staff = await page.$$eval('[data-plan-topic] .staff-info, .plan-rule-staff', (els) => els.length);
      assert.ok(staff > 0, 'staff extras on the staff plan');
      await page.goto(`${server.url}citizen/${q}`);
      assert.equal(await page.$$eval('.staff-info, .plan-rule-staff, [data-plan-sheet]', (els) => els.length), 0);
      await page.close();
    });

    for (const tree of ['citizen', 'staff']) {
      test(`${tree}: the printed plan is a clean A4 page with the date and no controls or live badges`, async () => {
        const page = await browser.newPage();
        await page.goto(`${server.url}${tree}/plan.html?topics=${site.two.join(',')}&main=${site.two[0]}`);
        await page.waitForSelector('[data-open-now]:not([hidden])', { state: 'attached' }).catch(() => {});
        const labels = await page.$$eval('input[name=topics]:checked', (els) => els.map((b) => document.querySelector(`label[for="${b.id}"]`).textContent));
        const today = await page.evaluate(() => { const d = new Date(); return `印刷日：${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`; });
        const { text, pages } = pdfText(await page.pdf({ format: 'A4' }));
        const flat = text.replace(/\s+/g, '');
        assert.ok(pages >= 1);
        assert.ok(flat.includes(today.replace(/\s+/g, '')), 'the date printed');
        for (const l of labels) assert.ok(flat.includes(l.replace(/\s+/g, '')), l);
        for (const gone of ['困りごと（相談項目）を選ぶ', '開いています', '受付時間外', '本日の受付は終了', '今開いている窓口だけ', '本文へ移動']) {
          assert.ok(!flat.includes(gone), `printed page has "${gone}"`);
        }
        await page.close();
      });
    }
  });
}

describe('a topic page prints without the open-now filter or badges', { skip: browserSkip() }, () => {
  let browser; let server; let out;
  before(async () => {
    browser = await launchBrowser();
    out = await buildSite(repoRoot);
    server = await serveStatic(out);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    if (out) rmSync(out, { recursive: true, force: true });
  });
  test('topics/kaigo.html', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}citizen/topics/kaigo.html`);
    await page.waitForSelector('[data-open-filter]:not([hidden])');
    const badges = await page.$$eval('[data-open-now]:not([hidden])', (els) => els.length);
    assert.ok(badges > 0, 'badges are shown on screen');
    const { text } = pdfText(await page.pdf({ format: 'A4' }));
    const flat = text.replace(/\s+/g, '');
    assert.ok(flat.includes('介護'));
    for (const gone of ['今開いている窓口だけ表示', '開いています', '本日の受付は終了', '次の受付']) {
      assert.ok(!flat.includes(gone), `printed topic page has "${gone}"`);
    }
    await page.close();
  });
});
