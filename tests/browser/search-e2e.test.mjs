// End-to-end search tests in headless Chromium, against the real sample site (the
// repository's content/, Okayama's list) built with `tsunagu build --today 2026-12-02`
// into a temporary folder, and against the canary fixture (tests/fixtures/canary) for
// staff-data leaks. Expectations come from content/ (topics.toml synonyms, agencies).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import {
  browserSkip, buildSite, fileUrl, launchBrowser, repoRoot, serveStatic, showAllResults,
} from './lib.mjs';

const CANARY_ROOT = path.join(repoRoot, 'tests/fixtures/canary');

describe('search on the built sample site (headless Chromium)', { skip: browserSkip() }, () => {
  let site; // built sample: site/citizen, site/staff
  let canary; // built canary fixture
  let server;
  let canaryServer;
  let browser;

  before(async () => {
    browser = await launchBrowser();
    [site, canary] = await Promise.all([buildSite(repoRoot), buildSite(CANARY_ROOT)]);
    [server, canaryServer] = await Promise.all([serveStatic(site), serveStatic(canary)]);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await canaryServer?.close();
    for (const dir of [site, canary]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Opens a page and collects script errors, console errors and failed requests. */
  async function openPage(url) {
    const page = await browser.newPage();
    page.errors = [];
    page.on('pageerror', (e) => page.errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) page.errors.push(m.text());
    });
    page.on('response', (r) => {
      if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) page.errors.push(`${r.status()} ${r.url()}`);
    });
    await page.goto(url);
    return page;
  }

  /** The rendered result rows, in order. */
  function results(page) {
    return page.$$eval('#search-results-list > li[role="option"]', (lis) => lis.map((li) => {
      const part = (cls) => li.querySelector(`.search-result-${cls}`)?.textContent ?? null;
      return {
        kind: part('kind'),
        title: part('title'),
        star: li.querySelector('.search-result-star') !== null,
        agency: part('agency'),
        topic: part('topic'),
        phone: part('phone'),
        hours: part('hours'),
        contact: part('contact'),
        extension: part('extension'),
        href: li.getAttribute('data-href'),
        text: li.textContent,
      };
    }));
  }

  /** Waits until the live region announces the result for `query`. */
  function announced(page, query) {
    return page.waitForFunction(
      (q) => document.querySelector('#search-results [role="status"]')?.textContent.includes(`「${q}」`),
      query, { timeout: 10000 });
  }

  /** Types `query` into the search box and returns every result row once announced. */
  async function search(page, query) {
    await page.fill('#q', query);
    await announced(page, query);
    await showAllResults(page);
    return results(page);
  }

  /** Searches on the home page of `audience` and asserts `title` is among the first `n` results. */
  async function expectAmongFirst(query, title, n = 3, audience = 'citizen') {
    const page = await openPage(`${server.url}${audience}/index.html`);
    try {
      const hits = await search(page, query);
      const titles = hits.slice(0, n).map((h) => h.title);
      assert.ok(titles.includes(title), `${query}: expected ${title} in the first ${n}, got ${JSON.stringify(titles)}`);
      assert.deepEqual(page.errors, []);
      return hits.find((h) => h.title === title);
    } finally {
      await page.close();
    }
  }

  describe('spellings people type', () => {
    test('kanji 介護 puts the topic 介護 first', async () => {
      const hit = await expectAmongFirst('介護', '介護', 1);
      assert.equal(hit.kind, '相談項目');
      assert.equal(hit.href, 'topics/kaigo.html');
    });

    test('hiragana かいご finds the topic 介護 (its reading)', async () => {
      assert.equal((await expectAmongFirst('かいご', '介護')).kind, '相談項目');
    });

    test('katakana カイゴ finds the topic 介護', async () => {
      assert.equal((await expectAmongFirst('カイゴ', '介護')).kind, '相談項目');
    });

    test('half-width katakana ｶｲｺﾞ finds the topic 介護', async () => {
      assert.equal((await expectAmongFirst('ｶｲｺﾞ', '介護')).kind, '相談項目');
    });

    test('full-width latin ＤＶ puts the topic DV・虐待 first', async () => {
      const hit = await expectAmongFirst('ＤＶ', 'DV・虐待', 1);
      assert.equal(hit.href, 'topics/dv.html');
    });

    test('synonym お金がない puts the topic 支出・滞納・借金 first', async () => {
      const hit = await expectAmongFirst('お金がない', '支出・滞納・借金', 1);
      assert.equal(hit.kind, '相談項目');
    });

    test('abbreviation 社協 puts 岡山市社会福祉協議会 first', async () => {
      const hit = await expectAmongFirst('社協', '岡山市社会福祉協議会', 1);
      assert.equal(hit.kind, '機関');
      assert.equal(hit.href, 'agencies/okayama-shakyo.html');
    });
  });

  describe('several words', () => {
    test('「障害 手帳」 shows the topic card 障害 first, its ★ desk, then a 障害者更生相談所 matter', async () => {
      const page = await openPage(`${server.url}citizen/index.html`);
      const hits = await search(page, '障害 手帳');
      assert.equal(hits[0].kind, '相談項目');
      assert.equal(hits[0].title, '障害');
      assert.equal(await page.locator('#search-results-list > li').first().getAttribute('class'),
        'search-result search-result--topic search-result--card');
      // Then the topic's ★ desk, then the matters naming 手帳.
      assert.ok(hits[1].star, JSON.stringify(hits[1]));
      const techo = hits.slice(0, 4).find((h) => h.agency === '障害者更生相談所');
      assert.equal(techo.kind, '相談内容');
      assert.match(techo.title, /手帳/);
      await page.close();
    });

    test('graceful: 「介護　手帳」 lists the record holding both words first, then each word\'s', async () => {
      const page = await openPage(`${server.url}citizen/index.html`);
      const both = await search(page, '介護　手帳');
      assert.match(both[0].title, /手帳/);
      assert.equal(both[0].kind, '相談内容');
      const titles = both.map((h) => h.title);
      assert.ok(titles.includes('介護') && titles.includes('障害'), JSON.stringify(titles));
      await page.close();
    });
  });

  describe('a worry in a citizen\'s own words', () => {
    test('a sentence: 「夫に殴られる」 shows the topic card DV・虐待 first', async () => {
      const hit = await expectAmongFirst('夫に殴られる', 'DV・虐待', 1);
      assert.equal(hit.href, 'topics/dv.html');
    });

    test('a sentence: 「親が認知症かもしれない」 → 介護', async () => {
      await expectAmongFirst('親が認知症かもしれない', '介護', 1);
    });

    test('kana for kanji and romaji: おかねがない, にんちしょう, kaigo', async () => {
      await expectAmongFirst('おかねがない', '支出・滞納・借金', 2);
      await expectAmongFirst('にんちしょう', '介護', 1);
      await expectAmongFirst('kaigo', '介護', 1);
    });

    test('politeness: 「家賃が払えません」 → 支出・滞納・借金', async () => {
      await expectAmongFirst('家賃が払えません', '支出・滞納・借金', 1);
    });

    test('Latin words match as words: ＤＶ does not list もも太郎体操 (its text says DVD)', async () => {
      const page = await openPage(`${server.url}citizen/index.html`);
      const hits = await search(page, 'ＤＶ');
      assert.ok(!hits.some((h) => /もも太郎/.test(h.title)), JSON.stringify(hits.map((h) => h.title)));
      await page.close();
    });

    test('the ★ desk of a topic card comes right after it: 「介護」', async () => {
      const page = await openPage(`${server.url}citizen/index.html`);
      const hits = await search(page, '介護');
      const firstDesk = hits.find((h) => h.kind !== '相談項目');
      assert.ok(firstDesk.star, JSON.stringify(firstDesk));
      assert.equal(firstDesk.topic, '相談項目：介護');
      await page.close();
    });

    test('two topics: 「介護と借金が重なって困っている」 shows both and links both topic pages', async () => {
      const page = await openPage(`${server.url}citizen/index.html`);
      const hits = await search(page, '介護と借金が重なって困っている');
      const cards = hits.filter((h) => h.kind === '相談項目').map((h) => h.title);
      assert.ok(cards.includes('介護') && cards.includes('支出・滞納・借金'), JSON.stringify(cards));
      const combined = page.locator('.search-combined');
      assert.equal(await combined.isVisible(), true);
      const hrefs = await combined.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      assert.ok(hrefs.includes('topics/kaigo.html') && hrefs.includes('topics/shishutsu.html'), JSON.stringify(hrefs));
      assert.ok(!hrefs.includes('topics/kenkou.html'), '健康 adds nothing the 介護 card holds');
      const plan = combined.locator('a.search-combined-plan');
      const planTopics = new URL(await plan.getAttribute('href'), 'http://x/').searchParams.get('topics').split(',');
      assert.ok(planTopics.includes('kaigo') && planTopics.includes('shishutsu'), planTopics.join(','));
      await plan.click();
      await page.waitForURL(/\/citizen\/plan\.html\?topics=/);
      // The plan opens with both worries ticked.
      assert.equal(await page.isChecked('input[name="topics"][value="kaigo"]'), true);
      assert.equal(await page.isChecked('input[name="topics"][value="shishutsu"]'), true);
      await page.close();
    });

    test('one topic is not two: 「介護」 shows no combined link', async () => {
      const page = await openPage(`${server.url}citizen/index.html`);
      await search(page, '介護');
      assert.equal(await page.locator('.search-combined').isVisible(), false);
      await page.close();
    });
  });

  test('no result is no dead end: 0件, the ★ desks with their numbers and the topic list', async () => {
    const page = await openPage(`${server.url}citizen/index.html`);
    assert.deepEqual(await search(page, '宇宙旅行'), []);
    assert.equal(await page.textContent('#search-results [role="status"]'), '「宇宙旅行」の検索結果は0件です。');
    assert.match(await page.textContent('.search-empty'), /「宇宙旅行」に当てはまるものは見つかりませんでした。/);
    assert.equal(await page.getAttribute('#q', 'aria-expanded'), 'false');
    const desks = await page.$$eval('.search-empty-desks li', (lis) => lis.map((li) => ({
      text: li.textContent, href: li.querySelector('a').getAttribute('href'),
    })));
    assert.ok(desks.length >= 1, 'at least one ★ desk');
    for (const d of desks) {
      assert.match(d.text, /★/);
      assert.match(d.href, /^agencies\/.+\.html$/);
    }
    assert.ok(desks.some((d) => /電話：0\d/.test(d.text)), JSON.stringify(desks));
    // The ★ desks' numbers can be tapped to call.
    const tels = await page.$$eval('.search-empty-desks a[href^="tel:"]', (as) => as.map((a) => a.getAttribute('href')));
    assert.ok(tels.length >= 1 && tels.every((h) => /^tel:[0-9]+$/.test(h)), JSON.stringify(tels));
    const link = page.locator('.search-empty-link');
    assert.equal(await link.textContent(), '相談項目の一覧から探す');
    assert.equal(await link.getAttribute('href'), 'index.html#topics');
    await link.click();
    await page.waitForURL(/\/citizen\/index\.html#topics$/);
    assert.equal(await page.locator('#topics').count(), 1);
    await page.close();
  });

  describe('what a result shows', () => {
    test('citizen: type, name, ★, agency, topic, phone and hours of a matter', async () => {
      const page = await openPage(`${server.url}citizen/index.html`);
      const hits = await search(page, '在宅医療');
      assert.equal(hits[0].kind, '相談項目', 'the topic card comes first');
      const hit = hits.find((h) => h.kind === '相談内容');
      assert.deepEqual(
        { kind: hit.kind, title: hit.title, star: hit.star, agency: hit.agency, topic: hit.topic, phone: hit.phone, hours: hit.hours },
        {
          kind: '相談内容',
          title: '在宅医療に関すること(かかりつけ医の紹介、主に医療関係者からの相談)',
          star: true,
          agency: '地域ケア総合推進センター',
          topic: '相談項目：病気・医療',
          phone: '電話：086-242-3135',
          hours: '受付：平日 8:30~17:15',
        });
      await page.close();
    });

    test('staff: a matter also shows its contacts (担当) and 内線', async () => {
      const page = await openPage(`${server.url}staff/index.html`);
      const hits = await search(page, '苦情');
      const hit = hits.find((h) => h.title === '医療に関する苦情、心配事の相談');
      assert.ok(hit, JSON.stringify(hits.map((h) => h.title)));
      assert.equal(hit.agency, '保健所総務課');
      assert.equal(hit.contact, '担当：主 坂本 / 副 小西');
      assert.equal(hit.extension, '内線：5217');
      await page.close();
    });

    test('citizen: the same matter shows no contact and no 内線', async () => {
      const page = await openPage(`${server.url}citizen/index.html`);
      const hits = await search(page, '苦情');
      const hit = hits.find((h) => h.title === '医療に関する苦情、心配事の相談');
      assert.ok(hit, JSON.stringify(hits.map((h) => h.title)));
      assert.equal(hit.agency, '保健所総務課');
      assert.equal(hit.contact, null);
      assert.equal(hit.extension, null);
      assert.doesNotMatch(hit.text, /担当|内線|坂本|小西|5217/);
      await page.close();
    });

    test('citizen: no result row of a broad search carries 担当 or 内線', async () => {
      const page = await openPage(`${server.url}citizen/index.html`);
      for (const query of ['障害', '介護', '相談']) {
        const hits = await search(page, query);
        assert.ok(hits.length > 0, query);
        for (const hit of hits) assert.doesNotMatch(hit.text, /担当|内線/, `${query}: ${hit.text}`);
      }
      await page.close();
    });

    test('rows are touch targets of at least 44 px on a phone', async () => {
      const page = await openPage(`${server.url}citizen/index.html`);
      await page.setViewportSize({ width: 375, height: 700 });
      await search(page, '介護');
      for (const box of await page.locator('#search-results-list > li').evaluateAll(
        (lis) => lis.map((li) => li.getBoundingClientRect().toJSON()))) {
        assert.ok(box.height >= 44 && box.width >= 44, JSON.stringify(box));
      }
      await page.close();
    });
  });

  describe('page behaviour', () => {
    test('?q= on the home page pre-fills the box and runs the search', async () => {
      const page = await openPage(`${server.url}citizen/index.html?q=${encodeURIComponent('介護')}`);
      await announced(page, '介護');
      assert.equal(await page.inputValue('#q'), '介護');
      assert.equal((await results(page))[0].title, '介護');
      await page.close();
    });

    test('?q= on search.html pre-fills the box and runs the search', async () => {
      const page = await openPage(`${server.url}citizen/search.html?q=${encodeURIComponent('社協')}`);
      await announced(page, '社協');
      assert.equal(await page.inputValue('#q'), '社協');
      assert.equal((await results(page))[0].title, '岡山市社会福祉協議会');
      await page.close();
    });

    test('results are an ordered list in a region labelled 検索結果', async () => {
      const page = await openPage(`${server.url}citizen/index.html`);
      const hits = await search(page, '介護');
      const region = page.getByRole('region', { name: '検索結果' });
      assert.equal(await region.isVisible(), true);
      const list = region.getByRole('listbox', { name: '検索結果' });
      assert.equal(await list.evaluate((el) => el.tagName), 'OL');
      assert.equal(await list.getByRole('option').count(), hits.length);
      await page.close();
    });

    test('a long list draws ten rows, then twenty more per press of 「さらに…件を表示」, the rows shown unmoved', async () => {
      const page = await openPage(`${server.url}citizen/index.html`);
      await page.fill('#q', '相談');
      await announced(page, '相談');
      const status = page.locator('#search-results [role="status"]');
      const count = Number((await status.textContent()).match(/検索結果は(\d+)件/)[1]);
      assert.ok(count > 10, `the sample has more than ten rows for 相談: ${count}`);
      const first = await results(page);
      assert.equal(first.length, 10);
      assert.match(await status.textContent(), /上位10件を表示しています。$/);
      const more = page.getByRole('button', { name: `さらに${Math.min(20, count - 10)}件を表示` });
      assert.equal(await more.isVisible(), true);
      // From the keyboard: Enter on the button, until every row is out.
      await more.focus();
      for (let before = first; ;) {
        const n = before.length;
        await page.keyboard.press('Enter');
        const want = Math.min(n + 20, count);
        await page.waitForFunction((w) => document.querySelectorAll('#search-results-list > li').length === w, want);
        const now = await results(page);
        assert.deepEqual(now.slice(0, n).map((h) => h.href), before.map((h) => h.href), 'the rows shown stay put');
        assert.ok(now.slice(n).every((h) => h.title && h.href), JSON.stringify(now.slice(n)));
        assert.equal(new Set(now.map((h) => h.href + h.title)).size, now.length, 'no row twice');
        if (want < count) {
          // More to come: the keyboard stays on the button.
          assert.equal(await page.evaluate(() => document.activeElement.className), 'search-more');
          before = now;
          continue;
        }
        // The button is gone: back in the box, the first new row active.
        assert.equal(await more.isVisible(), false);
        assert.equal(await page.evaluate(() => document.activeElement.id), 'q');
        const firstNew = await page.locator('#search-results-list > li').nth(n).getAttribute('id');
        assert.equal(await page.getAttribute('#q', 'aria-activedescendant'), firstNew);
        break;
      }
      // A new query starts again at ten rows.
      await page.fill('#q', '障害');
      await announced(page, '障害');
      assert.ok((await results(page)).length <= 10);
      assert.deepEqual(page.errors, []);
      await page.close();
    });

    test('the live region announces the result count', async () => {
      const page = await openPage(`${server.url}citizen/index.html`);
      const hits = await search(page, '介護');
      const status = page.locator('#search-results [role="status"]');
      assert.equal(await status.getAttribute('aria-live'), 'polite');
      assert.equal(await status.textContent(), `「介護」の検索結果は${hits.length}件です。`);
      await page.close();
    });

    test('the live region is in the page before the first search, so the first count is announced', async () => {
      const page = await openPage(`${server.url}citizen/index.html`);
      await page.waitForFunction(() => document.querySelector('#search-results')?.hasAttribute('data-idle'));
      const status = page.locator('#search-results [role="status"]');
      // Rendered (not display:none, not inside a hidden ancestor) yet empty; the heading is not shown.
      assert.equal(await status.evaluate((el) => el.checkVisibility()), true);
      assert.equal(await status.textContent(), '');
      assert.equal(await page.getByRole('heading', { name: '検索結果' }).isVisible(), false);
      await page.close();
    });

    test('each search updates ?q= so the URL can be shared', async () => {
      const page = await openPage(`${server.url}citizen/search.html`);
      await search(page, '障害');
      assert.equal(new URL(page.url()).searchParams.get('q'), '障害');
      await page.close();
    });

    test('combobox ARIA: arrows move the active option, Escape clears it', async () => {
      const page = await openPage(`${server.url}citizen/index.html`);
      await search(page, '介護');
      const input = page.locator('#q');
      assert.equal(await input.getAttribute('role'), 'combobox');
      assert.equal(await input.getAttribute('aria-expanded'), 'true');
      assert.equal(await input.getAttribute('aria-controls'), 'search-results-list');
      await input.press('ArrowDown');
      await input.press('ArrowDown');
      const second = await page.getAttribute('#search-results-list > li:nth-child(2)', 'id');
      assert.equal(await input.getAttribute('aria-activedescendant'), second);
      assert.equal(await page.getAttribute(`#${second}`, 'aria-selected'), 'true');
      await input.press('ArrowUp');
      assert.equal(await input.getAttribute('aria-activedescendant'),
        await page.getAttribute('#search-results-list > li:nth-child(1)', 'id'));
      assert.equal(await page.evaluate(() => document.activeElement.id), 'q');
      await input.press('Escape');
      assert.equal(await input.getAttribute('aria-activedescendant'), null);
      await page.close();
    });

    test('ArrowDown then Enter opens the first result page', async () => {
      const page = await openPage(`${server.url}citizen/index.html`);
      const [first] = await search(page, '社協');
      assert.equal(first.href, 'agencies/okayama-shakyo.html');
      await page.press('#q', 'ArrowDown');
      await page.press('#q', 'Enter');
      await page.waitForURL(/\/citizen\/agencies\/okayama-shakyo\.html$/);
      assert.match(await page.textContent('h1'), /岡山市社会福祉協議会/);
      await page.close();
    });

    test('the index loads lazily: the manifest on first focus, then only the shards a query needs', async () => {
      const page = await openPage(`${server.url}citizen/index.html`);
      const requested = [];
      page.on('request', (r) => requested.push(r.url()));
      await page.waitForTimeout(300);
      assert.deepEqual(requested.filter((u) => u.includes('/search/')), []);
      await page.focus('#q');
      for (let i = 0; i < 100 && !requested.some((u) => u.endsWith('/citizen/search/manifest.js')); i++) {
        await page.waitForTimeout(50);
      }
      assert.ok(requested.some((u) => u.endsWith('/citizen/search/manifest.js')), JSON.stringify(requested));
      assert.ok(!requested.some((u) => /\/search\/[td]\//.test(u)), `no shard before a query: ${JSON.stringify(requested)}`);
      await search(page, '介護');
      const shards = requested.filter((u) => /\/search\/t\//.test(u));
      const chunks = requested.filter((u) => /\/search\/d\//.test(u));
      assert.ok(shards.length >= 1 && chunks.length >= 1, JSON.stringify(requested));
      // Each file once, however many searches.
      await search(page, 'かいご');
      await search(page, '介護');
      const again = requested.filter((u) => /\/search\/[td]\//.test(u));
      assert.equal(new Set(again).size, again.length, JSON.stringify(again));
      await page.close();
    });
  });

  describe('works from file://', () => {
    for (const audience of ['citizen', 'staff']) {
      test(`${audience}/index.html?q=介護 opened from disk`, async () => {
        const url = `${fileUrl(path.join(site, audience, 'index.html'))}?q=${encodeURIComponent('介護')}`;
        const page = await openPage(url);
        await announced(page, '介護');
        const hits = await results(page);
        assert.equal(hits[0].title, '介護');
        assert.match(await page.textContent('#search-results [role="status"]'), /「介護」の検索結果は\d+件です。/);
        assert.deepEqual(page.errors, []);
        await page.close();
      });
    }
  });

  test('an index of another tokenizer version fails loudly, not with empty results', async () => {
    const page = await browser.newPage();
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    const real = readFileSync(path.join(site, 'citizen/search/manifest.js'), 'utf8');
    assert.ok(real.includes('"tokenizer":"tsunagu-ja-bigram-2"'), 'the built manifest names its tokenizer');
    await page.route('**/search/manifest.js', (route) => route.fulfill({
      body: real.replace('"tokenizer":"tsunagu-ja-bigram-2"', '"tokenizer":"tsunagu-ja-bigram-0"'),
      contentType: 'text/javascript',
    }));
    await page.goto(`${server.url}citizen/index.html`);
    await page.fill('#q', '介護');
    await page.waitForSelector('#search-results .search-error');
    assert.match(await page.textContent('#search-results [role="status"]'), /検索データの版がこのページと合いません/);
    assert.ok(errors.some((e) => /tokenizer/.test(e)), JSON.stringify(errors));
    assert.equal(await page.locator('#search-results-list > li').count(), 0);
    await page.close();
  });

  test('a missing term shard fails loudly, not with empty results', async () => {
    const page = await browser.newPage();
    page.on('console', () => {});
    await page.route('**/search/t/*.js', (route) => route.fulfill({ status: 404, body: '' }));
    await page.goto(`${server.url}citizen/index.html`);
    await page.fill('#q', '介護');
    await page.waitForSelector('#search-results .search-error');
    assert.match(await page.textContent('#search-results [role="status"]'), /検索データを読み込めませんでした/);
    await page.close();
  });

  test('Rust ↔ JS parity vectors hold in Chromium', async () => {
    const page = await openPage(`${server.url}citizen/index.html`);
    const vectors = JSON.parse(readFileSync(path.join(repoRoot, 'tests/search_vectors.json'), 'utf8'));
    const failures = await page.evaluate((cases) => {
      const core = window.TsunaguSearchCore;
      return cases.filter((c) => JSON.stringify([core.normalize(c.input), core.tokenize(c.input), core.queryWords(c.input)]) !==
        JSON.stringify([c.normalized, c.tokens, c.query])).map((c) => c.input);
    }, vectors.cases);
    assert.deepEqual(failures, []);
    await page.close();
  });

  describe('staff-only data (canary fixture)', () => {
    const STAFF_STRINGS = ['CANARY_', '03-5555-0101', '03-5555-0202', '0355550101', '0355550202'];

    /** Every file under DIR/search, by path relative to it (manifest, t/N, d/N, hours). */
    function searchFiles(dir) {
      return readdirSync(path.join(dir, 'search'), { recursive: true })
        .filter((name) => name.endsWith('.js'))
        .map((name) => [name, readFileSync(path.join(dir, 'search', name), 'utf8')]);
    }

    test('no citizen search file (manifest, term shards, name shards, display chunks) holds a staff canary', () => {
      const files = searchFiles(path.join(canary, 'citizen'));
      const names = files.map(([name]) => name);
      assert.ok(names.includes('manifest.js'), names.join(' '));
      assert.ok(names.some((n) => n.startsWith('t/')) && names.some((n) => n.startsWith('d/')), names.join(' '));
      for (const [name, text] of files) {
        for (const s of STAFF_STRINGS) assert.ok(!text.includes(s), `${s} in citizen/search/${name}`);
        assert.doesNotMatch(text, /canary/i, `citizen/search/${name}`);
      }
    });

    test('the staff search files do hold the canaries', () => {
      const files = searchFiles(path.join(canary, 'staff'));
      const display = files.filter(([n]) => n.startsWith('d/')).map(([, t]) => t).join('');
      for (const s of ['CANARY_PRIMARY', 'CANARY_SECONDARY', 'CANARY_MATTER_EXT']) assert.ok(display.includes(s), s);
      assert.match(files.find(([n]) => n === 'manifest.js')[1], /"staff"/);
      assert.ok(files.some(([n, t]) => n.startsWith('t/') && t.includes('"canary":[')), 'the term canary is in a staff shard');
    });

    test('searching a canary on the citizen site finds nothing', async () => {
      const page = await openPage(`${canaryServer.url}citizen/index.html`);
      for (const query of ['CANARY_PRIMARY', 'canary', 'CANARY_AGENCY_NOTE', 'CANARY_ROSTER_FIELD', 'CANARY_ROSTER_NAME']) {
        assert.deepEqual(await search(page, query), [], query);
      }
      assert.deepEqual(page.errors, []);
      await page.close();
    });

    test('searching CANARY_PRIMARY on the staff site finds the matter', async () => {
      const page = await openPage(`${canaryServer.url}staff/index.html`);
      const hits = await search(page, 'CANARY_PRIMARY');
      const hit = hits.find((h) => h.title === '高齢者の介護の相談');
      assert.ok(hit, JSON.stringify(hits.map((h) => h.title)));
      assert.equal(hit.kind, '相談内容');
      assert.equal(hit.contact, '担当：主 CANARY_PRIMARY / 副 CANARY_SECONDARY');
      assert.equal(hit.extension, '内線：CANARY_MATTER_EXT');
      await page.close();
    });

    test('staff search finds a roster member by field and by name; citizen search does not', async () => {
      const page = await openPage(`${canaryServer.url}staff/index.html`);
      for (const query of ['CANARY_ROSTER_FIELD', 'CANARY_ROSTER_NAME']) {
        const [hit] = await search(page, query);
        assert.equal(hit.kind, '名簿', query);
        assert.equal(hit.title, 'CANARY_ROSTER_TITLE（CANARY_ROSTER_FIELD）');
        assert.equal(hit.href, 'rosters/advisors.html');
      }
      await page.close();
    });
  });
});
