// The lookup 「お住まいの地域の窓口」 opened straight from disk (file://, no
// server): a town typed in kanji, in katakana or as a postal code gives the
// offices serving it per topic; the plan and the staff referral sheet use the
// chosen town to pick the district office. Nothing typed reaches the address,
// and no request leaves file://.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { browserSkip, buildSite, fileUrl, launchBrowser, repoRoot } from './lib.mjs';

/** Towns of a towns.toml: name, reading, postal, area. */
function towns(root) {
  const text = readFileSync(path.join(root, 'content/towns.toml'), 'utf8');
  return [...text.matchAll(/\[\[town\]\]\nname = "([^"]+)"\nreading = "([^"]+)"\npostal = "([^"]+)"\narea = "([^"]+)"/g)]
    .map((m) => ({ name: m[1], reading: m[2], postal: m[3], area: m[4] }));
}

/** A town of `area` whose name no other town shares or starts with, so it is one answer. */
function uniqueTown(list, area) {
  return list.find((t) => t.area === area && t.name.length >= 2 &&
    list.filter((u) => u.name.includes(t.name) || u.postal === t.postal).length === 1);
}

const katakana = (s) => s.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));

async function lookUp(page, text) {
  await page.fill('#lookup-town', '');
  await page.fill('#lookup-town', text);
  await page.press('#lookup-town', 'Enter');
  await page.waitForSelector('[data-lookup-results]:not([hidden])');
  return page.evaluate(() => ({
    heading: document.querySelector('[data-lookup-results] h2').textContent,
    text: document.querySelector('[data-lookup-results]').textContent,
    tels: document.querySelectorAll('[data-lookup-results] a[href^="tel:"]').length,
  }));
}

describe('lookup on the Okayama sample from file://', { skip: browserSkip() }, () => {
  let browser; let out; let context; let page; const requests = [];
  const all = towns(repoRoot);
  const naka = uniqueTown(all, '中区');
  before(async () => {
    browser = await launchBrowser();
    out = await buildSite(repoRoot);
    context = await browser.newContext({ viewport: { width: 375, height: 667 } });
    page = await context.newPage();
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(fileUrl(path.join(out, 'citizen/lookup.html')));
  });
  after(async () => {
    await browser?.close();
    if (out) rmSync(out, { recursive: true, force: true });
  });

  test('a town in kanji gives its 行政区 and the 福祉区 offices inside it', async () => {
    assert.ok(naka, 'a unique town in 中区');
    const r = await lookUp(page, naka.name);
    assert.match(r.heading, new RegExp(`${naka.name}（中区）`));
    assert.match(r.text, /中区福祉区の福祉事務所/);
    assert.match(r.text, /この町がどの福祉区かは、この一覧ではわかりません/);
    assert.doesNotMatch(r.text, /北区北福祉区の福祉事務所/, 'offices of another 行政区 are not shown');
    assert.match(r.text, /電話番号はこの一覧にまだ載っていません/);
  });

  test('without JavaScript the page lists the district offices by area; with an answer that list steps aside', async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const p = await noJs.newPage();
    await p.goto(fileUrl(path.join(out, 'citizen/lookup.html')));
    assert.equal(await p.isVisible('[data-lookup]'), false, 'the picker needs the script');
    const list = await p.textContent('[data-lookup-static]');
    assert.match(list, /北区中央福祉事務所（各福祉事務所）/);
    assert.match(list, /担当地域：北区中央福祉区/);
    await noJs.close();
    assert.equal(await page.isVisible('[data-lookup-static]'), false);
  });

  test('the same town typed in katakana and as a postal code', async () => {
    const byKana = await lookUp(page, katakana(naka.reading));
    assert.match(byKana.heading, new RegExp(naka.name));
    const byCode = await lookUp(page, `〒${naka.postal}`);
    assert.match(byCode.heading, new RegExp(naka.name));
    const digits = await lookUp(page, naka.postal.replace('-', ''));
    assert.match(digits.heading, new RegExp(naka.name));
  });

  test('a town of a 行政区 whose 福祉区 offices are not listed is told so, group by group', async () => {
    const higashi = uniqueTown(all, '東区');
    const r = await lookUp(page, higashi.name);
    assert.match(r.text, /各福祉事務所：東区の窓口は、この一覧にまだ載っていません/);
    assert.doesNotMatch(r.text, /福祉区の福祉事務所/);
  });

  test('a name shared by several towns asks which one', async () => {
    await page.fill('#lookup-town', '');
    await page.fill('#lookup-town', '町');
    await page.press('#lookup-town', 'Enter');
    const n = await page.$$eval('.lookup-choice', (b) => b.length);
    assert.ok(n > 1, `choices shown: ${n}`);
    await page.click('.lookup-choice');
    await page.waitForFunction(() => document.querySelector('[data-lookup-status]').textContent.includes('窓口を表示'));
  });

  test('nothing typed reaches the address or the network', async () => {
    assert.equal(new URL(page.url()).search, '');
    const outside = requests.filter((u) => !u.startsWith('file://'));
    assert.deepEqual(outside, []);
    assert.ok(requests.some((u) => u.endsWith('static/lookup-data.js')), 'the data loaded from disk');
  });

  test('the plan shows the district offices of each ticked topic for the chosen town', async () => {
    const p = await context.newPage();
    await p.goto(fileUrl(path.join(out, 'citizen/plan.html')) + '?topics=kaigo');
    await p.fill('#plan-town', naka.name);
    await p.press('#plan-town', 'Enter');
    await p.waitForSelector('[data-lookup-slot="kaigo"]:not([hidden])');
    const slot = await p.textContent('[data-lookup-slot="kaigo"]');
    assert.match(slot, /中区福祉区の福祉事務所/);
    assert.ok(!p.url().includes(encodeURIComponent(naka.name)) && !p.url().includes(naka.name), 'town not in the address');
    await p.close();
  });

  test('the staff referral sheet puts the district office in the 紹介先 row', async () => {
    const p = await context.newPage();
    await p.goto(fileUrl(path.join(out, 'staff/sheets/tsunagu-sheet.html')) + '?topics=kaigo&agencies=kaku-fukushi-jimusho');
    assert.equal(await p.inputValue('[data-sheet-referral="0"] [data-fill="agency"]'), '各福祉事務所');
    await p.fill('#sheet-town', naka.name);
    await p.press('#sheet-town', 'Enter');
    await p.waitForFunction(() => document.querySelector('[data-sheet-town]').textContent);
    const agency = await p.inputValue('[data-sheet-referral="0"] [data-fill="agency"]');
    assert.equal(agency, '中区福祉区の福祉事務所（各福祉事務所）');
    await p.close();
  });
});

describe('lookup on the Yonago sample', { skip: browserSkip() }, () => {
  let browser; let out;
  const root = path.join(repoRoot, 'examples/yonago');
  before(async () => {
    browser = await launchBrowser();
    out = await buildSite(root);
  });
  after(async () => {
    await browser?.close();
    if (out) rmSync(out, { recursive: true, force: true });
  });

  test('any town shows ふれあいの里 (中央エリア) as possible and the planned centres honestly', async () => {
    const town = uniqueTown(towns(root), '市内全域');
    const page = await browser.newPage();
    await page.goto(fileUrl(path.join(out, 'citizen/lookup.html')));
    const r = await lookUp(page, town.name);
    assert.match(r.text, /総合相談支援センター（ふれあいの里）/);
    assert.match(r.text, /この町がどのエリアかは、この一覧ではわかりません/);
    assert.match(r.text, /中央エリア以外のエリアの総合相談支援センター.*開設予定（時期は未定）/);
  });
});
