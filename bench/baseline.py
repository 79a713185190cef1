#!/usr/bin/env python3
"""The Python baseline of bench/run.sh: what a researcher would write.

For each report: read it, cut it into sentences, segment each sentence
with jieba (jieba.lcut, the default precise mode) and take every number
followed by a unit, with the word before it as the indicator, as one fact;
write the facts as JSON lines. One process, as such a script runs.

Usage: python3 bench/baseline.py [-o OUT.jsonl] [--limit-mb N] DIR
"""

import argparse
import json
import os
import re
import sys
import time

import jieba

NUMBER = re.compile(r"^\d+(?:\.\d+)?$")
MULTIPLIER = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "千": 1e3, "百": 1e2}
UNITS = re.compile(
    r"^(?:万亿|亿|万|千|百)?(?:元|美元|%|％|个百分点|百分点|家|个|人|名|人次|项|处|座|所|张|套|台|户|辆|条|批|亩|"
    r"平方米|平方公里|公顷|公里|千米|米|千瓦|千瓦时|吨|立方米|天|倍)$"
)
SENTENCE = re.compile(r"[^。！？；\n]+[。！？；]?")


def facts(doc_id, text):
    for m in SENTENCE.finditer(text):
        sentence = m.group().strip()
        if not sentence:
            continue
        words = jieba.lcut(sentence)
        for i, w in enumerate(words[:-1]):
            if not NUMBER.match(w):
                continue
            unit = words[i + 1]
            if unit in MULTIPLIER and i + 2 < len(words):
                unit += words[i + 2]
            if not UNITS.match(unit):
                continue
            scale = next((v for k, v in MULTIPLIER.items() if unit.startswith(k) and unit != k), 1)
            yield {
                "doc_id": doc_id,
                "mention": w + unit,
                "sentence": sentence,
                "indicator": words[i - 1] if i > 0 else "",
                "value": float(w) * scale,
                "unit": unit,
            }


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir")
    ap.add_argument("-o", "--out", default=os.devnull)
    ap.add_argument("--limit-mb", type=float, default=0, help="stop after this many MB of input (0: all)")
    args = ap.parse_args()
    jieba.setLogLevel(60)
    jieba.initialize()
    names = sorted(n for n in os.listdir(args.dir) if n.endswith(".txt"))
    start = time.perf_counter()
    size = docs = n = 0
    with open(args.out, "w", encoding="utf-8") as out:
        for name in names:
            with open(os.path.join(args.dir, name), encoding="utf-8") as f:
                text = f.read()
            size += len(text.encode("utf-8"))
            docs += 1
            for fact in facts(os.path.splitext(name)[0], text):
                out.write(json.dumps(fact, ensure_ascii=False) + "\n")
                n += 1
            if args.limit_mb and size >= args.limit_mb * 1e6:
                break
    secs = time.perf_counter() - start
    print(f"baseline: {docs} documents, {n} facts, {size / 1e6:.1f} MB in {secs:.2f}s ({size / 1e6 / secs:.2f} MB/s)", file=sys.stderr)


if __name__ == "__main__":
    main()
