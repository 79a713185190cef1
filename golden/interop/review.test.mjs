// The review page in headless Chromium: every fact is highlighted once, a
// click on a row of the side table scrolls the text to its fact, filters
// restyle the highlights, and the page fetches nothing.
//
// Run by run.sh, which sets GWR_OUT (a directory written by gwr extract with
// jsonl among its formats), GWR_REVIEW (the page gwr review wrote for it)
// and GWR_SCREENSHOT (where the screenshot goes). Needs Debian's chromium
// at /usr/bin/chromium, or CHROMIUM=path.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const out = process.env.GWR_OUT;
const pagePath = process.env.GWR_REVIEW;
const shot = process.env.GWR_SCREENSHOT ?? join(tmpdir(), 'review.png');
assert.ok(out && pagePath, 'set GWR_OUT and GWR_REVIEW (run.sh does)');

const facts = readFileSync(join(out, 'facts.jsonl'), 'utf8').split('\n').filter(Boolean).map(l => JSON.parse(l));

// The pages the browser may load: the review pages themselves, nothing else.
const pages = new Set([pagePath, process.env.GWR_REVIEW_LARGE].filter(Boolean).map(p => pathToFileURL(resolve(p)).href));
let context, page, profile;
const outside = []; // requests for anything but the page itself
const problems = []; // console errors and uncaught exceptions

before(async () => {
  profile = mkdtempSync(join(tmpdir(), 'gwr-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1400, height: 900 },
  });
  await context.route('**/*', route => {
    const url = route.request().url();
    if (pages.has(url)) return route.continue();
    outside.push(url);
    return route.abort();
  });
  page = context.pages()[0] ?? await context.newPage();
  page.on('console', m => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', e => problems.push(String(e)));
  await page.goto(pathToFileURL(resolve(pagePath)).href);
});

after(async () => {
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

test('one highlight per row of facts.jsonl, with its id', async () => {
  const n = await page.locator('main mark.fact').count();
  assert.equal(n, facts.length, `highlights: got ${n}, want ${facts.length} (rows of facts.jsonl)`);
  const ids = await page.$$eval('main mark.fact', ms => ms.map(m => m.id));
  const want = facts.map(f => `f-${f.doc_id}-${f.fact_id}`);
  assert.deepEqual([...ids].sort(), [...want].sort());
  assert.equal(await page.locator('table.facts tbody tr').count(), facts.length, 'side table rows');
});

test('each highlight holds its mention and its row fields', async () => {
  const got = await page.$$eval('main mark.fact', ms => ms.map(m => [m.id, m.textContent, m.dataset.indicator, m.dataset.kind, m.dataset.unit]));
  const byId = new Map(got.map(g => [g[0], g.slice(1)]));
  let bad = 0;
  for (const f of facts) {
    const g = byId.get(`f-${f.doc_id}-${f.fact_id}`);
    if (!g || g[0] !== f.mention || g[1] !== f.indicator || g[2] !== f.kind || g[3] !== f.unit) bad++;
  }
  assert.equal(bad, 0, 'highlights whose text or data attributes differ from facts.jsonl');
});

test('clicking a side-table row scrolls its highlight into view', async () => {
  // The last fact of the document with the most facts: far down its text.
  const counts = new Map();
  for (const f of facts) counts.set(f.doc_id, (counts.get(f.doc_id) ?? 0) + 1);
  const doc = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
  const last = facts.filter(f => f.doc_id === doc).at(-1);
  const id = `f-${doc}-${last.fact_id}`;

  await page.click(`#docs button[data-doc="d-${doc}"]`);
  const inView = () => page.evaluate(id => {
    const m = document.getElementById(id);
    const r = m.getBoundingClientRect();
    const p = m.closest('.text').getBoundingClientRect();
    return r.height > 0 && r.top >= p.top && r.bottom <= p.bottom && r.top >= 0 && r.bottom <= window.innerHeight;
  }, id);
  assert.equal(await inView(), false, `${id} is in view before the click: pick a later fact`);

  await page.click(`tr[data-for="${id}"]`);
  await page.waitForFunction(id => {
    const m = document.getElementById(id);
    const r = m.getBoundingClientRect();
    const p = m.closest('.text').getBoundingClientRect();
    return r.top >= p.top && r.bottom <= p.bottom;
  }, id, { timeout: 5000 });
  assert.equal(await inView(), true, `${id} not in the viewport after clicking its row`);
  assert.equal(await page.getAttribute(`#${CSS_escape(id)}`, 'class').then(c => c.includes('current')), true);
  const panel = await page.locator('#detail').innerText();
  assert.ok(panel.includes(last.mention) && panel.includes(last.indicator), `detail panel: ${panel}`);

  mkdirSync(dirname(shot), { recursive: true });
  await page.screenshot({ path: shot });
  console.log(`artefact: review page screenshot ${shot}`);
});

test('the kind filter restyles highlights and hides rows', async () => {
  const targets = facts.filter(f => f.kind === 'target').length;
  const box = page.locator('#filters input[data-token="k-actual"]');
  assert.equal(await box.count(), 1, 'one k-actual filter (the bundled corpus has results)');
  await box.uncheck();
  assert.equal(await page.textContent('#shown'), String(targets));
  const bg = await page.$eval('main section.active mark.fact.k-actual', m => getComputedStyle(m).backgroundColor)
    .catch(() => 'rgba(0, 0, 0, 0)');
  assert.equal(bg, 'rgba(0, 0, 0, 0)', 'a filtered highlight keeps its colour');
  await box.check();
  assert.equal(await page.textContent('#shown'), String(facts.length));
});

test('the page fetches nothing and logs no errors', () => {
  assert.deepEqual(outside, []);
  assert.deepEqual(problems, []);
});

// CSS_escape escapes an id for a CSS selector (ids hold no quotes or
// backslashes here, but may start with a digit after "f-").
function CSS_escape(s) {
  return s.replace(/[^a-zA-Z0-9_-]/g, c => '\\' + c.codePointAt(0).toString(16) + ' ');
}

test('a report of over 500 KB stays responsive', async () => {
  const large = process.env.GWR_REVIEW_LARGE;
  assert.ok(large, 'set GWR_REVIEW_LARGE (run.sh does)');
  const p = await context.newPage();
  p.on('pageerror', e => problems.push(String(e)));
  const start = Date.now();
  await p.goto(pathToFileURL(resolve(large)).href);
  const load = Date.now() - start;
  // Times include the style recalculation and layout they cause.
  const got = await p.evaluate(() => {
    const layout = () => document.querySelector('main mark.fact').getBoundingClientRect();
    const chars = document.querySelector('main .report').textContent.length;
    const marks = document.querySelectorAll('main mark.fact').length;
    const rows = document.querySelectorAll('table.facts tbody tr');
    let t0 = performance.now();
    document.querySelector('#filters input[data-token="k-target"]').click();
    layout();
    const filter = performance.now() - t0;
    document.querySelector('#filters input[data-token="k-target"]').click();
    layout();
    t0 = performance.now();
    rows[rows.length - 1].click();
    layout();
    const click = performance.now() - t0;
    const m = document.querySelector('main mark.fact.current').getBoundingClientRect();
    const pane = document.querySelector('main .text').getBoundingClientRect();
    return { chars, marks, rows: rows.length, filter, click, inView: m.top >= pane.top && m.bottom <= pane.bottom };
  });
  console.log(`large report: ${got.chars} characters, ${got.marks} facts; load ${load} ms, filter ${got.filter.toFixed(0)} ms, row click ${got.click.toFixed(0)} ms`);
  assert.ok(got.chars > 170000, `text of ${got.chars} characters; want a report of over 500 KB`);
  assert.equal(got.marks, got.rows, 'highlights and table rows');
  assert.ok(got.inView, 'the clicked fact is in view');
  // Generous bounds: they catch a page that rebuilds or reflows the whole
  // text per action, not a slow machine.
  assert.ok(load < 15000, `load took ${load} ms`);
  assert.ok(got.filter < 2000, `a filter toggle took ${got.filter} ms`);
  assert.ok(got.click < 1000, `a row click took ${got.click} ms`);
  await p.close();
});
