#!/usr/bin/env python3
"""Checks every "Done when" bullet of issue 16 (nothing lost, ever) against a
gwr binary, with its own inputs, and prints PASS or FAIL per check.

    bash bench/robust_verify.sh            # builds gwr, then runs this
    python3 bench/robust_verify.py GWR [WORKDIR]

Inputs: the reports of ../shared/corpus-extra (or, without it, the bundled
corpus/*.txt, repeated under new names) and texts written here. Tables are
read from the JSON Lines files (every table of every run is also written as
Parquet; `gwr diff` compares the two). Exit status: 0 when every check
passes, 1 otherwise.
"""
import csv
import glob
import json
import os
import random
import shutil
import subprocess
import sys
import time

GWR = os.path.abspath(sys.argv[1])
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
W = os.path.abspath(sys.argv[2] if len(sys.argv) > 2 else '/tmp/gwr-robust-verify')
shutil.rmtree(W, ignore_errors=True)
os.makedirs(W)
os.chmod(W, 0o755)
os.chdir(W)
failed = []


def check(name, ok, detail):
    print('%s  %s: %s' % ('PASS' if ok else 'FAIL', name, detail), flush=True)
    if not ok:
        failed.append(name)


def reports(n):
    """n report texts, each different (so each its own SHA-256)."""
    paths = sorted(glob.glob('/work/shared/corpus-extra/*.txt')) or sorted(glob.glob(os.path.join(ROOT, 'corpus', '*.txt')))
    out = []
    for i in range(n):
        text = open(paths[i % len(paths)], encoding='utf-8').read()
        if i >= len(paths):
            text += '\n第%d份：新增企业%d家。\n' % (i, i + 1)
        out.append(text)
    return out


def write_reports(d, texts, first=0):
    os.makedirs(d, exist_ok=True)
    for i, t in enumerate(texts):
        open(os.path.join(d, 'r%03d.txt' % (first + i)), 'w', encoding='utf-8').write(t)


def run(args, **kw):
    p = subprocess.run([GWR] + args, capture_output=True, text=True, **kw)
    return p.returncode, p.stdout, p.stderr


def rows(out, table, ext='jsonl'):
    """The rows of a table in an output directory: single file or parts."""
    single = os.path.join(out, table + '.' + ext)
    files = [single] if os.path.exists(single) else sorted(glob.glob(os.path.join(out, table, '**', 'part-*.' + ext), recursive=True))
    return [json.loads(l) for f in files for l in open(f, encoding='utf-8') if l.strip()], files


def agree(out):
    """Checks what no fault may break; returns (ok, what, set of SHA-256)."""
    docs, _ = rows(out, 'documents')
    facts, ffiles = rows(out, 'facts')
    ids = [d['doc_id'] for d in docs]
    shas = [d['sha256'] for d in docs]
    keys = [(f['doc_id'], f['fact_id']) for f in facts]
    count = {}
    for f in facts:
        count[f['doc_id']] = count.get(f['doc_id'], 0) + 1
    problems = []
    if len(ids) != len(set(ids)):
        problems.append('a doc_id twice')
    if len(shas) != len(set(shas)):
        problems.append('a document (SHA-256) twice')
    if len(keys) != len(set(keys)):
        problems.append('%d duplicate (doc_id, fact_id)' % (len(keys) - len(set(keys))))
    if any(count.get(d['doc_id'], 0) != d['facts'] for d in docs) or not set(count) <= set(ids):
        problems.append('facts disagree with the documents table')
    for f in ffiles:  # Parquet against JSON Lines, file by file
        rc, so, se = run(['diff', f[:-len('jsonl')] + 'parquet', f])
        if rc != 0 or not so.strip().startswith('+0 -0 ~0 '):
            problems.append('%s: Parquet and JSON Lines differ: %s' % (f, (so or se).strip()[-80:]))
    what = '%d documents, %d facts, %s' % (len(docs), len(facts), '; '.join(problems) or 'each once, tables agree, Parquet = JSON Lines')
    return not problems, what, set(shas)


def sha_of(paths):
    import hashlib
    return {hashlib.sha256(open(p, 'rb').read()).hexdigest() for p in paths}


LAYOUTS = [('single files', []), ('partitioned', ['--partition-by', 'year,level'])]
FORMAT = ['--format', 'parquet,jsonl']

# 1. Two concurrent --append runs into one directory end with every
# document of both.
texts = reports(20)
write_reports('ca/a', texts[:12])
write_reports('ca/b', texts[8:], 8)
want = sha_of(glob.glob('ca/a/*.txt') + glob.glob('ca/b/*.txt'))
for name, flags in LAYOUTS:
    out = 'ca/out-' + flags[-1] if flags else 'ca/out'
    ps = [subprocess.Popen([GWR, 'extract', '--append', '--quiet', '-o', out] + FORMAT + flags + [d], stderr=subprocess.PIPE, text=True)
          for d in ('ca/a', 'ca/b')]
    errs = [p.communicate()[1] for p in ps]
    rcs = [p.returncode for p in ps]
    ok, what, got = agree(out)
    waited = any('waiting for it to finish' in e for e in errs)
    check('1 concurrent --append (%s)' % name, rcs == [0, 0] and ok and got == want,
          'exit %s, %s; %d of %d inputs present%s' % (rcs, what, len(got & want), len(want), '; the second waited for the lock' if waited else ''))

# 2. Repeated kill -9 at random moments of --append runs, then one final
# run: every input present once, no duplicate, Parquet and JSON Lines agree.
write_reports('kill/in', texts)
inputs = sorted(glob.glob('kill/in/*.txt'))
want = sha_of(inputs)
for name, flags in LAYOUTS:
    out = 'kill/out-' + flags[-1] if flags else 'kill/out'
    rng = random.Random(16)
    killed, broken = 0, []
    # the kills fall anywhere in a run, from its start to past its commit:
    # a first run, not killed, says how long one takes on this machine now
    t = time.time()
    run(['extract', '--append', '--quiet', '-o', out] + FORMAT + flags + rng.sample(inputs, 8))
    took = time.time() - t
    for i in range(10):
        p = subprocess.Popen([GWR, 'extract', '--append', '--quiet', '-o', out] + FORMAT + flags + rng.sample(inputs, 8),
                             stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.1, 1.2) * took)
        if p.poll() is None:
            p.kill()
            killed += 1
        p.wait()
        if os.path.exists(os.path.join(out, 'documents.jsonl')) or os.path.exists(os.path.join(out, 'documents')):
            ok, what, _ = agree(out)
            if not ok:
                broken.append('after kill %d: %s' % (i, what))
    rc, _, se = run(['extract', '--append', '--quiet', '-o', out] + FORMAT + flags + inputs)
    ok, what, got = agree(out)
    state = sorted(os.listdir(os.path.join(out, '.gwr')))
    check('2 kill -9 of --append, then a final run (%s)' % name,
          rc == 0 and ok and got == want and not broken and len(state) == 3,
          'a first run took %.1f s; %d of 10 runs killed while running, the tables agreed after each%s; final run exit %d: %s; %d of %d inputs; .gwr holds %s'
          % (took, killed, '' if not broken else ' NOT: ' + '; '.join(broken), rc, what, len(got & want), len(want), state))

# 3. A batch with a 1 MB adversarial file (digits; 1万万…) and 20 reports
# finishes in under 30 s with the 20 reports written.
write_reports('adv', texts)
open('adv/zz_digits.txt', 'w').write('1' * (1 << 20))
open('adv/zz_wan.txt', 'w').write('1' + '万' * ((1 << 20) // 3) + '。')
t = time.time()
rc, so, se = run(['extract', '-j', '2', '--quiet', '-o', 'adv/out', '--format', 'jsonl', 'adv'])
wall = time.time() - t
docs, _ = rows('adv/out', 'documents')
written = sum(1 for d in docs if d['doc_id'].startswith('r'))
check('3 1 MB adversarial files and 20 reports', wall < 30 and written == 20,
      '%.1f s wall (want < 30), exit %d, %d of 20 reports written, %d documents, %d error rows'
      % (wall, rc, written, len(docs), len(rows('adv/out', 'errors')[0])))

# 4a. Shift-JIS, EUC-KR and Latin-1 texts give error rows, no facts.
os.makedirs('enc')
open('enc/sjis.txt', 'wb').write('日本の経済は2024年に5%成長しました。東京都の人口は1400万人です。'.encode('shift_jis') * 20)
open('enc/euckr.txt', 'wb').write('한국 경제는 2024년에 5% 성장했습니다. 서울 인구는 940만 명입니다.'.encode('euc_kr') * 20)
open('enc/latin1.txt', 'wb').write('Le développement économique a progressé de 5% en 2024, à 1400 millions.'.encode('latin-1') * 20)
rc, so, se = run(['extract', '--quiet', '-o', 'enc/out', '--format', 'jsonl', 'enc'])
errs = rows('enc/out', 'errors')[0]
nfacts = len(rows('enc/out', 'facts')[0])
check('4 Shift-JIS, EUC-KR, Latin-1: error rows, no facts', nfacts == 0 and len(errs) == 3,
      'exit %d, %d facts, %d error rows: %s' % (rc, nfacts, len(errs), ' | '.join(e['message'].split(': ', 1)[-1][:60] for e in errs)))

# 4b. An unreadable subdirectory costs only itself. Root reads a chmod 000
# directory, so two ways that hold for root too: gwr run as user nobody
# (setpriv) on a chmod 000 subdirectory, and, as whoever runs this, a
# subdirectory whose path is longer than PATH_MAX (reading it fails with
# ENAMETOOLONG, for root too).
os.makedirs('unr/in/ok')
write_reports('unr/in/ok', texts[:3])
os.makedirs('unr/in/locked')
write_reports('unr/in/locked', texts[3:4])
deep = os.path.abspath('unr/in/deep')
os.makedirs(deep)
here = os.getcwd()
os.chdir(deep)
for _ in range(18):  # 18 × 251 characters: beyond PATH_MAX (4096)
    os.mkdir('d' * 250)
    os.chdir('d' * 250)
open('hidden.txt', 'w').write(texts[4])
os.chdir(here)
os.chmod('unr', 0o777)  # for the output of user nobody
os.chmod('unr/in/locked', 0)
if os.getuid() == 0 and shutil.which('setpriv'):
    cmd = ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', GWR]
    how = 'as user nobody (setpriv), chmod 000 and a path over PATH_MAX'
else:
    cmd = [GWR]
    how = 'as uid %d, chmod 000%s and a path over PATH_MAX' % (os.getuid(), ' (root reads it)' if os.getuid() == 0 else '')
p = subprocess.run(cmd + ['extract', '--quiet', '-o', 'unr/out', '--format', 'jsonl', 'unr/in'], capture_output=True, text=True)
docs = rows('unr/out', 'documents')[0]
errs = rows('unr/out', 'errors')[0]
named = sorted({e['path'].split('/')[2][:10] for e in errs})
check('4 unreadable subdirectories cost only themselves', p.returncode == 1 and len(docs) == 3 and len(errs) == 2,
      '%s: exit %d, %d documents (want the 3 readable), error rows for %s: %s'
      % (how, p.returncode, len(docs), named, ' | '.join(e['message'].split(': ', 1)[-1][:50] for e in errs)))
os.chmod('unr/in/locked', 0o755)

# 4c. --max-bytes 9223372036854775807 processes files normally.
rc, so, se = run(['extract', '--quiet', '-o', 'mb', '--format', 'jsonl', '--max-bytes', '9223372036854775807', 'kill/in/r000.txt'])
docs, nfacts = rows('mb', 'documents')[0], len(rows('mb', 'facts')[0])
check('4 --max-bytes 9223372036854775807', rc == 0 and len(docs) == 1 and nfacts > 0, 'exit %d, %d document, %d facts' % (rc, len(docs), nfacts))

# 5a. 增长-2.1% is -2.1; 123456万元 at the end of a 601-character clause is
# 1234560000.
os.makedirs('val')
open('val/neg.txt', 'w').write('全市工业增加值增长-2.1%。\n')
clause = ('高质量发展' * 200)[:589] + '完成投资' + '123456万元'
open('val/cap.txt', 'w').write(clause + '。\n')
rc, so, se = run(['extract', '--quiet', '-o', 'val/out', '--format', 'jsonl', 'val'])
facts = rows('val/out', 'facts')[0]
neg = [(f['mention'], f['value_low']) for f in facts if f['doc_id'] == 'neg']
cap = [(f['mention'], f['value_low']) for f in facts if f['doc_id'] == 'cap']
check('5 增长-2.1% is -2.1', any(v == -2.1 for _, v in neg), 'facts of 全市工业增加值增长-2.1%%。: %s' % neg)
check('5 123456万元 ending a %d-character clause' % len(clause), ('123456万元', 1234560000) in cap, 'facts: %s' % cap)

# 5b. No CSV cell starts with =, +, - or @ unneutralised.
os.makedirs('csv')
open('csv/=cmd.txt', 'w').write('=SUM(A1)新增企业12家。\n+新建学校3所。\n-改造道路5公里。\n@完成投资8亿元。\n')
rc, so, se = run(['extract', '--quiet', '-o', 'csv/out', '--format', 'csv', 'csv'])
bad, cells = [], 0
for name in ('facts', 'documents', 'errors'):
    table = list(csv.reader(open('csv/out/%s.csv' % name, encoding='utf-8-sig')))
    for r in table[1:]:
        for h, c in zip(table[0], r):
            cells += 1
            number = c.lstrip('-').replace('.', '', 1).replace('e', '', 1).isdigit()
            if c[:1] in ('=', '+', '@') or c[:1] == '-' and not number:
                bad.append('%s.%s=%s' % (name, h, c[:16]))
check('5 CSV cells neutralised', rc == 0 and cells > 0 and not bad,
      'exit %d, %d cells, %d start with = + - @ (other than negative numbers)%s' % (rc, cells, len(bad), ': ' + ', '.join(bad[:5]) if bad else ''))

# 5c. a/report.txt and b/report.txt get two doc_ids, in one run and across
# two --append runs.
write_reports('sn/a', texts[:1])
write_reports('sn/b', texts[1:2])
os.rename('sn/a/r000.txt', 'sn/a/report.txt')
os.rename('sn/b/r000.txt', 'sn/b/report.txt')
run(['extract', '--quiet', '-o', 'sn/one', '--format', 'jsonl', 'sn/a/report.txt', 'sn/b/report.txt'])
run(['extract', '--append', '--quiet', '-o', 'sn/two', '--format', 'jsonl', 'sn/a/report.txt'])
run(['extract', '--append', '--quiet', '-o', 'sn/two', '--format', 'jsonl', 'sn/b/report.txt'])
one = sorted(d['doc_id'] for d in rows('sn/one', 'documents')[0])
two = sorted(d['doc_id'] for d in rows('sn/two', 'documents')[0])
check('5 a/report.txt and b/report.txt', one == two == ['report', 'report-2'], 'one run: %s; two --append runs: %s' % (one, two))

print('%d checks failed' % len(failed) if failed else 'all checks passed')
sys.exit(1 if failed else 0)
