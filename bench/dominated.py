#!/usr/bin/env python3
"""Count the dictionary words jieba's max-probability route never cuts.

cppjieba (MPSegment) cuts a sentence along the route through the words of
its dictionary whose summed weights, log(freq / total freq), are highest;
a character not in the dictionary weighs the least weight of all. A word
that some split into other words outscores is never on that route: a
route through it is beaten by the same route through the split. Taking
the words from the shortest up, this counts the words so dominated by
words kept, the ones a dictionary could drop without changing a cut (if
it kept the total frequency and the least weight, which set every other
weight). bench/HISTORY.md (session 42) has the figures.

Usage: python3 bench/dominated.py [MAIN_DICT [USER_DICT]]
  (default extract/segment/dict/jieba.dict.utf8; a user dictionary's
  lines are "word freq tag", weighed against the main dictionary's total)
"""

import collections
import math
import sys


def read(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            fields = line.split()
            if len(fields) >= 2:
                yield fields[0], float(fields[1])


def main():
    args = sys.argv[1:]
    main_dict = args[0] if args else "extract/segment/dict/jieba.dict.utf8"
    entries = list(read(main_dict))
    total = sum(f for _, f in entries)
    weight = {w: math.log(f / total) for w, f in entries}
    least = min(weight.values())
    user = set()
    if len(args) > 1:
        for w, f in read(args[1]):
            weight[w] = math.log(f / total)
            user.add(w)

    kept = set()

    def best_split(word):
        # best[i]: the highest score of a split of word[i:], the whole
        # word excluded
        n = len(word)
        best = [0.0] + [-math.inf] * n  # best[k] for the suffix of length k
        for i in range(n - 1, -1, -1):
            k = n - i
            c = word[i]
            score = (weight[c] if c in weight else least) + best[k - 1]
            for j in range(i + 2, n + 1):
                if i == 0 and j == n:
                    continue
                part = word[i:j]
                if part in kept:
                    score = max(score, weight[part] + best[n - j])
            best[k] = score
        return best[n]

    dominated = []
    for w in sorted(weight, key=len):
        if len(w) > 1 and w not in user and best_split(w) > weight[w] + 1e-6:
            dominated.append(w)
        else:
            kept.add(w)
    by_len = collections.Counter(len(w) for w in dominated)
    print(f"{len(dominated)} of {len(weight)} words dominated ({100 * len(dominated) / len(weight):.1f}%); by length: "
          + ", ".join(f"{n}: {c}" for n, c in sorted(by_len.items())))


if __name__ == "__main__":
    main()
