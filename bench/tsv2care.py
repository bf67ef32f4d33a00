#!/usr/bin/env python3
"""tsv2care.py -- the bench-peers "interval verdict" workload in aftercare's terms.

Used by bench/peers.sh; the workload itself (gen.py, ref.c, ...) lives in
../shared/bench-peers and is not copied here.

  tsv2care.py protocol PROTOCOL.tsv OUT.care [NAME]
      One aftercare protocol from the TSV rules `activity<TAB>allow|forbid<TAB>from<TAB>to`
      (days inclusive, `to` may be `inf`): every activity declared once
      (`activity A;`), every TSV line one named rule `rule rN: VERB A days F..T;`
      (`days F..` for `inf`, N being the TSV line number).  The workload's
      precedence (forbid beats allow, allow beats nothing) is said with
      `overrides`: each forbid rule overrides the allow rules of its activity
      whose days overlap its own, so that the checker sees no conflict
      (AC0201) and the forbid rule decides the common days.  Rules with the
      same verdict may overlap freely in aftercare, as in the workload.
      Horizon 400 days (the queries' days are 1..400).
  tsv2care.py queries QUERIES.q OUT
      `activity<TAB>day` lines -> `can A on day D` lines (aftercare query --batch).
  tsv2care.py verdicts QUERIES.q STDOUT STDERR OUT
      aftercare's batch answers -> one verdict per query line, the format of
      ref.c's output.  Answers come in query order, each starting
      "A on day D: ", then the verdict.  A query naming an activity the
      protocol lacks (about 1% of the workload's queries, expected verdict
      `unknown`) gets no answer on standard output but an error on standard
      error, `<stdin>:LINE:COL: error: unknown activity 'A' [AC0101]` for the
      first 100 (--max-errors), then one line counting the others; such a
      query is mapped to `unknown`.  That is a semantic difference (aftercare
      refuses to judge a name it does not know, the workload answers
      `unknown`); every query still gets a verdict compared with ref.c's.
      Exit status 3 if standard error holds any other diagnostic, or if the
      number of answers does not fit the queries.

Names: activity names are kept when they are identifiers of the language
and not keywords (checked case-insensitively, since queries ignore case);
others get the prefix `k_` (and so do names already starting with `k_`, to
stay one-to-one), the same in protocols and queries.  A name that is not an
identifier even then is an error.
"""
import re
import sys

KEYWORDS = set("""activity advice after aliases allow always and at because before boolean cites context document otherwise statement
conditional constraint days day discourage discouraged do dont expect extends
fact false final first for forbid forbidden from group guidance horizon if is
language least level mild moderate monitor most never no normal not number on
only or overrides phase procedure protocol recommend recommended rule session
sessions severe symptom symptoms title treatment triage true unknown unless until
urgent version week weeks why allowed can when with the
activities explain help phases yes""".split())  # protocol and query keywords
# words a query drops from the front of a name it does not know (docs/queries.md)
FILLERS = {"i", "we", "you", "may", "can", "to", "still", "please"}
IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


def name(a):
    low = a.lower()
    if low in KEYWORDS or low in FILLERS or low.startswith("k_"):
        a = "k_" + a
    if not IDENT.match(a) or len(a) > 256:
        sys.exit("tsv2care.py: %r cannot be an aftercare identifier" % a)
    return a


def protocol(src, dst, pname):
    acts = {}     # activity -> [(line, effect, lo, hi)], in file order
    n = 0
    with open(src) as f:
        for n, line in enumerate(f, 1):
            a, e, lo, hi = line.rstrip("\n").split("\t")
            if e not in ("allow", "forbid"):
                sys.exit("%s:%d: effect %r" % (src, n, e))
            lo = int(lo)
            hi = None if hi == "inf" else int(hi)
            if hi is not None and hi < lo:
                sys.exit("%s:%d: reversed range" % (src, n))
            acts.setdefault(name(a), []).append((n, e, lo, hi))
    # the ids "r<line>" must not be activity names (one namespace per protocol)
    clash = [a for a in acts if re.fullmatch(r"r[0-9]+", a)]
    if clash:
        sys.exit("tsv2care.py: activity %r looks like a rule id" % clash[0])
    out = ['protocol %s {\n  title "bench-peers workload %s: %d rules, %d activities";\n'
           '  horizon 400 days;\n}\n' % (pname, pname, n, len(acts))]
    w = out.append
    for a in acts:
        w("activity %s;\n" % a)
    inf = float("inf")
    for a, rules in acts.items():
        allows = [(ln, lo, inf if hi is None else hi) for ln, e, lo, hi in rules if e == "allow"]
        for ln, e, lo, hi in rules:
            days = "days %d..%s" % (lo, "" if hi is None else hi)
            if e == "forbid":
                top = inf if hi is None else hi
                over = ["r%d" % aln for aln, alo, ahi in allows if alo <= top and lo <= ahi]
                ov = " overrides " + ", ".join(over) if over else ""
                w("rule r%d: forbid %s %s%s;\n" % (ln, a, days, ov))
            else:
                w("rule r%d: allow %s %s;\n" % (ln, a, days))
    with open(dst, "w") as o:
        o.writelines(out)


def queries(src, dst):
    with open(src) as f, open(dst, "w") as o:
        o.writelines("can %s on day %d\n" % (name(a), int(d))
                     for a, d in (line.rstrip("\n").split("\t") for line in f))


CONTEXT = re.compile(r" *[0-9]* \|")
DIAG = re.compile(r"<stdin>:([0-9]+):[0-9]+: error: unknown activity '([^']*)'.* \[AC0101\]\Z")
MORE = re.compile(r"aftercare: ([0-9]+) more quer(?:y|ies) failed \(.*--max-errors.*\)\Z")


def verdicts(qfile, outfile, errfile, dst):
    with open(qfile) as f:
        qs = [(name(a), int(d)) for a, d in (line.rstrip("\n").split("\t") for line in f)]
    shown, more = set(), 0
    with open(errfile, errors="replace") as f:
        for line in f:
            line = line.rstrip("\n")
            if CONTEXT.match(line):           # the quoted line and the caret under it
                continue
            m, t = DIAG.match(line), MORE.match(line)
            if m:
                shown.add(int(m.group(1)))
            elif t:
                more += int(t.group(1))
            else:
                print("tsv2care.py verdicts: unexpected diagnostic: %s" % line, file=sys.stderr)
                sys.exit(3)
    with open(outfile, errors="replace") as f:
        answers = f.read().splitlines()
    # Answers come in query order and start "ACTIVITY on day D: "; a query
    # without one is a failed query (the diagnostics of the first 100 are
    # shown, the rest counted on one line: --max-errors).
    out, unknown, k = [], set(), 0
    for i, (a, d) in enumerate(qs, 1):
        prefix = "%s on day %d: " % (a, d)
        if k < len(answers) and answers[k].startswith(prefix):
            v = answers[k][len(prefix):]
            # the verdict: the word before any " ", ",", "(" or "|"
            out.append(re.match(r"[^ ,(|]*", v).group(0) + "\n")
            k += 1
        else:
            unknown.add(i)
            out.append("unknown\n")
    if k != len(answers) or not shown <= unknown or len(unknown) != len(shown) + more:
        print("tsv2care.py verdicts: %d of %d answers matched, %d failed queries for %d "
              "diagnostics shown and %d counted" % (k, len(answers), len(unknown), len(shown), more),
              file=sys.stderr)
        sys.exit(3)
    with open(dst, "w") as o:
        o.writelines(out)


def main():
    cmd, args = (sys.argv[1], sys.argv[2:]) if len(sys.argv) > 1 else ("", [])
    if cmd == "protocol" and len(args) in (2, 3):
        protocol(args[0], args[1], args[2] if len(args) == 3 else "bench")
    elif cmd == "queries" and len(args) == 2:
        queries(*args)
    elif cmd == "verdicts" and len(args) == 4:
        verdicts(*args)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
