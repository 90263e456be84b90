// Opening hours on the real built sample site (content/, built with --today 2026-12-02),
// in headless Chromium with the page clock fixed to chosen instants: the topic-page
// filter 「今開いている窓口だけ表示」 (open-filter.js + open-now.js), and an agency page's
// open-now badge, timetable and schema.org JSON-LD.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSkip, showAllResults, useBuiltSampleSite } from './lib.mjs';

const TUESDAY_10_JST = new Date('2026-12-08T01:00:00Z'); // a working day
const SATURDAY_10_JST = new Date('2026-12-05T01:00:00Z');
const WEEKDAY_HOURS = /^平日 /;

describe('opening hours on the built sample site (headless Chromium)', { skip: browserSkip() }, () => {
  const ctx = useBuiltSampleSite();

  /** Opens `rel` on the citizen site at a fixed instant, in a browser far from Japan; close with page.context().close(). */
  async function openAt(rel, at, options = {}) {
    const context = await ctx.browser.newContext({ timezoneId: 'America/Los_Angeles', locale: 'en-US', ...options });
    const page = await context.newPage();
    page.errors = [];
    page.on('pageerror', (e) => page.errors.push(String(e)));
    if (options.javaScriptEnabled !== false) await page.clock.setFixedTime(at);
    await page.goto(`${ctx.server.url}citizen/${rel}`);
    return page;
  }

  /** The entries of a topic page: their hours text and whether they are shown. */
  function entries(page) {
    return page.$$eval('.entry-list > li', (lis) => lis.map((li) => {
      const hours = [...li.querySelectorAll('dt')].find((dt) => dt.textContent === '受付時間');
      return {
        title: li.querySelector('.entry-title a').textContent,
        hours: hours ? hours.nextElementSibling.firstChild.textContent.trim() : null,
        visible: !li.hidden && li.checkVisibility(),
      };
    }));
  }

  const filter = (page) => page.getByRole('checkbox', { name: '今開いている窓口だけ表示' });
  const filterStatus = (page) => page.textContent('[data-open-filter-status]');

  describe('search results filter 「今開いている窓口だけ」', () => {
    /** Searches `q` on the home page at instant `at`, optionally with the filter on. */
    async function searchAt(q, at, openOnly) {
      const page = await openAt(`index.html?q=${encodeURIComponent(q)}`, at);
      const box = page.getByRole('checkbox', { name: '今開いている窓口だけ' });
      await box.waitFor({ state: 'visible' });
      if (openOnly) await box.check();
      await page.waitForFunction(
        (want) => document.querySelector('#search-results [role="status"]')?.textContent.includes(want),
        openOnly ? '今開いている窓口だけ' : '件です');
      await showAllResults(page);
      const rows = await page.$$eval('#search-results-list > li', (lis) => lis.map((li) => li.textContent));
      const status = await page.textContent('#search-results [role="status"]');
      return { page, rows, status };
    }

    test('on a weekday morning it keeps desks open now and drops topics', async () => {
      const all = await searchAt('介護', TUESDAY_10_JST, false);
      const open = await searchAt('介護', TUESDAY_10_JST, true);
      assert.ok(open.rows.length > 0 && open.rows.length < all.rows.length, `${open.rows.length} of ${all.rows.length}`);
      assert.ok(open.rows.every((r) => /平日/.test(r)), JSON.stringify(open.rows));
      assert.match(open.status, /今開いている窓口だけを表示しています。/);
      assert.deepEqual(open.page.errors, []);
      await all.page.context().close();
      await open.page.context().close();
    });

    test('on a Saturday nothing in the sample is open', async () => {
      const { page, rows, status } = await searchAt('介護', SATURDAY_10_JST, true);
      assert.equal(rows.length, 0);
      assert.match(status, /検索結果は0件です。今開いている窓口だけを表示しています。/);
      await page.context().close();
    });
  });

  describe('topic page filter 「今開いている窓口だけ表示」 (topics/shougai.html)', () => {
    test('the checkbox is hidden without JavaScript and every entry is listed', async () => {
      const page = await openAt('topics/shougai.html', TUESDAY_10_JST, { javaScriptEnabled: false });
      assert.equal(await filter(page).isVisible(), false);
      const all = await entries(page);
      assert.ok(all.length > 0 && all.every((e) => e.visible));
      await page.context().close();
    });

    test('the checkbox shows with JavaScript, unchecked, all entries listed', async () => {
      const page = await openAt('topics/shougai.html', TUESDAY_10_JST);
      assert.equal(await filter(page).isVisible(), true);
      assert.equal(await filter(page).isChecked(), false);
      assert.ok((await entries(page)).every((e) => e.visible));
      assert.deepEqual(page.errors, []);
      await page.context().close();
    });

    test('weekday 10:00 JST: checking it keeps every 平日 entry visible', async () => {
      const page = await openAt('topics/shougai.html', TUESDAY_10_JST);
      await filter(page).check();
      const all = await entries(page);
      const weekday = all.filter((e) => WEEKDAY_HOURS.test(e.hours));
      assert.ok(weekday.length >= 2, JSON.stringify(all));
      for (const e of weekday) assert.equal(e.visible, true, `${e.title} (${e.hours})`);
      // Desks with no stated hours stay listed: hiding them would say "closed".
      const unknown = all.filter((e) => e.hours.includes('記載なし'));
      assert.ok(unknown.length >= 1 && unknown.every((e) => e.visible), JSON.stringify(unknown));
      const open = all.filter((e) => e.visible).length - unknown.length;
      assert.equal(await filterStatus(page),
        `今開いている窓口は ${open} 件です。受付時間の記載がない窓口 ${unknown.length} 件も表示しています。`);
      assert.deepEqual(page.errors, []);
      await page.context().close();
    });

    test('Saturday 10:00 JST: checking it hides all 平日 entries, keeps desks without stated hours, and says none is open', async () => {
      const page = await openAt('topics/shougai.html', SATURDAY_10_JST);
      await filter(page).check();
      const all = await entries(page);
      const weekday = all.filter((e) => WEEKDAY_HOURS.test(e.hours));
      assert.ok(weekday.length >= 2, JSON.stringify(all));
      for (const e of weekday) assert.equal(e.visible, false, `${e.title} (${e.hours})`);
      const unknown = all.filter((e) => e.hours.includes('記載なし'));
      assert.ok(unknown.every((e) => e.visible), JSON.stringify(unknown));
      assert.equal(await filterStatus(page),
        `今開いている窓口はありません。電話の受付時間をご確認ください。受付時間の記載がない窓口 ${unknown.length} 件も表示しています。`);
      assert.deepEqual(page.errors, []);
      await page.context().close();
    });

    test('unchecking it lists every entry again and clears the status', async () => {
      const page = await openAt('topics/shougai.html', SATURDAY_10_JST);
      await filter(page).check();
      await filter(page).uncheck();
      assert.ok((await entries(page)).every((e) => e.visible));
      assert.equal(await filterStatus(page), '');
      await page.context().close();
    });
  });

  describe('agency page agencies/hokenjo-soumuka.html (保健所総務課, 平日 8:30~17:15)', () => {
    test('weekday 10:00 JST: the badge says 開いています（17:15まで）', async () => {
      const page = await openAt('agencies/hokenjo-soumuka.html', TUESDAY_10_JST);
      const badge = page.locator('.open-now[data-open-now]');
      assert.equal(await badge.textContent(), '開いています（17:15まで）');
      assert.equal(await badge.isVisible(), true);
      assert.deepEqual(page.errors, []);
      await page.context().close();
    });

    test('has a timetable of the week: 平日 8:30～17:15, weekend and holidays closed', async () => {
      const page = await openAt('agencies/hokenjo-soumuka.html', TUESDAY_10_JST);
      const table = page.locator('table.timetable');
      assert.equal(await table.locator('caption').textContent(), '曜日ごとの受付時間');
      // One row per day, so the week fits a phone's width without scrolling.
      const headers = await table.locator('tbody th').allTextContents();
      const cells = await table.locator('tbody td').allTextContents();
      assert.deepEqual(Object.fromEntries(headers.map((h, i) => [h, cells[i]])), {
        月曜: '8:30～17:15', 火曜: '8:30～17:15', 水曜: '8:30～17:15', 木曜: '8:30～17:15', 金曜: '8:30～17:15',
        土曜: '休み', 日曜: '休み', 祝日: '休み',
      });
      await page.context().close();
    });

    test('has JSON-LD that parses as a GovernmentOffice', async () => {
      const page = await openAt('agencies/hokenjo-soumuka.html', TUESDAY_10_JST);
      const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
      assert.equal(blocks.length, 1);
      const data = JSON.parse(blocks[0]);
      assert.equal(data['@context'], 'https://schema.org');
      assert.equal(data['@type'], 'GovernmentOffice');
      assert.equal(data.name, '保健所総務課');
      assert.equal(data.telephone, '086-803-1254');
      assert.deepEqual(data.openingHoursSpecification.map((s) => [s.opens, s.closes, s.dayOfWeek.length]),
        [['08:30:00', '17:15:00', 5]]);
      await page.context().close();
    });
  });
});
