#!/usr/bin/env python3
"""lsp.py AFTERCARE [RUNS] -- latencies of `aftercare lsp` (docs/performance.md):
from a didChange of one character to its publishDiagnostics, for
rules/smp.care and for a generated 10,000-rule protocol (bench/gen.py);
hover on an activity and completion after `forbid ` in rules/smp.care.
Prints the median and the worst of RUNS (default 50) of each, in ms."""
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "lsp"))
from client import Client  # noqa: E402

prog = os.path.abspath(sys.argv[1])
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 50
smp = open(os.path.join(HERE, "..", "rules", "smp.care"), encoding="utf-8").read()
gen = subprocess.run([sys.executable, os.path.join(HERE, "gen.py"), "10000"],
                     capture_output=True, text=True, check=True).stdout


def report(what, times):
    times = sorted(t * 1000 for t in times)
    print("%-40s median %7.2f ms  worst %7.2f ms  (%d runs)"
          % (what, times[len(times) // 2], times[-1], len(times)))


c = Client(prog)
c.request("initialize", {"capabilities": {}})
c.notify("initialized", {})
for name, text in (("rules/smp.care", smp), ("10,000 rules (bench/gen.py)", gen)):
    uri = "file:///bench/%d.care" % len(text)
    c.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "version": 0, "text": text}})
    c.notification("textDocument/publishDiagnostics")
    times = []
    for v in range(1, runs + 1):
        edited = text + ("#" if v % 2 else "")  # one character, added or removed
        t = time.perf_counter()
        c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": v},
                                            "contentChanges": [{"text": edited}]})
        c.notification("textDocument/publishDiagnostics")
        times.append(time.perf_counter() - t)
    report("didChange -> diagnostics, " + name, times)
uri = "file:///bench/smp.care"
lines = smp.split("\n")
swim = next(i for i, l in enumerate(lines) if l.startswith("activity swim "))
c.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "version": 0,
                                                   "text": smp + "rule x: forbid \n"}})
c.notification("textDocument/publishDiagnostics")
for what, method, pos in (("hover on 'swim', smp", "textDocument/hover", (swim, 10)),
                          ("completion after 'forbid ', smp", "textDocument/completion",
                           (len(lines) - 1, 15))):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        c.request(method, {"textDocument": {"uri": uri},
                           "position": {"line": pos[0], "character": pos[1]}})
        times.append(time.perf_counter() - t)
    report(what, times)
c.request("shutdown")
c.notify("exit")
c.close()
