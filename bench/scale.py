#!/usr/bin/env python3
"""scale.py [--sizes 1000,10000,100000,1000000] [--queries N] [--runs R]
-- how the cost of aftercare grows with the size of a protocol.  Run by
`make bench` (not by `make check`).

For each size it writes a synthetic protocol with bench/gen.py (RULES
rules: groups, overlapping ranges, open ends, negative days, conditions,
overrides, constraints, symptom rules) and measures, as the median of R
runs of the program:
  check      `aftercare check FILE`: wall time and peak memory (every
             analysis: conflicts, constraints, unused rules, gaps)
  compile    `aftercare query -p FILE --batch` with no query: reading,
             checking and compiling the protocol, nothing answered
  batch      the same with N `can` queries (a random mix of its activities
             and of days -40..440, fixed seed, never one query repeated
             over and over), answers written to a file: queries per second
             counted after the compile time (each batch run in turn with a
             compile run; the median of the differences)
  growth     the check time divided by the previous size's
Files are flushed to disk (sync) before they are timed, so that the
kernel does not write them back during the first runs.  Then a chain: a
clinic protocol of RULES/2 rules extending a base of
RULES/2 (the largest size), and one-shot `aftercare query 'can swim on day
20'` with the embedded standard protocol (median of 50).  Prints Markdown
tables and the machine they ran on."""
import argparse
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ap = argparse.ArgumentParser()
ap.add_argument('--sizes', default='1000,10000,100000,1000000')
ap.add_argument('--queries', type=int, default=1000000)
ap.add_argument('--runs', type=int, default=3)
args = ap.parse_args()
prog = os.environ.get('AFTERCARE', os.path.join(TOP, 'aftercare'))
sizes = [int(s) for s in args.sizes.split(',')]
work = tempfile.mkdtemp(prefix='aftercare-scale-')


def run(cmd, stdin=None, stdout=None):
    """Runs cmd; returns (wall seconds, its peak resident memory in KB)."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdin=stdin, stdout=stdout or subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(p.pid, 0)
    t = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode != 0:
        sys.exit('scale: %s failed (exit %d)' % (' '.join(cmd), p.returncode))
    return t, usage.ru_maxrss


def median_run(cmd, stdin_path=None, out_path=None):
    times, peak = [], None
    for _ in range(args.runs):
        with open(stdin_path or os.devnull, 'rb') as i, \
                open(out_path or os.devnull, 'wb') as o:
            t, kb = run(cmd, stdin=i, stdout=o)
        times.append(t)
        peak = max(peak or 0, kb)
    return statistics.median(times), peak


def batch_runs(care, q, out):
    """The compile and the batch, run in turns (compile, batch, compile,
    ...): the speed of this shared machine drifts from one minute to the
    next, and two runs side by side see the same drift.  Returns the
    median compile time and queries per second from the median of the
    per-pair differences (batch - compile)."""
    compiles, diffs = [], []
    cmd = [prog, 'query', '-p', care, '--batch']
    for _ in range(args.runs):
        with open(os.devnull, 'rb') as i, open(os.devnull, 'wb') as o:
            tc, _ = run(cmd, stdin=i, stdout=o)
        with open(q, 'rb') as i, open(out, 'wb') as o:
            tb, _ = run(cmd, stdin=i, stdout=o)
        compiles.append(tc)
        diffs.append(tb - tc)
    with open(out) as f:
        answered = sum(1 for _ in f)
    if answered != args.queries:
        sys.exit('scale: %d answers to %d queries' % (answered, args.queries))
    return statistics.median(compiles), args.queries / max(statistics.median(diffs), 1e-9)


def gen(rules, path, extra=()):
    with open(path, 'w') as f:
        subprocess.run([sys.executable, os.path.join(TOP, 'bench', 'gen.py'), str(rules)] +
                       list(extra), stdout=f, check=True)


def queries(rules, path, n, prefixes=('a',)):
    acts = ['%s%d' % (p, i) for p in prefixes for i in range(max(1, rules // 10 // len(prefixes)))]
    rnd = random.Random(20261125 + rules)
    with open(path, 'w') as f:
        for _ in range(n):
            f.write('can %s on day %d\n' % (acts[rnd.randrange(len(acts))], rnd.randint(-40, 440)))


def mib(kb):
    return '%.0f MiB' % (kb / 1024) if kb else '-'


rows = []
prev = None
for n in sizes:
    care = os.path.join(work, 'p%d.care' % n)
    gen(n, care)
    q = os.path.join(work, 'q%d' % n)
    queries(n, q, args.queries)
    # The files just written are flushed to disk before anything is timed:
    # otherwise the kernel writes them back during the first runs.
    os.sync()
    out = os.path.join(work, 'answers')
    t_check, kb = median_run([prog, 'check', care])
    t_compile, qps = batch_runs(care, q, out)
    growth = '%.1fx' % (t_check / prev) if prev else '-'
    rows.append((n, os.path.getsize(care), t_check, kb, t_compile, qps, growth))
    prev = t_check
    os.remove(q)

print('Machine: %s, %d CPUs, %s; Python %s; %d run(s) each, median.' % (
    platform.processor() or platform.machine(), os.cpu_count(), platform.platform(),
    platform.python_version(), args.runs))
print()
print('| rules | file | check | check peak | compile | batch `can` queries/s | growth of check |')
print('|---:|---:|---:|---:|---:|---:|---:|')
for n, size, tc, kb, tcomp, qps, growth in rows:
    print('| %s | %.1f MB | %.3f s | %s | %.3f s | %s | %s |' % (
        format(n, ','), size / 1e6, tc, mib(kb), tcomp, format(int(qps), ','), growth))

# A chain: a clinic protocol extending a base, half the rules each.
n = sizes[-1]
base = os.path.join(work, 'base.care')
clinic = os.path.join(work, 'clinic.care')
gen(n // 2, base, ['--name', 'base'])
gen(n // 2, clinic, ['--name', 'clinic', '--prefix', 'b', '--extends', 'base.care'])
q = os.path.join(work, 'qchain')
queries(n, q, args.queries, prefixes=('a', 'b'))
os.sync()
t_check, kb = median_run([prog, 'check', clinic])
t_compile, qps = batch_runs(clinic, q, os.path.join(work, 'answers'))
print()
print('| chain | check | check peak | compile | batch `can` queries/s |')
print('|---|---:|---:|---:|---:|')
print('| clinic of %s rules extending a base of %s | %.3f s | %s | %.3f s | %s |' % (
    format(n // 2, ','), format(n // 2, ','), t_check, mib(kb), t_compile,
    format(int(qps), ',')))

# One-shot query with the embedded standard protocol, from /.
times = []
for _ in range(50):
    t0 = time.perf_counter()
    subprocess.run([prog, 'query', 'can swim on day 20'], cwd='/', stdout=subprocess.DEVNULL,
                   check=True)
    times.append(time.perf_counter() - t0)
print()
print('One-shot `aftercare query \'can swim on day 20\'` (embedded protocol): '
      'median %.2f ms, best %.2f ms of 50.' % (statistics.median(times) * 1e3, min(times) * 1e3))
for f in os.listdir(work):
    os.remove(os.path.join(work, f))
os.rmdir(work)
