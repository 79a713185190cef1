// DuckDB (@duckdb/node-api) reads the Parquet files gwr extract writes and
// sees what the JSON Lines files hold.
//
// Run by run.sh, which sets GWR_OUT (a directory written by gwr extract
// --format parquet,arrow,jsonl), GWR (the gwr binary) and GWR_PARTITIONED
// (a directory written with --partition-by year,level).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

const out = process.env.GWR_OUT;
assert.ok(out, 'set GWR_OUT (run.sh does)');
const jsonl = name => readFileSync(join(out, name), 'utf8').split('\n').filter(Boolean).map(l => JSON.parse(l));
const facts = jsonl('facts.jsonl');
const docs = jsonl('documents.jsonl');
const sql = s => `'${s.replaceAll("'", "''")}'`;
const factsPq = sql(join(out, 'facts.parquet'));
const docsPq = sql(join(out, 'documents.parquet'));

// The README's example query: facts by level, kind and unit, each fact
// joined to its document. run.sh's paths replace the 'out/…' ones.
export const exampleQuery = `
SELECT d.level, f.kind, f.unit, count(*) AS facts, count(DISTINCT f.doc_id) AS documents
FROM read_parquet('out/facts.parquet') AS f
JOIN read_parquet('out/documents.parquet') AS d USING (doc_id)
GROUP BY d.level, f.kind, f.unit
ORDER BY facts DESC, d.level, f.kind, f.unit`;

let db, con;
const rows = async q => (await con.runAndReadAll(q)).getRowObjectsJson();
const one = async q => Object.values((await rows(q))[0])[0];

before(async () => {
  db = await DuckDBInstance.create(':memory:');
  con = await db.connect();
});
after(() => { con?.closeSync?.(); db?.closeSync?.(); });

test('row counts equal the JSON Lines files', async () => {
  assert.equal(Number(await one(`SELECT count(*) FROM ${factsPq}`)), facts.length, 'facts');
  assert.equal(Number(await one(`SELECT count(*) FROM ${docsPq}`)), docs.length, 'documents');
  assert.ok(facts.length > 0, 'the corpus gives facts');
});

const factTypes = {
  doc_id: 'VARCHAR', fact_id: 'INTEGER', start: 'INTEGER', end: 'INTEGER', mention: 'VARCHAR',
  sentence: 'VARCHAR', indicator: 'VARCHAR', indicator_code: 'VARCHAR', cue: 'VARCHAR', measure: 'VARCHAR', value_low: 'DOUBLE',
  value_high: 'DOUBLE', bound: 'VARCHAR', unit: 'VARCHAR', unit_text: 'VARCHAR', classifier: 'VARCHAR',
  kind: 'VARCHAR', year: 'INTEGER', hedge: 'VARCHAR', rule: 'VARCHAR',
};
const docTypes = {
  doc_id: 'VARCHAR', path: 'VARCHAR', format: 'VARCHAR', member: 'VARCHAR', sha256: 'VARCHAR', encoding: 'VARCHAR', region: 'VARCHAR', region_code: 'VARCHAR',
  level: 'VARCHAR', year: 'INTEGER', doc_type: 'VARCHAR', chars: 'INTEGER', facts: 'INTEGER', plan_start: 'INTEGER',
};

for (const [table, file, want] of [['facts', factsPq, factTypes], ['documents', docsPq, docTypes]]) {
  test(`${table}: column names, order and types`, async () => {
    const got = Object.fromEntries((await rows(`DESCRIBE SELECT * FROM ${file}`)).map(r => [r.column_name, r.column_type]));
    assert.deepEqual(Object.keys(got), Object.keys(want), 'column order');
    assert.deepEqual(got, want);
    const keys = Object.keys((table === 'facts' ? facts : docs)[0]);
    assert.deepEqual(Object.keys(got), keys, 'same columns as the JSON Lines keys');
  });

  const nullable = table === 'facts' ? ['year', 'indicator_code'] : ['year', 'region_code', 'plan_start'];
  test(`${table}: only ${nullable.join(' and ')} are nullable`, async () => {
    const rep = Object.fromEntries((await rows(`SELECT name, repetition_type FROM parquet_schema(${file}) WHERE name <> 'schema'`))
      .map(r => [r.name, r.repetition_type]));
    for (const col of Object.keys(want)) {
      assert.equal(rep[col], nullable.includes(col) ? 'OPTIONAL' : 'REQUIRED', `${table}.${col}`);
    }
    for (const col of nullable) {
      const nulls = (table === 'facts' ? facts : docs).filter(r => r[col] === null).length;
      assert.equal(Number(await one(`SELECT count(*) FROM ${file} WHERE ${col} IS NULL`)), nulls, `null ${col}`);
    }
  });

  test(`${table}: key/value metadata names the schema, tool and rules`, async () => {
    const kv = Object.fromEntries((await rows(
      `SELECT decode(key) AS k, decode(value) AS v FROM parquet_kv_metadata(${file})`)).map(r => [r.k, r.v]));
    // "gwr 0.1.0 (schema 1, rules 93cb00f3492f6141)"
    const m = execFileSync(process.env.GWR ?? '../../gwr', ['version'], { encoding: 'utf8' })
      .match(/^gwr (\S+) \(schema (\S+), rules (\S+)\)/);
    assert.ok(m, 'gwr version output');
    assert.equal(kv['gwr.table'], table);
    assert.equal(kv['gwr.tool_version'], m[1]);
    assert.equal(kv['gwr.schema_version'], m[2]);
    assert.equal(kv['gwr.rules_hash'], m[3]);
    assert.ok(kv['gwr.column.doc_id'], 'column docs');
  });
}

test('every fact joins its document, and documents.facts counts them', async () => {
  const q = `SELECT d.doc_id, d.facts AS want, count(f.doc_id) AS got
             FROM ${docsPq} AS d LEFT JOIN ${factsPq} AS f USING (doc_id)
             GROUP BY d.doc_id, d.facts ORDER BY d.doc_id`;
  for (const r of await rows(q)) assert.equal(Number(r.got), Number(r.want), r.doc_id);
  assert.equal(Number(await one(`SELECT count(*) FROM ${factsPq} f JOIN ${docsPq} d USING (doc_id)`)), facts.length);
  assert.equal(Number(await one(`SELECT count(*) FROM ${factsPq} f ANTI JOIN ${docsPq} d USING (doc_id)`)), 0, 'orphan facts');
});

test('the example query: facts by level, kind and unit', async () => {
  const q = exampleQuery.replace("'out/facts.parquet'", factsPq).replace("'out/documents.parquet'", docsPq);
  const got = (await rows(q)).map(r => [r.level, r.kind, r.unit, Number(r.facts), Number(r.documents)]);
  const level = new Map(docs.map(d => [d.doc_id, d.level]));
  const groups = new Map();
  for (const f of facts) {
    const key = [level.get(f.doc_id), f.kind, f.unit];
    const g = groups.get(key.join('\t')) ?? { key, n: 0, docs: new Set() };
    g.n++;
    g.docs.add(f.doc_id);
    groups.set(key.join('\t'), g);
  }
  const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  const want = [...groups.values()]
    .sort((a, b) => b.n - a.n || cmp(a.key[0], b.key[0]) || cmp(a.key[1], b.key[1]) || cmp(a.key[2], b.key[2]))
    .map(g => [...g.key, g.n, g.docs.size]);
  assert.deepEqual(got, want);
});

// A filter DuckDB may answer from row group statistics finds every row:
// the empty strings of cue, hedge and classifier too (arrow-go leaves ""
// out of a dictionary column's statistics, so gwr writes none for text
// columns but doc_id; with them, cue < '丁' found no row).
test('range filters on text columns find the rows holding ""', async () => {
  for (const col of ['cue', 'hedge', 'classifier', 'indicator', 'unit_text', 'doc_id']) {
    const want = facts.filter(f => f[col] < '丁').length;
    assert.equal(Number(await one(`SELECT count(*) FROM ${factsPq} WHERE "${col}" < '丁'`)), want, col);
  }
  assert.ok(facts.some(f => f.cue === ''), 'the corpus has facts without a cue');
});

test('Parquet and JSON Lines hold the same rows', async () => {
  const js = sql(join(out, 'facts.jsonl'));
  const cols = Object.entries(factTypes).map(([k, v]) => `"${k}": '${v}'`).join(', ');
  const jr = `read_json(${js}, columns={${cols}})`;
  assert.equal(Number(await one(`SELECT count(*) FROM (FROM ${factsPq} EXCEPT ALL FROM ${jr})`)), 0, 'parquet rows not in jsonl');
  assert.equal(Number(await one(`SELECT count(*) FROM (FROM ${jr} EXCEPT ALL FROM ${factsPq})`)), 0, 'jsonl rows not in parquet');
});

test('the partitioned dataset (gwr extract --partition-by year,level)', async () => {
  const dir = process.env.GWR_PARTITIONED;
  assert.ok(dir, 'set GWR_PARTITIONED (run.sh does)');
  // run.sh wrote it with --format parquet,jsonl: the Parquet parts must hold
  // the rows of the JSON Lines parts of the same run.
  const files = readdirSync(join(dir, 'facts'), { recursive: true }).map(String);
  const jsonlRows = files.filter(f => f.endsWith('.jsonl'))
    .reduce((n, f) => n + readFileSync(join(dir, 'facts', f), 'utf8').split('\n').filter(Boolean).length, 0);
  const hiveKeys = [...new Set(files.flatMap(f => f.split(/[\\/]/).filter(s => s.includes('=')).map(s => s.split('=')[0])))];
  assert.ok(hiveKeys.length > 0, `no key=value directories under ${dir}/facts`);

  const glob = sql(join(dir, 'facts', '**', '*.parquet'));
  const n = Number(await one(`SELECT count(*) FROM read_parquet(${glob}, hive_partitioning = true)`));
  assert.equal(n, jsonlRows, 'facts in all Parquet partitions, against the JSON Lines partitions');
  const docsGlob = sql(join(dir, 'documents', '**', '*.parquet'));
  assert.equal(Number(await one(`SELECT sum(facts) FROM read_parquet(${docsGlob}, hive_partitioning = true)`)), n, 'sum of documents.facts');
  const names = (await rows(`DESCRIBE SELECT * FROM read_parquet(${glob}, hive_partitioning = true)`)).map(r => r.column_name);
  for (const k of hiveKeys) assert.ok(names.includes(k), `partition column ${k} in ${names}`);
  assert.ok(names.includes('level'), 'level is a partition column');
  // Output does not depend on the layout: both runs read the same corpus.
  assert.equal(n, facts.length, 'facts in the partitioned run against the flat run');

  // Column types do not change under Hive partitioning: year stays the
  // file's INTEGER in both tables, and the key doc_year has one type.
  const types = async g => Object.fromEntries((await rows(`DESCRIBE SELECT * FROM read_parquet(${g}, hive_partitioning = true)`))
    .map(r => [r.column_name, r.column_type]));
  const ft = await types(glob), dt = await types(docsGlob);
  assert.equal(dt.year, 'INTEGER', `documents.year under Hive partitioning: got ${dt.year}`);
  assert.equal(ft.year, 'INTEGER', `facts.year under Hive partitioning: got ${ft.year}`);
  assert.equal(dt.doc_year, ft.doc_year, 'doc_year has one type in documents and facts');
  assert.equal(Number(await one(`SELECT count(*) FROM read_parquet(${docsGlob}, hive_partitioning = true) WHERE year IS DISTINCT FROM doc_year`)), 0,
    'a document sits in the partition of its year');

  // No document failed, and still there is an errors table to read.
  const errGlob = sql(join(dir, 'errors', '*.parquet'));
  assert.equal(Number(await one(`SELECT count(*) FROM read_parquet(${errGlob})`)), 0, 'rows of the empty errors table');
});
