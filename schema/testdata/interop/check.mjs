// Checks that DuckDB and Apache Arrow JS read gwr's output and see the same
// rows as its JSON Lines. Not run by go test (it needs Node and two npm
// packages); run by hand after changing the writers:
//
//   cd schema/testdata/interop && npm install
//   mkdir -p /tmp/gwr-interop
//   (cd ../../.. && GWR_INTEROP_DIR=/tmp/gwr-interop go test -run TestWriteInteropFiles ./schema/)
//   node check.mjs /tmp/gwr-interop
//
// It prints what it checked and exits 1 on the first disagreement.
import { readFileSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';
import { DuckDBInstance } from '@duckdb/node-api';

const dir = process.argv[2] ?? '/tmp/gwr-interop';
let failed = false;
function check(what, got, want) {
  const ok = JSON.stringify(got) === JSON.stringify(want);
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}: ${JSON.stringify(got)}${ok ? '' : ', want ' + JSON.stringify(want)}`);
  failed ||= !ok;
}

for (const table of ['facts', 'documents']) {
  const want = readFileSync(`${dir}/${table}.jsonl`, 'utf8').trim().split('\n').map(l => JSON.parse(l));

  // Apache Arrow JS: the IPC file, with its dictionaries.
  const t = tableFromIPC(readFileSync(`${dir}/${table}.arrow`));
  check(`arrow js ${table} rows`, t.numRows, want.length);
  const rows = t.toArray().map(r => r.toJSON());
  let bad = 0;
  want.forEach((w, i) => {
    for (const k of Object.keys(w)) if ((rows[i][k] ?? null) !== w[k]) bad++;
  });
  check(`arrow js ${table} cells differing from jsonl`, bad, 0);

  // DuckDB: the Parquet file against the JSON Lines and the CSV.
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  const one = async q => Object.values((await con.runAndReadAll(q)).getRowObjectsJson()[0])[0];
  const pq = `'${dir}/${table}.parquet'`;
  const desc = (await con.runAndReadAll(`describe select * from ${pq}`)).getRowObjectsJson();
  const cols = desc.map(r => `"${r.column_name}": '${r.column_type}'`).join(', ');
  // CSV writes both "" and null as an empty field, and DuckDB reads an
  // empty field as null: compare strings with null taken as "".
  const blank = desc.map(r => r.column_type === 'VARCHAR' ? `coalesce("${r.column_name}", '')` : `"${r.column_name}"`).join(', ');
  const js = `read_json('${dir}/${table}.jsonl', columns={${cols}})`;
  const csv = `read_csv('${dir}/${table}.csv', header=true, columns={${cols}})`;
  check(`duckdb ${table} parquet rows`, await one(`select count(*)::int from ${pq}`), want.length);
  check(`duckdb ${table} parquet except jsonl`, await one(`select count(*)::int from (from ${pq} except all from ${js})`), 0);
  check(`duckdb ${table} jsonl except parquet`, await one(`select count(*)::int from (from ${js} except all from ${pq})`), 0);
  check(`duckdb ${table} csv except parquet`, await one(`select count(*)::int from (select ${blank} from ${csv} except all select ${blank} from ${pq})`), 0);
  check(`duckdb ${table} gwr.table`, await one(`select decode(value) from parquet_kv_metadata(${pq}) where decode(key) = 'gwr.table'`), table);
  check(`duckdb ${table} non-zstd column chunks`, await one(`select count(*)::int from parquet_metadata(${pq}) where compression <> 'ZSTD'`), 0);
}
process.exit(failed ? 1 : 0);
