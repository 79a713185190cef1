// The review page in headless Chromium: every fact is highlighted once, a
// click on a row of the side table scrolls the text to its fact, target
// and actual differ by colour and label, every filter restyles the
// highlights, the detail panel never covers the text, the page is readable
// at 1024 px, and a reader's corrections (a fact marked wrong, one
// corrected, one added by selecting text) survive a reload and export as
// labels that gwr eval --gold scores. The page fetches nothing.
//
// Run by run.sh, which sets GWR (the gwr binary), GWR_OUT (a directory
// written by gwr extract with jsonl among its formats), GWR_REVIEW (the
// page gwr review wrote for it) and GWR_SCREENSHOT (where the screenshot
// goes; the other screenshots go beside it). Needs Debian's chromium at
// /usr/bin/chromium, or CHROMIUM=path.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openOffline } from './browser.mjs';

const out = process.env.GWR_OUT;
const pagePath = process.env.GWR_REVIEW;
const shot = process.env.GWR_SCREENSHOT ?? join(tmpdir(), 'review.png');
assert.ok(out && pagePath, 'set GWR_OUT and GWR_REVIEW (run.sh does)');

const facts = readFileSync(join(out, 'facts.jsonl'), 'utf8').split('\n').filter(Boolean).map(l => JSON.parse(l));

// The pages the browser may load: the review pages themselves, nothing else.
const large = [process.env.GWR_REVIEW_LARGE].filter(Boolean).map(p => pathToFileURL(resolve(p)).href);
let browser, page;

before(async () => {
  browser = await openOffline(pathToFileURL(resolve(pagePath)).href, large);
  page = browser.page;
});

after(async () => { await browser?.close(); });

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
  assert.ok(panel.includes(last.sentence.slice(0, 10)), `detail panel shows the sentence: ${panel}`);
  // The panel sits beside the text, never over it.
  const overlap = await page.evaluate(() => {
    const d = document.getElementById('detail').getBoundingClientRect();
    const t = document.querySelector('section.doc.active .text').getBoundingClientRect();
    return !(d.right <= t.left || d.left >= t.right || d.bottom <= t.top || d.top >= t.bottom);
  });
  assert.equal(overlap, false, 'the detail panel overlaps the text');

  mkdirSync(dirname(shot), { recursive: true });
  await page.screenshot({ path: shot });
  console.log(`artefact: review page screenshot ${shot}`);
});

test('target and actual differ by colour and by a label, in the text and the table', async () => {
  const got = await page.evaluate(() => {
    const one = k => {
      const m = document.querySelector(`section.doc.active mark.fact.k-${k}`) ?? document.querySelector(`main mark.fact.k-${k}`);
      const r = document.querySelector(`tr[data-for="${m.id}"]`);
      return { bg: getComputedStyle(m).backgroundColor, label: getComputedStyle(m, '::before').content,
        badge: r.querySelector('.badge').textContent, badgeBg: getComputedStyle(r.querySelector('.badge')).backgroundColor };
    };
    return { target: one('target'), actual: one('actual') };
  });
  assert.notEqual(got.target.bg, got.actual.bg, 'highlight colours of target and actual');
  assert.equal(got.target.label, '"target"');
  assert.equal(got.actual.label, '"actual"');
  assert.equal(got.target.badge, 'target');
  assert.equal(got.actual.badge, 'actual');
  assert.notEqual(got.target.badgeBg, got.actual.badgeBg, 'badge colours of target and actual');
});

test('the year, hedge and indicator filters apply to the highlights too', async () => {
  const years = new Map();
  for (const f of facts) years.set(f.year, (years.get(f.year) ?? 0) + 1);
  const [year, n] = [...years].filter(y => y[0] !== null).sort((a, b) => b[1] - a[1])[0];
  const box = page.locator(`#filters input[data-token="y-${year}"]`);
  assert.equal(await box.count(), 1, `a filter for the year ${year}`);
  await box.uncheck();
  assert.equal(await page.textContent('#shown'), String(facts.length - n));
  const styled = await page.$$eval(`main mark.fact.y-${year}`, ms => ms.filter(m => getComputedStyle(m).backgroundColor !== 'rgba(0, 0, 0, 0)').length);
  assert.equal(styled, 0, `highlights of ${year} still coloured`);
  await box.check();
  assert.equal(await page.textContent('#shown'), String(facts.length));

  const unhedged = facts.filter(f => f.hedge === '').length;
  await page.locator('#filters input[data-token="h-_"]').uncheck();
  assert.equal(await page.textContent('#shown'), String(facts.length - unhedged));
  await page.locator('#filters input[data-token="h-_"]').check();

  // The indicator search: rows and highlights alike.
  const ind = facts.find(f => f.indicator.length >= 2).indicator;
  const want = facts.filter(f => f.indicator.includes(ind)).length;
  await page.fill('#find', ind);
  await page.waitForFunction(w => document.getElementById('shown').textContent === String(w), want, { timeout: 5000 });
  const coloured = await page.$$eval('main mark.fact', ms => ms.filter(m => getComputedStyle(m).backgroundColor !== 'rgba(0, 0, 0, 0)').length);
  assert.equal(coloured, want, `coloured highlights while searching ${ind}`);
  await page.fill('#find', '');
  await page.waitForFunction(w => document.getElementById('shown').textContent === String(w), facts.length, { timeout: 5000 });
});

test('the document search keeps the documents that hold a word', async () => {
  const docs = [...new Set(facts.map(f => f.doc_id))];
  const word = '粮食';
  const texts = Object.fromEntries(docs.map(d => [d, readFileSync(join('..', '..', 'corpus', d + '.txt'), 'utf8')]));
  const want = docs.filter(d => texts[d].includes(word)).sort();
  assert.ok(want.length > 0 && want.length < docs.length, `pick a word some documents hold: ${want}`);
  await page.fill('#docfind', word);
  const visible = (await page.$$eval('#docs button:not([hidden])', bs => bs.map(b => b.dataset.doc.slice(2)))).sort();
  assert.deepEqual(visible, want);
  await page.fill('#docfind', docs[0].slice(0, 6));
  assert.deepEqual(await page.$$eval('#docs button:not([hidden])', bs => bs.map(b => b.dataset.doc.slice(2))), [docs[0]]);
  await page.fill('#docfind', '');
  assert.equal(await page.locator('#docs button:not([hidden])').count(), docs.length);
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

test('readable at 1024 px: no column of the table is cut off', async () => {
  await page.setViewportSize({ width: 1024, height: 768 });
  try {
    const got = await page.evaluate(() => {
      const s = document.querySelector('section.doc.active');
      const box = s.querySelector('.table');
      const right = box.getBoundingClientRect().right;
      const cut = [...s.querySelectorAll('table.facts th')].filter(th => th.getBoundingClientRect().right > right + 1).map(th => th.textContent);
      return { cut, scroll: box.scrollWidth, width: box.clientWidth, text: s.querySelector('.text').getBoundingClientRect().width };
    });
    assert.deepEqual(got.cut, [], 'columns past the right edge');
    assert.ok(got.scroll <= got.width, `the table scrolls sideways: ${got.scroll} > ${got.width}`);
    assert.ok(got.text >= 380, `the text column is ${got.text} px wide`);
    await page.screenshot({ path: join(dirname(shot), 'review-1024.png') });
    console.log(`artefact: ${join(dirname(shot), 'review-1024.png')}`);
  } finally {
    await page.setViewportSize({ width: 1400, height: 900 });
  }
});

test('corrections: mark wrong, correct, add; they survive a reload and export as labels gwr eval reads', async () => {
  // The document with the most facts.
  const counts = new Map();
  for (const f of facts) counts.set(f.doc_id, (counts.get(f.doc_id) ?? 0) + 1);
  const doc = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
  const mine = facts.filter(f => f.doc_id === doc);
  const wrong = mine[0];
  const fixed = mine.find(f => f.kind === 'target' && f.fact_id !== wrong.fact_id);
  await page.click(`#docs button[data-doc="d-${doc}"]`);

  // 1. Not a fact.
  await page.click(`tr[data-for="f-${doc}-${wrong.fact_id}"]`);
  await page.click('#detail .actions .wrong');
  assert.ok((await page.getAttribute(`#f-${CSS_escape(doc)}-${wrong.fact_id}`, 'class')).includes('wrong'));

  // 2. Corrected: kind, year, indicator.
  await page.click(`tr[data-for="f-${doc}-${fixed.fact_id}"]`);
  await page.click('#detail .actions .edit');
  await page.selectOption('#detail .editor select[name=kind]', 'actual');
  await page.fill('#detail .editor input[name=year]', '2019');
  await page.fill('#detail .editor input[name=indicator]', '测试指标');
  await page.click('#detail .editor .save');
  const row = page.locator(`tr[data-for="f-${doc}-${fixed.fact_id}"]`);
  assert.equal(await row.locator('td.ind').textContent(), '测试指标');
  assert.equal(await row.locator('.badge').textContent(), 'actual');
  assert.ok((await row.getAttribute('class')).includes('k-actual'), 'the corrected kind is the filters\' kind');

  // 3. Added: the first number of the text outside every highlight.
  const span = await page.evaluate(() => {
    const report = document.querySelector('section.doc.active .report');
    for (const t of report.childNodes) {
      if (t.nodeType !== 3) continue;
      const m = /[0-9]+(\.[0-9]+)?/.exec(t.data);
      if (!m) continue;
      const r = document.createRange();
      r.setStart(t, m.index);
      r.setEnd(t, m.index + m[0].length);
      getSelection().removeAllRanges();
      getSelection().addRange(r);
      return m[0];
    }
    return null;
  });
  assert.ok(span, 'a number outside the highlights');
  await page.waitForFunction(() => !document.getElementById('add-fact').disabled, null, { timeout: 5000 });
  await page.click('#add-fact');
  await page.selectOption('#detail .editor select[name=unit]', 'count');
  await page.fill('#detail .editor input[name=unit_text]', '个');
  await page.fill('#detail .editor input[name=indicator]', '补充指标');
  await page.click('#detail .editor .save');
  assert.equal(await page.locator('section.doc.active mark.fact.added').textContent(), span);
  assert.equal(await page.textContent('#ncorr'), '3');
  await page.evaluate(() => { document.querySelector('section.doc.active .text').scrollTop = 0; });
  await page.screenshot({ path: join(dirname(shot), 'review-corrections.png') });
  console.log(`artefact: ${join(dirname(shot), 'review-corrections.png')}`);

  // A reload keeps all three.
  await page.reload();
  await page.click(`#docs button[data-doc="d-${doc}"]`);
  assert.equal(await page.textContent('#ncorr'), '3', 'corrections after a reload');
  assert.equal(await page.locator('section.doc.active mark.fact.wrong').count(), 1);
  assert.equal(await page.locator('section.doc.active mark.fact.edited').count(), 1);
  assert.equal(await page.locator('section.doc.active mark.fact.added').textContent(), span);

  // Export, and score the extractor's output against it.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
  assert.equal(download.suggestedFilename(), `${doc}.jsonl`);
  const gold = mkdtempSync(join(tmpdir(), 'gwr-gold-'));
  try {
    const file = join(gold, download.suggestedFilename());
    await download.saveAs(file);
    const rows = readFileSync(file, 'utf8').split('\n').filter(Boolean).map(l => JSON.parse(l));
    assert.equal(rows.length, mine.length, 'labels: the facts, less one wrong, plus one added');
    assert.ok(rows.every(r => r.doc_id === doc && typeof r.optional === 'boolean' && 'note' in r), 'label rows');
    assert.ok(!rows.some(r => r.start === wrong.start && r.end === wrong.end), 'the wrong fact is left out');
    const f = rows.find(r => r.start === fixed.start && r.end === fixed.end);
    assert.deepEqual([f.kind, f.year, f.indicator, f.value_low, f.unit], ['actual', 2019, '测试指标', fixed.value_low, fixed.unit]);
    const a = rows.find(r => r.mention === span && r.note.startsWith('added'));
    assert.deepEqual([a.unit, a.unit_text, a.value_low, a.value_high, a.indicator], ['count', '个', Number(span), Number(span), '补充指标']);

    const gwr = process.env.GWR;
    assert.ok(gwr, 'set GWR (run.sh does)');
    const report = JSON.parse(execFileSync(gwr, ['eval', '--gold', gold, '--errors', '50', '--json', out], { encoding: 'utf8' }));
    assert.equal(report.documents, 1);
    assert.equal(report.overall.gold, mine.length);
    assert.equal(report.overall.predicted, mine.length);
    assert.deepEqual(report.missed.map(m => m.gold.mention), [span], 'missed: the added fact');
    assert.deepEqual(report.spurious.map(m => m.predicted.fact_id), [wrong.fact_id], 'spurious: the wrong fact');
    const w = report.wrong.find(m => m.predicted.fact_id === fixed.fact_id);
    assert.ok(w && ['kind', 'year'].every(k => w.diffs.some(d => d.field === k)), `wrong: the corrected fact, by kind and year: ${JSON.stringify(report.wrong)}`);
  } finally {
    rmSync(gold, { recursive: true, force: true });
  }
});

test('the page fetches nothing and logs no errors', () => {
  assert.deepEqual(browser.outside, []);
  assert.deepEqual(browser.problems, []);
});

// CSS_escape escapes an id for a CSS selector (ids hold no quotes or
// backslashes here, but may start with a digit after "f-").
function CSS_escape(s) {
  return s.replace(/[^a-zA-Z0-9_-]/g, c => '\\' + c.codePointAt(0).toString(16) + ' ');
}

test('a report of over 500 KB stays responsive', async () => {
  const large = process.env.GWR_REVIEW_LARGE;
  assert.ok(large, 'set GWR_REVIEW_LARGE (run.sh does)');
  const p = await browser.context.newPage();
  p.on('pageerror', e => browser.problems.push(String(e)));
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
