// The open-now badge (themes/default/static/js/open-now.js): its pure core
// under Node, and the real page in headless Chromium with the clock fixed
// to chosen Japan-time instants while the browser runs in another time zone.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { repoRoot, browserSkip, launchBrowser, serveStatic, fileUrl } from './lib.mjs';

const SCRIPT = path.join(repoRoot, 'themes/default/static/js/open-now.js');
const FIXTURE = path.join(repoRoot, 'tests/browser/fixtures/open-now.html');

/** Epoch ms of a Japan-time wall clock reading. */
const jst = (iso) => Date.parse(`${iso}+09:00`);

function loadCore() {
  const sandbox = { module: { exports: {} } };
  vm.runInNewContext(readFileSync(SCRIPT, 'utf8'), sandbox, { filename: SCRIPT });
  return sandbox.module.exports;
}

function fixtureData(id) {
  const html = readFileSync(FIXTURE, 'utf8');
  const script = html.match(new RegExp(`<script type="application/json" id="${id}">(.*?)</script>`));
  if (script) return JSON.parse(script[1]);
  const attr = html.match(/data-open-now='(.*?)'/);
  return JSON.parse(attr[1]);
}

// [label, JST instant, city hall badge (平日 8:30～12:00、13:00～17:15), weekend badge (土日祝 10:00～16:00)]
const CASES = [
  ['weekday morning', '2026-11-25T10:00', '開いています（12:00まで）', '本日は休みです。次の受付: 土曜 10:00'],
  ['lunch break', '2026-11-25T12:30', '現在は受付時間外です。次の受付: 本日 13:00', '本日は休みです。次の受付: 土曜 10:00'],
  ['after closing', '2026-11-25T17:15', '本日の受付は終了しました。次の受付: 木曜 8:30', '本日は休みです。次の受付: 土曜 10:00'],
  ['before opening', '2026-11-26T07:59', '現在は受付時間外です。次の受付: 本日 8:30', '本日は休みです。次の受付: 土曜 10:00'],
  ['Saturday', '2026-11-28T10:00', '本日は休みです。次の受付: 月曜 8:30', '開いています（16:00まで）'],
  ['national holiday (勤労感謝の日)', '2026-11-23T10:00', '本日は祝日のため休みです。次の受付: 火曜 8:30', '開いています（16:00まで）'],
  ['year-end closure 12/30', '2026-12-30T10:00', '本日は休業日です。次の受付: 月曜 8:30', '本日は休業日です。次の受付: 1月9日（土）10:00'],
];

test('core computes the badge text in Japan time', () => {
  const core = loadCore();
  const city = fixtureData('hours-city-hall');
  const weekend = fixtureData('hours-weekend');
  for (const [label, at, cityText, weekendText] of CASES) {
    assert.equal(core.describe(core.status(city, jst(at))), cityText, `${label}: city hall`);
    assert.equal(core.describe(core.status(weekend, jst(at))), weekendText, `${label}: weekend`);
  }
  assert.equal(core.isOpen(city, jst('2026-11-25T08:30')), true);
  assert.equal(core.isOpen(city, jst('2026-11-25T17:15')), false);
});

test('core handles overnight and around-the-clock hours', () => {
  const core = loadCore();
  const base = { v: 1, observeClosures: true, holidays: [], closures: [], until: '2027-12-31' };
  const night = { ...base, rules: [{ days: [1, 2, 3, 4, 5], hol: false, weeks: [], ranges: [['17:00', '33:00']] }] };
  assert.equal(core.describe(core.status(night, jst('2026-11-26T02:00'))), '開いています（9:00まで）');
  assert.equal(core.describe(core.status(night, jst('2026-11-25T18:00'))), '開いています（翌9:00まで）');
  const always = { ...base, observeClosures: false, rules: [{ days: [0, 1, 2, 3, 4, 5, 6], hol: true, weeks: [], ranges: [['00:00', '24:00']] }] };
  assert.equal(core.describe(core.status(always, jst('2026-12-31T23:00'))), '開いています');
  const nth = { ...base, rules: [{ days: [6], hol: false, weeks: [2, 4], ranges: [['09:00', '12:00']] }] };
  // 2026-11-28 is the 4th Saturday; the 5th (none in Nov) → 2nd Saturday of December.
  assert.equal(core.isOpen(nth, jst('2026-11-28T09:00')), true);
  assert.equal(core.describe(core.status(nth, jst('2026-11-28T12:00'))), '本日の受付は終了しました。次の受付: 12月12日（土）9:00');
});

describe('open-now badge in headless Chromium', { skip: browserSkip() }, () => {
  let browser;
  let server;
  before(async () => {
    browser = await launchBrowser();
    server = await serveStatic(repoRoot);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function badges(url, at, timezoneId = 'America/Los_Angeles') {
    // A viewer far from Japan: the badge must still follow Japan time.
    const context = await browser.newContext({ timezoneId, locale: 'en-US' });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.clock.setFixedTime(new Date(jst(at)));
    await page.goto(url);
    const read = (id) =>
      page.$eval(`#${id}`, (el) => ({ text: el.textContent, state: el.getAttribute('data-open-state'), hidden: el.hidden }));
    const result = { city: await read('badge-city-hall'), weekend: await read('badge-weekend') };
    await context.close();
    assert.deepEqual(errors, []);
    return result;
  }

  test('badge in headless Chromium at fixed JST instants', async () => {
    const url = `${server.url}tests/browser/fixtures/open-now.html`;
    for (const [label, at, cityText, weekendText] of CASES) {
      const got = await badges(url, at);
      assert.equal(got.city.text, cityText, `${label}: city hall`);
      assert.equal(got.weekend.text, weekendText, `${label}: weekend`);
      assert.equal(got.city.hidden, false);
      assert.equal(got.city.state, cityText.startsWith('開いています') ? 'open' : 'closed', `${label}: state`);
    }
  });

  test('badge works from file:// and in a Japan-time browser too', async () => {
    const got = await badges(fileUrl(FIXTURE), '2026-11-25T12:30', 'Asia/Tokyo');
    assert.equal(got.city.text, '現在は受付時間外です。次の受付: 本日 13:00');
    const weekend = await badges(fileUrl(FIXTURE), '2026-11-28T15:59', 'Pacific/Kiritimati');
    assert.equal(weekend.weekend.text, '開いています（16:00まで）');
  });
});
