"""session.py -- whole sessions of `aftercare lsp`, each answer asserted
exactly: diagnostics of a file with three errors (UTF-16 columns after
accents and an emoji) cleared after the fix; hover on `swim` in a clinic
file extending smp; completion after `forbid `; definition from
`overrides NAME` into the standard protocol's cache file; references
across two open files; a base's edit re-checking what extends it;
formatting equal to `aftercare fmt`; code lenses of passing and failing
expectations; quick fixes; and every bad message: broken framing, invalid
JSON, unknown methods, requests before initialize, a 50 MB document,
positions outside the document, cancelled requests, shutdown and exit.

Usage: session.py AFTERCARE TOP (run by tests/lsp.test)."""
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from client import Client, expect  # noqa: E402

PROG, TOP = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
HERE = os.path.join(TOP, "tests", "lsp")
CACHE = tempfile.mkdtemp(prefix="aftercare-lsp-")
ENV = dict(os.environ, XDG_CACHE_HOME=CACHE, LANGUAGE="", LC_ALL="C")
STD = os.path.join(CACHE, "aftercare", "smp-0.1.0.care")
checks = 0


def ok(got, want, what):
    global checks
    expect(got, want, what)
    checks += 1


def rng(l1, c1, l2, c2):
    return {"start": {"line": l1, "character": c1}, "end": {"line": l2, "character": c2}}


def uri(path):
    return "file://" + path


def start():
    c = Client(PROG, ENV)
    r = c.request("initialize", {"processId": None, "rootUri": None, "capabilities": {}})
    ok(r["result"]["capabilities"]["positionEncoding"], "utf-16", "initialize")
    c.notify("initialized", {})
    return c


def open_doc(c, path, text=None, version=1):
    if text is None:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    c.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri(path), "languageId": "aftercare", "version": version, "text": text}})
    return c.notification("textDocument/publishDiagnostics")


def change(c, path, text, version):
    c.notify("textDocument/didChange", {"textDocument": {"uri": uri(path), "version": version},
                                        "contentChanges": [{"text": text}]})


def at(path, line, character):
    return {"textDocument": {"uri": uri(path)}, "position": {"line": line, "character": character}}


def finish(c):
    ok(c.request("shutdown"), {"id": c.next_id - 1, "result": None}, "shutdown")
    c.notify("exit")
    status, err = c.close()
    ok(status, 0, "exit status after shutdown and exit")
    return err


def explained(code):
    return {"href": uri(os.path.join(CACHE, "aftercare", code + ".md"))}


# ---- three errors, then fixed ----
c = start()
three = os.path.join(HERE, "three.care")  # never on disk: an unsaved buffer
text = ('protocol three {\n  title "Trois erreurs";\n}\n'
        'activity rinse "rincé à l\'eau 😀"; rule a: forbid rinze first 3 days;\n'
        'rule b: allow rinse after 3 days cites Q1;\n'
        'rule c: forbid rinse days 9..5;\n')
d = open_doc(c, three, text)
ok(d, {"uri": uri(three), "version": 1, "diagnostics": [
    # 'rinze' is character 49 of its line, UTF-16 unit 50: the emoji is two
    {"range": rng(3, 50, 3, 55), "severity": 1, "code": "AC0101", "source": "aftercare",
     "message": "unknown activity 'rinze' (did you mean 'rinse'?)",
     "codeDescription": explained("AC0101")},
    {"range": rng(4, 39, 4, 41), "severity": 1, "code": "AC0110", "source": "aftercare",
     "message": "unknown citation 'Q1' (no document is declared: a protocol declares the "
                "statements it cites)",
     "codeDescription": explained("AC0110")},
    {"range": rng(5, 21, 5, 30), "severity": 1, "code": "AC0103", "source": "aftercare",
     "message": "reversed range: day 9 comes after day 5 (write days 5..9)",
     "codeDescription": explained("AC0103")}]}, "three errors")
with open(os.path.join(CACHE, "aftercare", "AC0101.md"), encoding="utf-8") as f:
    ok(f.read(), subprocess.run([PROG, "check", "--explain", "AC0101"], capture_output=True,
                                text=True, env=ENV).stdout, "AC0101's explanation file")
r = c.request("textDocument/codeAction", {"textDocument": {"uri": uri(three)},
              "range": rng(3, 0, 3, 0), "context": {"diagnostics": []}})
ok(r["result"], [{"title": "Replace with 'rinse'", "kind": "quickfix", "diagnostics": [
    {"range": rng(3, 50, 3, 55), "code": "AC0101",
     "message": "unknown activity 'rinze' (did you mean 'rinse'?)"}],
    "edit": {"changes": {uri(three): [{"range": rng(3, 50, 3, 55), "newText": "rinse"}]}}}],
   "code action: did you mean")
fixed = text.replace("rinze", "rinse").replace(" cites Q1", "").replace("9..5", "0..2")
change(c, three, fixed, 2)
ok(c.notification("textDocument/publishDiagnostics"),
   {"uri": uri(three), "version": 2, "diagnostics": []}, "the errors cleared")

# A burst of changes is checked once, in its last state.
def changed(path, text, version):
    return {"method": "textDocument/didChange", "params": {
        "textDocument": {"uri": uri(path), "version": version}, "contentChanges": [{"text": text}]}}


c.burst([changed(three, fixed + "rule d: forbid rinse first %d days\n" % v, v) for v in range(3, 8)]
        + [changed(three, fixed, 8)])
ok(c.notification("textDocument/publishDiagnostics"),
   {"uri": uri(three), "version": 8, "diagnostics": []}, "a burst checked once")
ok(c.request("textDocument/hover", at(three, 3, 10))["result"]["range"], rng(3, 9, 3, 14),
   "nothing was published in between")

# Missing ';' and a conflict: their quick fixes.
broken = ('protocol q {\n  title "Q";\n}\nactivity rinse "rinse"\n'
          'rule x: forbid rinse days 0..5;\nrule y: allow rinse days 3..8;\n')
d = change(c, three, broken, 9)
d = c.notification("textDocument/publishDiagnostics")
ok([(g["code"], g["range"]) for g in d["diagnostics"]],
   [("AC0001", rng(3, 22, 3, 22)), ("AC0101", rng(4, 15, 4, 20)), ("AC0101", rng(5, 14, 5, 19))],
   "missing ';' (and its consequences)")
r = c.request("textDocument/codeAction", {"textDocument": {"uri": uri(three)},
              "range": rng(3, 0, 3, 0), "context": {"diagnostics": []}})
ok([(a["title"], a["edit"]) for a in r["result"]],
   [("Insert the missing ';'", {"changes": {uri(three): [
       {"range": rng(3, 22, 3, 22), "newText": ";"}]}})], "code action: insert ';'")
change(c, three, broken.replace('"rinse"\n', '"rinse";\n'), 10)
d = c.notification("textDocument/publishDiagnostics")
ok([(g["code"], g["range"]) for g in d["diagnostics"]],
   [("AC0201", rng(5, 5, 5, 6))], "a conflict")
r = c.request("textDocument/codeAction", {"textDocument": {"uri": uri(three)},
              "range": rng(5, 0, 5, 0), "context": {"diagnostics": []}})
ok([(a["title"], a["edit"]) for a in r["result"]],
   [("Add 'overrides x'", {"changes": {uri(three): [
       {"range": rng(5, 29, 5, 29), "newText": " overrides x"}]}})],
   "code action: add overrides")
finish(c)

# ---- a clinic file on smp ----
c = start()
clinic = os.path.join(HERE, "clinic.care")
ok(open_doc(c, clinic), {"uri": uri(clinic), "version": 1, "diagnostics": []}, "clinic checks")
r = c.request("textDocument/hover", at(clinic, 25, 9))
ok(r["result"], {"contents": {"kind": "markdown", "value":
   '**swim** activity "go swimming" (smp)\n\n'
   'aliases: "swimming", "go for a swim", "lake", "river"\n\n'
   "forbidden days 0..42 (pools_six_weeks, clinic), "
   "discouraged days 43..59 (limit_water_later, smp), "
   "allowed from day 60 (swim_from_two_months, clinic)"},
   "range": rng(25, 8, 25, 12)}, "hover on swim")
r = c.request("textDocument/hover", at(clinic, 18, 20))
ok(r["result"]["contents"]["value"].split("\n\n")[:3], [
   "**no_pools_saunas_first_month** rule (smp)",
   "forbidden moisture_activities days 0..30",
   "Avoid swimming, saunas, steam rooms and long showers for the first 30 days: excessive "
   "moisture can set back the healing and cause pigment to fade or blur."],
   "hover on a rule of the base")
r = c.request("textDocument/definition", at(clinic, 18, 20))
ok(r["result"], {"uri": uri(STD), "range": rng(1030, 5, 1030, 32)},
   "definition from overrides lands in the base")
with open(STD, encoding="utf-8") as f:
    ok(f.read().split("\n")[1030], "rule no_pools_saunas_first_month:", "the cache file")
ok(os.stat(STD).st_mode & 0o777, 0o444, "the cache file is read-only")

base_text = open(clinic, encoding="utf-8").read()
change(c, clinic, base_text + "rule more: forbid \n", 2)
r = c.request("textDocument/completion", at(clinic, 26, 18))
smp_activities = subprocess.run([PROG, "query", "activities", "--format", "json"],
                                capture_output=True, text=True, env=ENV)
names = [i["label"] for i in r["result"] if i["kind"] == 5]
ok(names[-1], "balm", "completion after 'forbid ': the clinic's activity")
ok(len(names), 1 + len(json.loads(smp_activities.stdout)["activities"]),
   "completion after 'forbid ': every activity of the chain")
ok([i for i in r["result"] if i["label"] == "swim"],
   [{"label": "swim", "kind": 5, "detail": "go swimming"}], "completion item")
change(c, clinic, base_text + "rule more: forbid balm first 1 days overrides \n", 3)
r = c.request("textDocument/completion", at(clinic, 26, 46))
ok([i["label"] for i in r["result"]][-4:], ["no_balm_first_week", "balm_later",
   "pools_six_weeks", "swim_from_two_months"], "completion after 'overrides '")
r = c.request("textDocument/completion", at(clinic, 26, 0))
ok([i["label"] for i in r["result"]][:3], ["protocol", "extends", "activity"],
   "completion at the start of a statement")
change(c, clinic, base_text, 4)
c.notification("textDocument/publishDiagnostics")
c.notification("textDocument/publishDiagnostics")

r = c.request("textDocument/codeLens", {"textDocument": {"uri": uri(clinic)}})
ok(r["result"], [
    {"range": rng(6, 0, 6, 0), "command": {"title": "forbidden days 0..7 (no_balm_first_week, "
     "clinic), allowed from day 8 (balm_later, clinic)", "command": ""}},
    {"range": rng(21, 0, 21, 0), "command": {"title": "passes: forbidden", "command": ""}},
    {"range": rng(22, 0, 22, 0), "command": {
        "title": "fails: expected forbidden, the protocol answers allowed", "command": ""}}],
   "code lenses")

r = c.request("textDocument/formatting", {"textDocument": {"uri": uri(clinic)},
              "options": {"tabSize": 2, "insertSpaces": True}})
fmt = subprocess.run([PROG, "fmt", clinic], capture_output=True, text=True, env=ENV).stdout
ok(r["result"], [{"range": rng(0, 0, 26, 0), "newText": fmt}], "formatting is aftercare fmt")
change(c, clinic, fmt, 5)
ok(c.request("textDocument/formatting", {"textDocument": {"uri": uri(clinic)},
             "options": {"tabSize": 2, "insertSpaces": True}})["result"], [],
   "a formatted file: no edit")

r = c.request("textDocument/documentSymbol", {"textDocument": {"uri": uri(clinic)}})
ok([(s["name"], s["kind"]) for s in r["result"]],
   [("clinic", 2), ("balm", 8), ("no_balm_first_week", 12), ("balm_later", 12),
    ("pools_six_weeks", 12), ("swim_from_two_months", 12)], "document symbols")
finish(c)

# ---- two open files: references, a base's edit ----
c = start()
base, branch = os.path.join(HERE, "base.care"), os.path.join(HERE, "branch.care")
ok(open_doc(c, base)["diagnostics"], [], "base checks")
d = open_doc(c, branch)
ok([g["code"] for g in d["diagnostics"]], ["AC0402"], "branch checks")
r = c.request("textDocument/references", dict(at(branch, 8, 15),
              context={"includeDeclaration": True}))
ok(r["result"], [{"uri": uri(base), "range": rng(10, 5, 10, 16)},
                 {"uri": uri(branch), "range": rng(8, 12, 8, 23)}],
   "references of a rule across two open files")
r = c.request("textDocument/references", dict(at(base, 5, 10),
              context={"includeDeclaration": False}))
ok(r["result"], [{"uri": uri(base), "range": rng(8, 9, 8, 14)},
                 {"uri": uri(base), "range": rng(11, 8, 11, 13)},
                 {"uri": uri(branch), "range": rng(7, 12, 7, 17)}],
   "references of an activity across two open files")
ok(c.request("textDocument/definition", at(branch, 7, 14))["result"],
   {"uri": uri(base), "range": rng(5, 9, 5, 14)}, "definition in the open base")
edited = open(base, encoding="utf-8").read().replace("rule rinse_later:", "rule rinse_after:")
change(c, base, edited, 2)
got = {}
for _ in range(2):
    n = c.notification("textDocument/publishDiagnostics")
    got[n["uri"]] = [g["code"] for g in n["diagnostics"]]
ok(got, {uri(base): [], uri(branch): ["AC0204"]}, "editing the base re-checks the branch")
finish(c)

# ---- bad messages ----
c = Client(PROG, ENV)
ok(c.request("textDocument/hover", at(base, 0, 0)),
   {"id": 1, "error": {"code": -32002, "message": "the server is not initialized"}},
   "a request before initialize")
c.next_id = 2
c.request("initialize", {"capabilities": {}})
ok(c.request("initialize", {"capabilities": {}}),
   {"id": 3, "error": {"code": -32600, "message": "initialize was already received"}},
   "initialize twice")
c.notify("initialized", {})
ok(c.request("textDocument/rename", {}),
   {"id": 4, "error": {"code": -32601, "message": "method not found"}}, "unknown method")
c.notify("workspace/unknownNotification", {})  # ignored: no answer
c.raw(b"Content-Length: 7\r\n\r\n{oops}\n")
ok(c.read(), {"id": None, "error": {"code": -32700, "message": "invalid JSON"}}, "invalid JSON")
c.raw(b"Content-Lenght: 2\r\n\r\nContent-Length: abc\r\n\r\n")  # broken framing: skipped
c.raw(b"Content-Length: 2\r\n\r\n[]")
ok(c.read(), {"id": None, "error": {"code": -32600, "message": "not a JSON-RPC message"}},
   "a batch (not supported)")
c.send({"id": {"x": 1}, "method": "shutdown"})
ok(c.read(), {"id": None, "error": {"code": -32600,
   "message": "id must be a number or a string"}}, "an id that is an object")
ok(c.request("textDocument/hover", {"textDocument": {"uri": uri(base)}}),
   {"id": 5, "error": {"code": -32602, "message": "position expected"}}, "no position")
ok(c.request("textDocument/hover", at(base, 0, 0)), {"id": 6, "result": None},
   "a document not open")
ok(open_doc(c, base)["diagnostics"], [], "base opened")
for pos, what in (((999, 0), "a line past the end"), ((5, 999), "a column past the end"),
                  ((-1, 3), "a negative line")):
    r = c.request("textDocument/hover", at(base, *pos))
    ok("error" in r, False, what)
ok(c.request("textDocument/hover", at(base, 999, 0))["result"], None, "past the end: null")
ok(c.request("textDocument/hover", at(base, 5, 999))["result"], None, "past the line: null")
ok(c.request("textDocument/completion", at(base, -1, 3))["result"], [], "negative: none")
# a request cancelled before it was answered
body = json.dumps({"jsonrpc": "2.0", "id": 77, "method": "textDocument/hover",
                   "params": at(base, 5, 10)}).encode()
cancel = json.dumps({"jsonrpc": "2.0", "method": "$/cancelRequest",
                     "params": {"id": 77}}).encode()
c.raw(b"Content-Length: %d\r\n\r\n%s" % (len(body), body) +
      b"Content-Length: %d\r\n\r\n%s" % (len(cancel), cancel))
ok(c.answer(77), {"id": 77, "error": {"code": -32800, "message": "request cancelled"}},
   "a cancelled request")
# a 50 MB document (5 MB under valgrind: the same way through, slower)
big = os.path.join(HERE, "big.care")
line = "# " + "x" * 97 + "\n"
mb = 5 if os.environ.get("AC_VALGRIND") else 50
text = line * (mb * 1024 * 1024 // len(line)) + 'protocol big {\n  title "Big";\n}\n'
ok(open_doc(c, big, text), {"uri": uri(big), "version": 1, "diagnostics": []},
   "a %d MB document" % mb)
n = text.count("\n")
ok(c.request("textDocument/documentSymbol", {"textDocument": {"uri": uri(big)}})["result"],
   [{"name": "big", "kind": 2, "range": rng(n - 3, 0, n - 1, 1),
     "selectionRange": rng(n - 3, 9, n - 3, 12)}], "the 50 MB document's outline")
err = finish(c)
c2 = Client(PROG, ENV)  # exit without shutdown: status 1
c2.notify("exit")
ok(c2.close()[0], 1, "exit without shutdown")
ok(err.count("without a valid Content-Length"), 2, "broken framing reported on stderr")
print("%d checks passed" % checks)
