#!/usr/bin/env python3
"""Agreement of the facts of two gwr extract outputs (JSON Lines).

usage: factagree.py REF OUT [--by doc_id|region] [--fields F1,F2,...]

Pairs each document of REF with the document of OUT that has the same
doc_id (or, with --by region, the same region and year: a report read
from a Word file inside a zip against the same report as .txt), and
counts the facts of REF that OUT has too, as a multiset of the fields
(default: mention, value_low, value_high, unit, bound, kind, year).
Prints one line per document and the total agreement.
"""
import argparse
import collections
import json
import os
import sys


def rows(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("ref")
    ap.add_argument("out")
    ap.add_argument("--by", choices=["doc_id", "region"], default="doc_id")
    ap.add_argument("--fields", default="mention,value_low,value_high,unit,bound,kind,year")
    a = ap.parse_args()
    fields = a.fields.split(",")

    def load(d):
        facts = collections.defaultdict(collections.Counter)
        for f in rows(os.path.join(d, "facts.jsonl")):
            facts[f["doc_id"]][tuple(f[k] for k in fields)] += 1
        docs = rows(os.path.join(d, "documents.jsonl"))
        return facts, docs

    ref_facts, ref_docs = load(a.ref)
    out_facts, out_docs = load(a.out)
    key = (lambda d: d["doc_id"]) if a.by == "doc_id" else (lambda d: (d["region"], d["year"]))
    out_by = collections.defaultdict(list)
    for d in out_docs:
        out_by[key(d)].append(d["doc_id"])
    total = same = 0
    for d in ref_docs:
        r = ref_facts[d["doc_id"]]
        n = sum(r.values())
        for oid in out_by.get(key(d), []) or [None]:
            o = out_facts.get(oid, collections.Counter())
            s = sum((r & o).values())
            print(f"{d['doc_id']} -> {oid}: {s} of {n} facts, {sum((o - r).values())} others")
            total += n
            same += s
    if total == 0:
        sys.exit("no facts in " + a.ref)
    print(f"agreement: {same} of {total} facts = {same / total:.4f} ({','.join(fields)})")


if __name__ == "__main__":
    main()
