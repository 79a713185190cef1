#!/usr/bin/env bash
# How well PDF input keeps the facts of a report (README, "Input formats"):
# prints each report of REPORT.txt... to PDF with headless Chromium (one
# <p> a line, font WenQuanYi Zen Hei), extracts the PDFs read by gwr
# (pdftotext) and by the Go library github.com/ledongthuc/pdf
# (bench/pdfmeasure), and compares their facts with those of the .txt files
# (bench/factagree.py): all fields, then mention, value and unit.
#
# usage: bench/pdf_measure.sh GWR REPORT.txt...
#   e.g. bench/pdf_measure.sh ./gwr corpus/0*.txt ../shared/corpus-extra/province_*_2025.txt ../shared/corpus-extra/national_china_2025.txt
set -euo pipefail
gwr="$(realpath "$1")"
shift
root="$(cd "$(dirname "$0")/.." && pwd)"
w="$(mktemp -d)"
trap 'rm -rf "$w"' EXIT
mkdir -p "$w/txt" "$w/html" "$w/pdf"
for f in "$@"; do
	b="$(basename "$f" .txt)"
	cp "$f" "$w/txt/"
	python3 - "$f" "$w/html/$b.html" "$b" <<'PY'
import html, sys
text = open(sys.argv[1], encoding="utf-8").read()
paras = "".join("<p>%s</p>\n" % html.escape(l) for l in text.split("\n") if l.strip())
open(sys.argv[2], "w", encoding="utf-8").write(
    '<!doctype html><html><head><meta charset="utf-8"><title>%s</title><style>body{font-family:"WenQuanYi Zen Hei";font-size:12pt}p{text-indent:2em;margin:0 0 .3em}</style></head><body>%s</body></html>'
    % (html.escape(sys.argv[3]), paras))
PY
	chromium --headless --no-sandbox --disable-gpu --print-to-pdf="$w/pdf/$b.pdf" "$w/html/$b.html" >/dev/null 2>&1
done
(cd "$root/bench/pdfmeasure" && go build -o "$w/pdfmeasure" .)
for p in "$w"/pdf/*.pdf; do "$w/pdfmeasure" "$p" "$w/golib/$(basename "$p" .pdf).txt"; done
"$gwr" extract --quiet -o "$w/o-txt" --format jsonl "$w/txt"
"$gwr" extract --quiet -o "$w/o-pdf" --format jsonl "$w/pdf"
"$gwr" extract --quiet -o "$w/o-golib" --format jsonl "$w/golib"
for o in o-pdf o-golib; do
	echo "== $o"
	python3 "$root/bench/factagree.py" "$w/o-txt" "$w/$o" | tail -1
	python3 "$root/bench/factagree.py" "$w/o-txt" "$w/$o" --fields mention,value_low,value_high,unit | tail -1
done
