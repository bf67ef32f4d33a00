#!/usr/bin/env python3
"""statements2care.py -- the guide's statements as a document block.

usage: rules/guide/statements2care.py guide-statements.md > block.care

Reads the numbered statements of the guide, one per list item:
    - `R1.1`: Wait for three days ...            (an instruction)
    - `I1.1` *context*: Scalp micropigmentation   (context)
and writes `document guide "..." { statement ID "TEXT"; ... }`, a context
statement written `context ID "TEXT";`.  Long texts are split into adjacent
string literals at spaces.  It was run once to write the block at the end of
rules/smp.care (`aftercare fmt` laid it out); tests/smp.test checks that the
block there still holds every statement of guide-statements.md, in order,
with its text and kind.
"""
import re
import sys

WIDTH = 64  # characters of text per literal


def literals(text):
    text = text.replace('\\', '\\\\').replace('"', '\\"')
    words = text.split(' ')
    out, cur = [], ''
    for w in words:
        piece = w if not cur else cur + ' ' + w
        if cur and len(piece) > WIDTH:
            out.append(cur + ' ')
            cur = w
        else:
            cur = piece
    out.append(cur)
    return ' '.join('"%s"' % p for p in out)


def main(path):
    item = re.compile(r'^\s*[-*+]\s+`([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)+)`(\s*\*context\*)?:\s*(.*)$')
    lines = ['document guide "SMP aftercare guide, statement by statement" {']
    n = 0
    with open(path, encoding='utf-8') as f:
        for line in f:
            m = item.match(line.rstrip('\n'))
            if not m:
                continue
            word = 'context' if m.group(2) else 'statement'
            lines.append('  %s %s %s;' % (word, m.group(1), literals(m.group(3).strip())))
            n += 1
    lines.append('}')
    print('\n'.join(lines))
    print('%d statements' % n, file=sys.stderr)


if __name__ == '__main__':
    if len(sys.argv) != 2:
        sys.exit('usage: statements2care.py guide-statements.md')
    main(sys.argv[1])
