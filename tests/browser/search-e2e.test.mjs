// End-to-end search tests in headless Chromium.
// Target: the search fixture site (cargo run -p tsunagu-search --example fixture), or a
// built site when TSUNAGU_SEARCH_SITE=<dir containing citizen/ and staff/> is set.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  browserAvailable, buildSearchFixture, CHROMIUM, fileUrl, launchBrowser, repoRoot, serveStatic,
} from './lib.mjs';

const STAFF_CANARY = 'STAFF-CANARY-7f3a';

describe('search in headless Chromium', () => {
  let site;
  let server;
  let browser;

  before(async () => {
    assert.ok(browserAvailable(),
      `Chromium (${CHROMIUM}) or playwright-core missing: apt-get install -y chromium; (cd tests/browser && npm ci)`);
    site = process.env.TSUNAGU_SEARCH_SITE || (await buildSearchFixture());
    server = await serveStatic(site);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

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

  async function results(page) {
    return page.$$eval('#search-results-list > li[role="option"]', (lis) => lis.map((li) => ({
      title: li.querySelector('.search-result-title')?.textContent,
      kind: li.querySelector('.search-result-kind')?.textContent,
      href: li.getAttribute('data-href'),
      text: li.textContent,
    })));
  }

  async function search(page, query) {
    await page.fill('#q', query);
    await page.waitForFunction(
      (q) => document.querySelector('#search-results [role="status"]')?.textContent.includes(`「${q}」`),
      query, { timeout: 10000 });
    return results(page);
  }

  async function expectAmongFirst(query, title, n = 3, audience = 'citizen') {
    const page = await openPage(`${server.url}${audience}/index.html`);
    try {
      const hits = await search(page, query);
      const titles = hits.slice(0, n).map((h) => h.title);
      assert.ok(titles.includes(title), `${query}: expected ${title} in first ${n}, got ${JSON.stringify(titles)}`);
      assert.deepEqual(page.errors, []);
      return hits;
    } finally {
      await page.close();
    }
  }

  test('kanji 介護 puts the 介護 topic first', async () => {
    const hits = await expectAmongFirst('介護', '介護', 1);
    assert.equal(hits[0].kind, '相談項目');
  });
  test('hiragana かいご', () => expectAmongFirst('かいご', '介護'));
  test('katakana カイゴ', () => expectAmongFirst('カイゴ', '介護'));
  test('half-width katakana ｶｲｺﾞ', () => expectAmongFirst('ｶｲｺﾞ', '介護'));
  test('full-width latin ＤＶ', () => expectAmongFirst('ＤＶ', 'DV・虐待'));
  test('synonym お金がない finds 支出・滞納・借金', () => expectAmongFirst('お金がない', '支出・滞納・借金', 1));
  test('abbreviation 社協', () => expectAmongFirst('社協', '岡山市社会福祉協議会', 1));
  test('long vowel センタ finds センター', () => expectAmongFirst('包括支援センタ', '北区地域包括支援センター', 1));
  test('two words must both match (full-width space)', async () => {
    const hits = await expectAmongFirst('社協　貸付', '生活福祉資金の貸付');
    for (const h of hits) assert.match(h.text, /貸付|社会福祉協議会/);
    // The matter inherits its agency's name, phone and hours for display.
    const matter = hits.find((h) => h.title === '生活福祉資金の貸付');
    for (const part of ['相談内容', '岡山市社会福祉協議会', '086-000-0001', '平日 8:30~17:15']) {
      assert.ok(matter.text.includes(part), `${part} missing in ${matter.text}`);
    }
  });

  test('no result: friendly message and a link to the topic list', async () => {
    const page = await openPage(`${server.url}citizen/index.html`);
    await search(page, '宇宙旅行');
    assert.equal((await results(page)).length, 0);
    assert.match(await page.textContent('#search-results [role="status"]'), /0件/);
    assert.equal(await page.getAttribute('#q', 'aria-expanded'), 'false');
    const link = page.locator('.search-empty a');
    assert.equal(await link.textContent(), '相談項目の一覧から探す');
    await link.click();
    await page.waitForURL(/index\.html#topics$/);
    await page.close();
  });

  test('?q= pre-fills and runs the search on search.html', async () => {
    const page = await openPage(`${server.url}citizen/search.html?q=${encodeURIComponent('かいご')}`);
    await page.waitForSelector('#search-results-list > li[role="option"]');
    assert.equal(await page.inputValue('#q'), 'かいご');
    assert.equal((await results(page))[0].title, '介護');
    assert.equal(await page.isVisible('#search-results'), true);
    assert.equal(await page.textContent('#results-heading'), '検索結果');
    await page.close();
  });

  test('results update the URL for sharing', async () => {
    const page = await openPage(`${server.url}citizen/search.html`);
    await search(page, '障害');
    assert.equal(new URL(page.url()).searchParams.get('q'), '障害');
    await page.close();
  });

  test('combobox/listbox ARIA and keyboard navigation', async () => {
    const page = await openPage(`${server.url}citizen/index.html`);
    await search(page, '介護');
    const input = page.locator('#q');
    assert.equal(await input.getAttribute('role'), 'combobox');
    assert.equal(await input.getAttribute('aria-expanded'), 'true');
    assert.equal(await input.getAttribute('aria-controls'), 'search-results-list');
    assert.equal(await page.getAttribute('#search-results-list', 'role'), 'listbox');
    assert.equal(await page.getAttribute('#search-results [role="status"]', 'aria-live'), 'polite');
    assert.match(await page.textContent('#search-results [role="status"]'), /「介護」の検索結果は\d+件です/);

    await input.press('ArrowDown');
    await input.press('ArrowDown');
    const second = await page.getAttribute('#search-results-list > li:nth-child(2)', 'id');
    assert.equal(await input.getAttribute('aria-activedescendant'), second);
    assert.equal(await page.getAttribute(`#${second}`, 'aria-selected'), 'true');
    await input.press('ArrowUp');
    const first = await page.$eval('#search-results-list > li:nth-child(1)', (li) => ({ id: li.id, href: li.dataset.href }));
    assert.equal(await input.getAttribute('aria-activedescendant'), first.id);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'q');

    await input.press('Escape');
    assert.equal(await input.getAttribute('aria-activedescendant'), null);
    await input.press('ArrowDown');
    await input.press('Enter');
    await page.waitForURL((u) => u.href.endsWith(first.href));
    await page.close();
  });

  test('results are large touch targets and show details', async () => {
    const page = await openPage(`${server.url}citizen/index.html`);
    await page.setViewportSize({ width: 375, height: 700 });
    const hits = await search(page, '社会福祉協議会');
    const box = await page.locator('#search-results-list > li').first().boundingBox();
    assert.ok(box.height >= 44 && box.width >= 44, JSON.stringify(box));
    const text = hits[0].text;
    for (const part of ['機関', '岡山市社会福祉協議会', '★', '支出・滞納・借金', '086-000-0001', '平日 8:30~17:15']) {
      assert.ok(text.includes(part), `${part} missing in ${text}`);
    }
    assert.ok(!text.includes('担当') && !text.includes('内線'), text);
    await page.close();
  });

  test('staff results show contact and 内線; staff_text is searchable', async () => {
    const page = await openPage(`${server.url}staff/index.html`);
    const hits = await search(page, '社会福祉協議会');
    assert.match(hits[0].text, /担当：主 山田花子/);
    assert.match(hits[0].text, /内線：1001/);
    const byContact = await search(page, '山田花子');
    assert.ok(byContact.some((h) => h.title === '岡山市社会福祉協議会'));
    await page.close();
  });

  test('citizen index files carry no staff canary; staff files do', () => {
    for (const f of ['search/index.js', 'search/display.js']) {
      const citizen = readFileSync(path.join(site, 'citizen', f), 'utf8');
      assert.ok(!citizen.includes(STAFF_CANARY) && !citizen.includes('山田花子') && !citizen.includes('内線'), f);
    }
    assert.ok(readFileSync(path.join(site, 'staff/search/display.js'), 'utf8').includes('山田花子'));
  });

  test('the staff canary is searchable on the staff site only', async () => {
    const canaryWord = STAFF_CANARY.split('-')[1].toLowerCase();
    const staff = await openPage(`${server.url}staff/index.html`);
    assert.ok((await search(staff, canaryWord)).length > 0);
    await staff.close();
    const citizen = await openPage(`${server.url}citizen/index.html`);
    assert.equal((await search(citizen, canaryWord)).length, 0);
    await citizen.close();
  });

  test('works from file:// (scripts, not fetch)', async () => {
    const page = await openPage(fileUrl(path.join(site, 'citizen/index.html')));
    const hits = await search(page, 'かいご');
    assert.equal(hits[0].title, '介護');
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test('index is loaded lazily, on first focus', async () => {
    const page = await openPage(`${server.url}citizen/index.html`);
    const requested = [];
    page.on('request', (r) => requested.push(r.url()));
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => typeof window.TSUNAGU_SEARCH_INDEX), 'undefined');
    await page.focus('#q');
    await page.waitForFunction(() => typeof window.TSUNAGU_SEARCH_INDEX === 'object');
    assert.ok(requested.some((u) => u.endsWith('search/index.js')));
    await page.close();
  });

  test('tokenizer version mismatch fails loudly', async () => {
    const page = await browser.newPage();
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.route('**/search/index.js', async (route) => {
      const body = readFileSync(path.join(site, 'citizen/search/index.js'), 'utf8')
        .replace('"lang":"tsunagu-ja-bigram-1"', '"lang":"tsunagu-ja-bigram-0"');
      await route.fulfill({ body, contentType: 'text/javascript' });
    });
    await page.goto(`${server.url}citizen/index.html`);
    await page.fill('#q', '介護');
    await page.waitForSelector('#search-results .search-error');
    assert.match(await page.textContent('#search-results [role="status"]'), /版/);
    assert.ok(errors.some((e) => /tokenizer/.test(e)), JSON.stringify(errors));
    await page.close();
  });

  test('Rust ↔ JS parity vectors hold in Chromium too', async () => {
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
});
