// Writes screenshots of the citizen site as a person sees it, on a phone (375×667)
// and a desktop (1280×800): home, a topic, an agency, search, the household plan
// (when the theme has one), a DV page, the resource list, a resource page (the first
// one listed, or `TSUNAGU_RESOURCE=<id>`) and the 「外国語で相談できる」 page.
// Not a test: look at them.
//   node tests/browser/screenshots.mjs [out-dir] [site-root]
// (default out-dir: target/screenshots; site-root: the repository, i.e. content/).
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { buildSite, launchBrowser, repoRoot, serveStatic } from './lib.mjs';

const out = path.resolve(process.argv[2] || path.join(repoRoot, 'target/screenshots'));
const root = path.resolve(process.argv[3] || repoRoot);
const PAGES = [
  ['home', 'index.html'],
  ['topic', 'topics/kaigo.html'],
  ['agency', 'agencies/hokenjo-soumuka.html'],
  ['search', 'search.html?q=お金がない'],
  ['plan', 'plan.html'],
  ['dv', 'topics/dv.html'],
  // The lookup after typing a town in kana (the first town of the list).
  ['lookup', 'lookup.html', async (page) => {
    const town = await page.evaluate(() => window.TSUNAGU_LOOKUP.towns[0][1]);
    await page.fill('#lookup-town', town);
    await page.press('#lookup-town', 'Enter');
    await page.waitForSelector('[data-lookup-results]:not([hidden])');
  }],
  ['resources', 'resources/index.html'],
  ['resource', null],
  ['support', 'support/foreign-language.html'],
];
const VIEWPORTS = [['phone', { width: 375, height: 667 }], ['desktop', { width: 1280, height: 800 }]];

mkdirSync(out, { recursive: true });
const site = await buildSite(root);
// The resource page: the one named, else the first in the list (by reading).
const firstResource = () => {
  const list = readFileSync(path.join(site, 'citizen/resources/index.html'), 'utf8');
  const m = list.match(/class="card-list">\s*<li><span class="kind-tag">[^<]*<\/span> <a href="\.\.\/(resources\/[^"]+)"/);
  return m && m[1];
};
const resourcePage = process.env.TSUNAGU_RESOURCE ? `resources/${process.env.TSUNAGU_RESOURCE}.html` : firstResource();
const server = await serveStatic(site);
const browser = await launchBrowser();
try {
  for (const [name, given, act] of PAGES) {
    const rel = given ?? resourcePage;
    if (!rel || !existsSync(path.join(site, 'citizen', rel.split('?')[0]))) continue;
    for (const [vname, viewport] of VIEWPORTS) {
      const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
      const page = await context.newPage();
      await page.goto(`${server.url}citizen/${rel}`);
      if (act) await act(page);
      if (rel.includes('?q=')) await page.waitForFunction(() => document.querySelector('#search-results [role="status"]')?.textContent);
      const file = path.join(out, `${name}-${vname}.png`);
      // The first screen, as it opens, and the whole page.
      await page.screenshot({ path: file });
      await page.screenshot({ path: file.replace('.png', '-full.png'), fullPage: true });
      console.log(file);
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(site, { recursive: true, force: true });
}
