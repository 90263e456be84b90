// Accessibility (JIS X 8341-3:2016 AA = WCAG 2.1 AA): axe-core checks every kind of
// page of both built sample sites, on a phone-sized and a desktop viewport. axe finds
// what a machine can (contrast, names, roles, landmarks, labels); it is no substitute
// for a person with a screen reader, but a regression here is always a real one.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { browserSkip, useBuiltSampleSite } from './lib.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const PAGES = [
  'index.html',
  'index.html?q=介護',
  'search.html?q=宇宙旅行',
  'topics/kaigo.html',
  'topics/shougai.html',
  'topics/dv.html',
  'topics/kokoro.html',
  'topics/sumai.html',
  'search.html?q=DV',
  'open-today.html',
  'agencies/index.html',
  'agencies/hokenjo-soumuka.html',
  'agencies/kaku-fukushi-jimusho.html',
  'programs/index.html',
  'programs/momotaro-taisou.html',
  'resources/index.html',
  'resources/by-topic.html',
  'resources/tamariba.html',
  'resources/zaitaku-ryouyou-kenshuukai.html',
  'support/foreign-language.html',
  'pages/referral.html',
  'plan.html',
  'plan.html?topics=iryou,kaigo,shougai&main=kaigo',
  'lookup.html',
  '404.html',
];
const STAFF_ONLY = [
  'rosters/index.html',
  'rosters/advisors.html',
  'pages/staff-guide.html',
  'sheets/tsunagu-sheet.html?topics=kaigo&main=kaigo&agencies=kaigo-hoken-ka',
  'directory.html',
  'report.html',
  'meetings.html',
];
const CITIZEN_ONLY = ['opendata.html'];

describe('accessibility of the built sample site (axe-core, WCAG 2.1 AA)', { skip: browserSkip() }, () => {
  const ctx = useBuiltSampleSite();

  async function violations(url, viewport, breakIt) {
    const context = await ctx.browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(url);
    if (url.includes('?q=')) {
      await page.waitForFunction(() => document.querySelector('#search-results [role="status"]')?.textContent);
    }
    if (breakIt) await page.evaluate(breakIt);
    await page.addScriptTag({ path: AXE });
    const result = await page.evaluate(async (tags) => {
      // eslint-disable-next-line no-undef
      const r = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
      return r.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
    }, TAGS);
    await context.close();
    return result;
  }

  test('the check itself catches a violation (an image without alt text)', async () => {
    const found = await violations(`${ctx.server.url}citizen/index.html`, { width: 390, height: 844 }, () => {
      document.querySelector('main').insertAdjacentHTML('beforeend', '<img src="data:,">');
    });
    assert.ok(found.some((v) => v.startsWith('image-alt:')), JSON.stringify(found));
  });

  for (const [tree, pages] of [
    ['citizen', [...PAGES, ...CITIZEN_ONLY]],
    ['staff', [...PAGES, ...STAFF_ONLY]],
  ]) {
    for (const rel of pages) {
      test(`${tree}/${rel} has no WCAG 2.1 AA violations on a phone and a desktop`, async () => {
        for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 900 }]) {
          const found = await violations(`${ctx.server.url}${tree}/${rel}`, viewport);
          assert.deepEqual(found, [], `${viewport.width}px`);
        }
      });
    }
  }
});
