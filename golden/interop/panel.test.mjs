// gwr panel: DuckDB reads panel.parquet (and runs the README's query on it),
// and the panel page works in headless Chromium.
//
// Run by run.sh, which sets GWR_PANEL (a directory written by gwr panel
// --format parquet,jsonl), GWR_PANEL_HTML (the page gwr panel --html wrote
// for the same rows) and GWR_PANEL_SCREENSHOT. Needs Debian's chromium at
// /usr/bin/chromium, or CHROMIUM=path.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { openOffline } from './browser.mjs';

const dir = process.env.GWR_PANEL;
const pagePath = process.env.GWR_PANEL_HTML;
const shot = process.env.GWR_PANEL_SCREENSHOT ?? join(tmpdir(), 'panel.png');
assert.ok(dir && pagePath, 'set GWR_PANEL and GWR_PANEL_HTML (run.sh does)');
const rows = readFileSync(join(dir, 'panel.jsonl'), 'utf8').split('\n').filter(Boolean).map(l => JSON.parse(l));
const sql = s => `'${s.replaceAll("'", "''")}'`;
const panelPq = sql(join(dir, 'panel.parquet'));

// The README's query: the first ```sql block of its "Targets and outcomes"
// section, run with this panel's path for 'out/panel/panel.parquet'.
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const section = readme.slice(readme.indexOf('## Targets and outcomes'));
const readmeQuery = section.match(/```sql\n([\s\S]*?)```/)?.[1];

let db, con;
const query = async q => (await con.runAndReadAll(q)).getRowObjectsJson();
const one = async q => Object.values((await query(q))[0])[0];

before(async () => {
  db = await DuckDBInstance.create(':memory:');
  con = await db.connect();
});
after(() => { con?.closeSync?.(); db?.closeSync?.(); });

const types = {
  region: 'VARCHAR', region_code: 'VARCHAR', level: 'VARCHAR', year: 'INTEGER', indicator_code: 'VARCHAR',
  indicator_name_zh: 'VARCHAR', indicator_name_en: 'VARCHAR', unit: 'VARCHAR',
  target_low: 'DOUBLE', target_high: 'DOUBLE', target_bound: 'VARCHAR', target_hedge: 'VARCHAR', target_mention: 'VARCHAR',
  target_doc_id: 'VARCHAR', target_fact_id: 'INTEGER',
  actual_low: 'DOUBLE', actual_high: 'DOUBLE', actual_bound: 'VARCHAR', actual_mention: 'VARCHAR',
  actual_doc_id: 'VARCHAR', actual_fact_id: 'INTEGER', met: 'BOOLEAN', conflicts: 'INTEGER',
};

test('panel.parquet: columns, types and rows equal panel.jsonl', async () => {
  assert.ok(rows.length > 0, 'the panel has rows');
  const got = Object.fromEntries((await query(`DESCRIBE SELECT * FROM ${panelPq}`)).map(r => [r.column_name, r.column_type]));
  assert.deepEqual(got, types);
  assert.deepEqual(Object.keys(got), Object.keys(rows[0]), 'same columns as the JSON Lines keys');
  assert.equal(Number(await one(`SELECT count(*) FROM ${panelPq}`)), rows.length);
  for (const v of [true, false]) {
    assert.equal(Number(await one(`SELECT count(*) FROM ${panelPq} WHERE met = ${v}`)), rows.filter(r => r.met === v).length, `met = ${v}`);
  }
  assert.equal(Number(await one(`SELECT count(*) FROM ${panelPq} WHERE met IS NULL`)), rows.filter(r => r.met === null).length, 'met is null');
  assert.equal(Number(await one(`SELECT count(*) FROM ${panelPq} WHERE target_low IS NULL`)), rows.filter(r => r.target_low === null).length, 'no target');
  const kv = Object.fromEntries((await query(`SELECT decode(key) AS k, decode(value) AS v FROM parquet_kv_metadata(${panelPq})`)).map(r => [r.k, r.v]));
  assert.equal(kv['gwr.table'], 'panel');
  assert.ok(kv['gwr.column.met'], 'column docs in the metadata');
});

test('panel.parquet: one row per region, year and indicator code', async () => {
  assert.equal(Number(await one(`SELECT count(*) FROM (SELECT region_code, year, indicator_code FROM ${panelPq} GROUP BY ALL HAVING count(*) > 1)`)), 0);
});

test("the README's query: provinces that missed a target, by year", async () => {
  assert.ok(readmeQuery && readmeQuery.includes("'out/panel/panel.parquet'"), 'README.md has a ```sql block on out/panel/panel.parquet under "Targets and outcomes"');
  // Run for GDP growth as written, and for every other code of the panel,
  // so that a code with misses checks the query on rows.
  const codes = [...new Set(rows.map(r => r.indicator_code))];
  let nonEmpty = 0;
  for (const code of codes) {
    const q = readmeQuery.replace("'out/panel/panel.parquet'", panelPq).replace("'gdp_growth'", sql(code));
    const got = (await query(q)).map(r => [Number(r.year), r.missed]);
    const byYear = new Map();
    for (const r of rows) {
      if (r.level !== 'province' || r.indicator_code !== code || r.met !== false) continue;
      byYear.set(r.year, [...(byYear.get(r.year) ?? []), r.region].sort());
    }
    const want = [...byYear].sort((a, b) => a[0] - b[0]);
    assert.deepEqual(got, want, code);
    if (want.length > 0) nonEmpty++;
  }
  assert.ok(nonEmpty > 0, 'some code of the test panel has a province that missed its target');
});

// The page in headless Chromium.
const pageURL = pathToFileURL(resolve(pagePath)).href;
let browser, page;

before(async () => {
  browser = await openOffline(pageURL);
  page = browser.page;
});

after(async () => { await browser?.close(); });

test('page: region view, one chart per indicator and unit, a target mark per target and a dot per outcome', async () => {
  const regions = [...new Set(rows.map(r => r.region_code))];
  assert.equal(await page.locator('#region option').count(), regions.length, 'one region option per region');
  for (const code of regions) {
    await page.selectOption('#region', code);
    const rs = rows.filter(r => r.region_code === code);
    const charts = new Set(rs.map(r => `${r.indicator_code} ${r.unit}`));
    assert.equal(await page.locator('#region-view figure.chart').count(), charts.size, `${code}: charts, one per indicator and unit`);
    assert.equal(await page.locator('#region-view .target').count(), rs.filter(r => r.target_low !== null).length, `${code}: targets`);
    for (const [cls, want] of [['met', r => r.met === true], ['missed', r => r.met === false]]) {
      assert.equal(await page.locator(`#region-view circle.outcome.${cls}`).count(), rs.filter(r => r.actual_low !== null && want(r)).length, `${code}: ${cls} outcomes`);
    }
    assert.equal(await page.locator('#region-view circle.outcome').count(), rs.filter(r => r.actual_low !== null).length, `${code}: outcomes`);
  }
  // the region with both sides (河北省 in run.sh's data) for the screenshot
  const both = rows.find(r => r.met !== null);
  assert.ok(both, 'the test panel has a cell with target and outcome');
  await page.selectOption('#region', both.region_code);
  await page.screenshot({ path: shot, fullPage: true });
});

test('page: year view, regions × indicators coloured by met and missed', async () => {
  await page.selectOption('#view', 'year');
  assert.ok(await page.locator('#region-view').isHidden(), 'the region view is hidden');
  for (const year of [...new Set(rows.map(r => r.year))]) {
    await page.selectOption('#year', String(year));
    const rs = rows.filter(r => r.year === year);
    assert.equal(await page.locator('#year-view tbody tr').count(), new Set(rs.map(r => r.region_code)).size, `${year}: regions`);
    assert.equal(await page.locator('#year-view td.met').count(), rs.filter(r => r.met === true).length, `${year}: met cells`);
    assert.equal(await page.locator('#year-view td.missed').count(), rs.filter(r => r.met === false).length, `${year}: missed cells`);
    assert.equal(await page.locator('#year-view td.open').count(), rs.filter(r => r.met === null).length, `${year}: undecided cells`);
  }
});

test('page: fetches nothing and logs no error', () => {
  assert.deepEqual(browser.outside, [], 'requests outside the page');
  assert.deepEqual(browser.problems, [], 'console errors and exceptions');
});
