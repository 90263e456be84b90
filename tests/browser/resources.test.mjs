// 社会資源 and communication support in headless Chromium: the citizen filter
// 「外国語で相談できる」/「FAXで相談できる」 works from the desk list with and without
// JavaScript and lists exactly the records that say so in their TOML; the Okinawa
// example (seed 004) has a number to tap on every topic page, and no page of it
// scrolls sideways or has primary targets under 44×44 px.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { browserSkip, repoRoot, useBuiltSampleSite } from './lib.mjs';

const PHONE = { width: 375, height: 667 };
const DESKTOP = { width: 1280, height: 800 };
const CANARY = path.join(repoRoot, 'tests/fixtures/canary');
const PRIMARY = 'a.tel:not(.staff-table *), button, .site-nav a, .support-links a, .view-switch a';

/** `name` of every record in `dir` whose `communication` table matches `re`. */
function offering(dir, re) {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.toml'))
    .map((f) => readFileSync(path.join(dir, f), 'utf8'))
    .filter((t) => re.test((t.match(/^communication = \{.*\}$/m) || [''])[0]))
    .map((t) => t.match(/^name = "(.*)"$/m)[1]);
}

function htmlFiles(dir, rel = '') {
  return readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) return e.name === 'static' || e.name === 'search' ? [] : htmlFiles(dir, r);
    return e.name.endsWith('.html') && r !== '404.html' ? [r] : [];
  });
}

describe('communication support filter (headless Chromium)', { skip: browserSkip() }, () => {
  const ctx = useBuiltSampleSite(CANARY);
  const content = path.join(CANARY, 'content');

  for (const javaScriptEnabled of [false, true]) {
    for (const [label, re] of [['外国語で相談できる', /languages = \[\s*"/], ['FAXで相談できる', /fax = true/]]) {
      test(`「${label}」 from the desk list, JavaScript ${javaScriptEnabled ? 'on' : 'off'}, on a phone`, async () => {
        const context = await ctx.browser.newContext({ viewport: PHONE, javaScriptEnabled, hasTouch: true });
        const page = await context.newPage();
        await page.goto(`${ctx.server.url}citizen/agencies/index.html`);
        const link = page.getByRole('link', { name: new RegExp(`^${label}`) }).first();
        const box = await link.boundingBox();
        assert.ok(box.width >= 44 && box.height >= 44, `${label} is ${box.width}×${box.height}`);
        await link.click();
        await page.waitForURL(/support\//);
        assert.equal(await page.getAttribute('.support-links a[aria-current="page"]', 'href').then((h) => h.split('/').pop()), page.url().split('/').pop());
        const listed = await page.$$eval('[data-support-list] > li > a', (as) => as.map((a) => a.textContent.trim()));
        const expected = [...offering(path.join(content, 'agencies'), re), ...offering(path.join(content, 'resources'), re)];
        assert.ok(expected.length >= 1, 'the fixture offers it');
        assert.deepEqual(listed.sort(), expected.sort());
        const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.equal(wide, 0, 'no sideways scroll');
        await context.close();
      });
    }
  }

  test('a support with no record says so and points to the desk list', async () => {
    const context = await ctx.browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${ctx.server.url}citizen/support/relay-service.html`);
    assert.match(await page.textContent('main'), /まだ載っていません/);
    assert.ok(await page.$('main a[href$="agencies/index.html"]'));
    await context.close();
  });
});

describe('the okinawa example on a phone and a desktop (headless Chromium)', { skip: browserSkip() }, () => {
  const ctx = useBuiltSampleSite(path.join(repoRoot, 'examples/okinawa'));

  test('every topic page has a number to tap', async () => {
    const topics = htmlFiles(path.join(ctx.site, 'citizen'), 'topics');
    assert.equal(topics.length, 4);
    for (const rel of topics) {
      const context = await ctx.browser.newContext({ viewport: PHONE });
      const page = await context.newPage();
      await page.goto(`${ctx.server.url}citizen/${rel}`);
      const tels = await page.$$eval('main a[href^="tel:"]', (as) => as.filter((a) => a.offsetParent).length);
      assert.ok(tels >= 1, rel);
      await context.close();
    }
  });

  for (const tree of ['citizen', 'staff']) {
    test(`${tree}: no page scrolls sideways and primary targets are 44×44 px`, async () => {
      const problems = [];
      for (const viewport of [PHONE, DESKTOP]) {
        for (const rel of htmlFiles(path.join(ctx.site, tree))) {
          const context = await ctx.browser.newContext({ viewport });
          const page = await context.newPage();
          await page.goto(`${ctx.server.url}${tree}/${rel}`);
          const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          if (wide > 0) problems.push(`${rel} at ${viewport.width}px scrolls sideways by ${wide}px`);
          const small = await page.$$eval(PRIMARY, (els) => els
            .filter((e) => e.offsetParent)
            .map((e) => [e.outerHTML.slice(0, 60), e.getBoundingClientRect()])
            .filter(([, r]) => r.width < 44 || r.height < 44)
            .map(([h, r]) => `${h} ${Math.round(r.width)}×${Math.round(r.height)}`));
          for (const s of small) problems.push(`${rel} at ${viewport.width}px: ${s}`);
          await context.close();
        }
      }
      assert.deepEqual(problems, []);
    });
  }
});
