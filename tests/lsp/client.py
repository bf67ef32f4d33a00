"""client.py -- a scripted Language Server Protocol client for the tests
of `aftercare lsp` (tests/lsp/*.py): starts the server, frames messages,
reads answers and notifications, and fails a test with a clear message."""
import json
import os
import subprocess
import sys


class Client:
    def __init__(self, program, env=None):
        # make check-valgrind puts AC_VALGRIND before every run of the program
        wrapper = (env or os.environ).get("AC_VALGRIND", "").split()
        self.proc = subprocess.Popen(wrapper + [program, "lsp"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     env=env)
        self.next_id = 1
        self.pending = []  # notifications read while waiting for an answer

    def raw(self, data):
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    @staticmethod
    def frame(msg):
        body = json.dumps(dict(msg, jsonrpc="2.0")).encode()
        return b"Content-Length: %d\r\n\r\n" % len(body) + body

    def send(self, msg):
        self.raw(self.frame(msg))

    def burst(self, msgs):
        """Sends messages in one write: the server reads them at once."""
        self.raw(b"".join(self.frame(m) for m in msgs))

    def read(self):
        length = None
        while True:
            line = self.proc.stdout.readline()
            if not line:
                raise AssertionError("the server closed its output")
            if line == b"\r\n":
                break
            name, _, value = line.decode().partition(":")
            if name.lower() == "content-length":
                length = int(value)
        assert length is not None, "an answer without Content-Length"
        msg = json.loads(self.proc.stdout.read(length))
        assert msg.pop("jsonrpc") == "2.0", msg
        return msg

    def notify(self, method, params=None):
        msg = {"method": method}
        if params is not None:
            msg["params"] = params
        self.send(msg)

    def request(self, method, params=None, id=None):
        """Sends a request and returns its answer (result or error)."""
        if id is None:
            id = self.next_id
            self.next_id += 1
        msg = {"id": id, "method": method}
        if params is not None:
            msg["params"] = params
        self.send(msg)
        return self.answer(id)

    def answer(self, id):
        while True:
            msg = self.read()
            if "method" not in msg:
                assert msg.get("id") == id, "answer to %r, expected %r" % (msg, id)
                return msg
            self.pending.append(msg)

    def notification(self, method):
        """The next notification of a method (read if not read yet)."""
        for i, msg in enumerate(self.pending):
            if msg["method"] == method:
                return self.pending.pop(i)["params"]
        while True:
            msg = self.read()
            if msg.get("method") == method:
                return msg["params"]
            self.pending.append(msg)

    def close(self):
        self.proc.stdin.close()
        status = self.proc.wait(timeout=300)
        err = self.proc.stderr.read().decode()
        self.proc.stdout.close()
        self.proc.stderr.close()
        return status, err


def expect(got, want, what):
    if got != want:
        sys.stderr.write("FAIL %s\n  got:  %s\n  want: %s\n" % (
            what, json.dumps(got, ensure_ascii=False, sort_keys=True),
            json.dumps(want, ensure_ascii=False, sort_keys=True)))
        sys.exit(1)
