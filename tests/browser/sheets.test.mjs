// Referral sheets (staff site): opened from the plan with the worries ticked
// and the 紹介先 rows filled from the directory; printed to A4 and read back
// with pdftotext; and nothing typed leaves the page or stays in the browser.
// Also the printable 相談機関一覧 (directory.html), A4 landscape.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { browserSkip, buildSite, launchBrowser, pdfText, repoRoot, serveStatic, tempDir } from './lib.mjs';
import { execFileSync } from 'node:child_process';

const MORIOKA = path.join(repoRoot, 'examples/morioka');
const flat = (s) => s.replace(/\s+/g, '');

/** Values of one agency's TOML, read with patterns rather than copied here. */
function agency(root, id) {
  const text = readFileSync(path.join(root, 'content/agencies', `${id}.toml`), 'utf8');
  const one = (re) => text.match(re)?.[1];
  return {
    name: one(/^name = "([^"]+)"/m),
    phone: one(/number = "([^"]+)"/),
    primary: one(/^primary = "([^"]+)"/m),
    secondary: one(/^secondary = "([^"]+)"/m),
    extension: one(/^extensions = \["([^"]+)"/m),
  };
}

function sheetText(root, id) {
  return readFileSync(path.join(root, 'content/sheets', `${id}.toml`), 'utf8');
}

describe('referral sheets and the printable directory', { skip: browserSkip() }, () => {
  let browser; let server; let okayama; let morioka;
  before(async () => {
    browser = await launchBrowser();
    const base = tempDir('tsunagu-sheets-');
    okayama = await buildSite(repoRoot, path.join(base, 'okayama'));
    morioka = await buildSite(MORIOKA, path.join(base, 'morioka'));
    server = await serveStatic(base);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    if (okayama) rmSync(path.dirname(okayama), { recursive: true, force: true });
  });

  test('sheets and the directory are on the staff site only', () => {
    for (const site of [okayama, morioka]) {
      assert.ok(existsSync(path.join(site, 'staff/directory.html')));
      assert.ok(!existsSync(path.join(site, 'citizen/directory.html')));
      assert.ok(!existsSync(path.join(site, 'citizen/sheets')));
    }
    assert.ok(existsSync(path.join(okayama, 'staff/sheets/tsunagu-sheet.html')));
    assert.ok(existsSync(path.join(morioka, 'staff/sheets/soudan-sheet.html')));
  });

  test('Okayama つなぐシート opened from the plan: worries ticked, 紹介先 filled, two A4 pages', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}okayama/staff/plan.html?topics=iryou,kaigo&main=kaigo`);
    await page.click('[data-plan-sheet]');
    await page.waitForSelector('[data-sheet-prefill]:not(:empty)');
    const url = new URL(page.url());
    assert.equal(url.pathname.endsWith('/staff/sheets/tsunagu-sheet.html'), true);
    // Only topic and agency ids in the address.
    assert.deepEqual([...url.searchParams.keys()].sort(), ['agencies', 'main', 'topics']);
    const ticked = await page.$$eval('[data-sheet-topic]', (els) => els.filter((b) => b.checked).map((b) => b.getAttribute('data-sheet-topic')));
    assert.deepEqual(ticked.sort(), ['iryou', 'kaigo']);
    assert.equal(await page.$eval('[data-sheet-main]:checked', (r) => r.getAttribute('data-sheet-main')), 'kaigo');
    const first = url.searchParams.get('agencies').split(',')[0];
    const want = agency(repoRoot, first);
    const row = await page.$$eval('[data-sheet-referral="0"] [data-fill]', (els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-fill'), e.value])));
    assert.equal(row.agency, want.name);
    assert.ok(row.phone.includes(want.phone), row.phone);
    if (want.primary) assert.equal(row.primary, want.primary);

    const { text, pages } = pdfText(await page.pdf({ format: 'A4' }));
    const sheet = sheetText(repoRoot, 'tsunagu-sheet');
    assert.equal(pages, Number(sheet.match(/^pages = (\d+)/m)[1]));
    const f = flat(text);
    assert.ok(f.includes(flat(want.name)));
    assert.ok(f.includes(want.phone));
    if (want.primary) assert.ok(f.includes(want.primary));
    assert.ok(f.includes(flat(sheet.match(/^wording = "([^"]+)"/m)[1])), 'consent wording');
    assert.ok(f.includes('ver.2018.10.1'));
    for (const gone of ['印刷する', '送信も保存もされず']) assert.ok(!f.includes(gone), gone);
    await page.close();
  });

  test('a second 紹介先 row gets the second agency: 担当者 主/副, 内線, hours', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}okayama/staff/sheets/tsunagu-sheet.html?topics=kaigo&agencies=chiiki-care-sougou-suishin-center,kaigo-hoken-ka`);
    const want = agency(repoRoot, 'kaigo-hoken-ka');
    const row = await page.$$eval('[data-sheet-referral="1"] [data-fill]', (els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-fill'), e.value])));
    assert.equal(row.agency, want.name);
    assert.equal(row.primary, want.primary);
    assert.equal(row.secondary, want.secondary);
    assert.equal(row.extension, want.extension);
    assert.ok(row.hours.length > 0);
    const { text } = pdfText(await page.pdf({ format: 'A4' }));
    for (const v of [want.primary, want.secondary, want.extension]) assert.ok(flat(text).includes(v), v);
    await page.close();
  });

  test('Morioka 受付シート No.1/No.2: three-way consent, handover prefilled, two A4 pages', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}morioka/staff/sheets/soudan-sheet.html?topics=kaigo&agencies=morioka-ekinishi-houkatsu`);
    const want = agency(MORIOKA, 'morioka-ekinishi-houkatsu');
    assert.equal(await page.$eval('[data-sheet-referral] [data-fill="agency"]', (e) => e.value), want.name);
    const { text, pages } = pdfText(await page.pdf({ format: 'A4' }));
    assert.equal(pages, 2);
    const f = flat(text);
    const sheet = sheetText(MORIOKA, 'soudan-sheet');
    assert.ok(f.includes(flat(sheet.match(/^wording = "([^"]+)"/m)[1])), 'consent wording');
    for (const o of ['同意する', '同意しない', '不明', '(No.1)', '(No.2)', '相談の主旨', '発出日', '受取日', flat(want.name)]) {
      assert.ok(f.includes(o), o);
    }
    await page.close();
  });

  for (const [site, rel] of [['okayama', 'staff/sheets/tsunagu-sheet.html?topics=kaigo&main=kaigo&agencies=kaigo-hoken-ka'], ['morioka', 'staff/sheets/soudan-sheet.html?topics=kaigo&agencies=morioka-ekinishi-houkatsu']]) {
    test(`${site}: what is typed is printed, and never sent, stored or put in the address`, async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const requests = [];
      await page.goto(`${server.url}${site}/${rel}`);
      await page.waitForLoadState('networkidle');
      page.on('request', (r) => requests.push(`${r.url()} ${r.postData() || ''}`));
      // Every field gets its own canary; every box is ticked.
      const fields = await page.$$eval('.sheet input[type=text], .sheet textarea', (els) => els.map((e) => e.name));
      assert.ok(fields.length > 20, `${fields.length} fields`);
      const auto = await page.$$eval('.sheet input, .sheet textarea', (els) => els.filter((e) => e.getAttribute('autocomplete') !== 'off').map((e) => e.name));
      assert.deepEqual(auto, [], 'autocomplete="off" on every field');
      const canary = (i) => `Q${i}K`;
      for (let i = 0; i < fields.length; i++) await page.fill(`.sheet [name="${fields[i]}"]`, canary(i));
      for (const box of await page.$$('.sheet input[type=checkbox]')) await box.check();
      await page.keyboard.press('Enter');
      const { text } = pdfText(await page.pdf({ format: 'A4' }));
      const f = flat(text);
      const missing = fields.map((_, i) => canary(i)).filter((c) => !f.includes(c));
      assert.deepEqual(missing, [], 'every typed value is on the printed page');
      const stored = await page.evaluate(async () => ({
        local: localStorage.length,
        session: sessionStorage.length,
        cookie: document.cookie,
        idb: indexedDB.databases ? (await indexedDB.databases()).length : 0,
        caches: self.caches ? (await caches.keys()).length : 0,
      }));
      assert.deepEqual(stored, { local: 0, session: 0, cookie: '', idb: 0, caches: 0 });
      assert.ok(!/Q\d+K/.test(page.url()), page.url());
      const historyUrl = await page.evaluate(() => location.href);
      assert.ok(!/Q\d+K/.test(historyUrl));
      await page.reload();
      await page.waitForLoadState('networkidle');
      const after = await page.$$eval('.sheet input[type=text], .sheet textarea', (els) => els.map((e) => e.value).filter((v) => /Q\d+K/.test(v)));
      assert.deepEqual(after, [], 'nothing typed survives a reload');
      // Requests after the first load are the reload's own page and files: none carries a canary.
      assert.deepEqual(requests.filter((r) => /Q\d+K/.test(r)), []);
      const beforeReload = requests.filter((r) => !r.includes(`/${site}/staff/`));
      assert.deepEqual(beforeReload, [], 'no request leaves the site');
      await context.close();
    });
  }

  test('the printable 相談機関一覧 is one A4-landscape table with ★, 担当者 and 内線', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}okayama/staff/directory.html`);
    const rows = await page.$$eval('table.directory tbody tr', (els) => els.length);
    const matters = readFileSync(path.join(repoRoot, 'content/agencies/kaigo-hoken-ka.toml'), 'utf8');
    assert.ok(rows > 10);
    const pdf = await page.pdf({ preferCSSPageSize: true });
    const { text, pages } = pdfText(pdf);
    const dir = tempDir('tsunagu-dir-');
    const file = path.join(dir, 'd.pdf');
    writeFileSync(file, pdf);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    rmSync(dir, { recursive: true, force: true });
    const [w, h] = info.match(/Page size:\s+([\d.]+) x ([\d.]+)/).slice(1).map(Number);
    assert.ok(w > h, `landscape: ${w} x ${h}`);
    assert.ok(pages >= 1);
    const f = flat(text);
    const want = agency(repoRoot, 'kaigo-hoken-ka');
    for (const v of ['★', 'R4年度版', want.name, want.primary, want.secondary, want.extension, '受付時間', '内線']) assert.ok(f.includes(flat(v)), v);
    assert.ok(matters.includes(want.extension));
    await page.close();
  });
});
