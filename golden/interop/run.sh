#!/usr/bin/env bash
# Interop tests (make interop): DuckDB, Apache Arrow JS and headless Chromium
# read what gwr writes.
#
#   1. .ci/setup: chromium and npm ci here (exact versions from
#      package-lock.json), when missing;
#   2. gwr extract the bundled corpus with --format parquet,arrow,jsonl into a
#      temporary directory, and a partitioned copy (--partition-by
#      year,level --format parquet,jsonl);
#   3. gwr review of that output into $GWR_ARTIFACTS/review.html, and of a
#      500 KB report made of the corpus repeated;
#   4. gwr panel of six reports in corpus/testdata/extra into a temporary
#      directory (parquet, jsonl) and $GWR_ARTIFACTS/panel.html;
#   5. node --test: duckdb.test.mjs, arrow.test.mjs, review.test.mjs,
#      panel.test.mjs. The review and panel tests save screenshots to
#      $GWR_ARTIFACTS/review.png and panel.png.
#
# Environment: GWR, the gwr binary (default: built here from ./cmd/gwr);
# GWR_ARTIFACTS, where the page and screenshot go (default: out/);
# CHROMIUM, the browser (default: /usr/bin/chromium, Debian's chromium).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

if [ -z "${GWR:-}" ]; then
	GWR="$tmp/gwr"
	go build -trimpath -o "$GWR" ./cmd/gwr
fi
export GWR
artifacts="${GWR_ARTIFACTS:-$root/out}"
mkdir -p "$artifacts"
artifacts="$(cd "$artifacts" && pwd)"

bash "$root/.ci/setup"
if [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
	echo "interop: ${CHROMIUM:-/usr/bin/chromium} not found: apt-get install chromium (or set CHROMIUM)" >&2
	exit 1
fi

# Extract from the repository root so that documents.path is corpus/…,
# which gwr review resolves from here.
"$GWR" extract -o "$tmp/out" --format parquet,arrow,jsonl --quiet corpus
export GWR_OUT="$tmp/out"
# The partitioned copy is always made: a gwr without --partition-by fails
# here, it does not skip the test.
"$GWR" extract -o "$tmp/partitioned" --format parquet,jsonl --partition-by year,level --quiet corpus
export GWR_PARTITIONED="$tmp/partitioned"

"$GWR" review -o "$artifacts/review.html" "$tmp/out"
export GWR_REVIEW="$artifacts/review.html" GWR_SCREENSHOT="$artifacts/review.png"

# A report of over 500 KB (the corpus six times over) for the page's
# responsiveness test.
mkdir -p "$tmp/large"
for _ in 1 2 3 4 5 6; do cat corpus/*.txt; done >"$tmp/large/large.txt"
"$GWR" review -o "$tmp/large.html" "$tmp/large/large.txt"
export GWR_REVIEW_LARGE="$tmp/large.html"

# The panel of reports bundled as test data: two reports of 河北省 (2021,
# 2022) and four of the State Council; the page for the panel test.
extra=corpus/testdata/extra
"$GWR" extract -o "$tmp/panel-in" --format parquet --quiet \
	"$extra/province_hebei_2021.txt" "$extra/province_hebei_2022.txt" "$extra"/national_china_*.txt
"$GWR" panel -o "$tmp/panel" --format parquet,jsonl --html "$artifacts/panel.html" --quiet "$tmp/panel-in"
export GWR_PANEL="$tmp/panel" GWR_PANEL_HTML="$artifacts/panel.html" GWR_PANEL_SCREENSHOT="$artifacts/panel.png"

cd "$here"
node --test duckdb.test.mjs arrow.test.mjs review.test.mjs panel.test.mjs
echo "interop: artefacts: $GWR_REVIEW $GWR_SCREENSHOT $GWR_PANEL_HTML $GWR_PANEL_SCREENSHOT"
