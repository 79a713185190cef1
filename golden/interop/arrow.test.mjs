// Apache Arrow JS (apache-arrow) reads the Arrow IPC files gwr extract
// writes and sees what the JSON Lines files hold.
//
// Run by run.sh, which sets GWR_OUT (a directory written by gwr extract
// --format parquet,arrow,jsonl).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC, Type } from 'apache-arrow';

const out = process.env.GWR_OUT;
assert.ok(out, 'set GWR_OUT (run.sh does)');
const jsonl = name => readFileSync(join(out, name), 'utf8').split('\n').filter(Boolean).map(l => JSON.parse(l));

for (const table of ['facts', 'documents']) {
  const want = jsonl(`${table}.jsonl`);
  const t = tableFromIPC(readFileSync(join(out, `${table}.arrow`)));

  test(`${table}.arrow: row count and columns`, () => {
    assert.equal(t.numRows, want.length);
    assert.deepEqual(t.schema.fields.map(f => f.name), Object.keys(want[0]), 'columns in JSON Lines key order');
    const nullable = t.schema.fields.filter(f => f.nullable).map(f => f.name);
    const wantNullable = table === 'facts' ? ['indicator_code', 'year'] : ['region_code', 'year', 'plan_start'];
    assert.deepEqual(nullable, wantNullable, 'nullable columns');
    const meta = t.schema.metadata;
    assert.equal(meta.get('gwr.table'), table);
    for (const k of ['gwr.schema_version', 'gwr.tool_version', 'gwr.rules_hash']) assert.ok(meta.get(k), k);
  });

  test(`${table}.arrow: every value equals the JSON Lines`, () => {
    const rows = t.toArray().map(r => r.toJSON());
    let bad = [];
    want.forEach((w, i) => {
      for (const k of Object.keys(w)) {
        const got = rows[i][k] ?? null;
        if (got !== w[k]) bad.push(`row ${i} ${k}: got ${JSON.stringify(got)}, want ${JSON.stringify(w[k])}`);
      }
    });
    assert.deepEqual(bad.slice(0, 5), []);
  });
}

test('facts.arrow: types and a few values read column by column', () => {
  const want = jsonl('facts.jsonl');
  const t = tableFromIPC(readFileSync(join(out, 'facts.arrow')));
  const type = name => t.schema.fields.find(f => f.name === name).type;
  assert.equal(type('fact_id').typeId, Type.Int);
  assert.equal(type('fact_id').bitWidth, 32);
  assert.equal(type('value_low').typeId, Type.Float);
  assert.equal(type('unit').typeId, Type.Dictionary, 'unit is dictionary encoded');
  assert.equal(type('mention').typeId, Type.Utf8);
  for (const i of [0, Math.floor(want.length / 2), want.length - 1]) {
    const w = want[i];
    assert.equal(t.getChild('doc_id').get(i), w.doc_id, `doc_id of row ${i}`);
    assert.equal(t.getChild('fact_id').get(i), w.fact_id, `fact_id of row ${i}`);
    assert.equal(t.getChild('mention').get(i), w.mention, `mention of row ${i}`);
    assert.equal(t.getChild('value_low').get(i), w.value_low, `value_low of row ${i}`);
    assert.equal(t.getChild('unit').get(i), w.unit, `unit of row ${i}`);
    assert.equal(t.getChild('year').get(i), w.year, `year of row ${i}`);
  }
  const nullYears = want.filter(w => w.year === null).length;
  assert.equal(t.getChild('year').nullCount, nullYears, 'null years');
});
