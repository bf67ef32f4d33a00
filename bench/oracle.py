#!/usr/bin/env python3
"""oracle.py PROTOCOL QUERIES -- verdicts of `can ACTIVITY on day N` queries,
computed by brute force from the protocol's text, independently of the C
evaluator: for each query it collects the rules that cover the day and
applies the precedence of docs/language.md (a rule naming the activity over
a rule naming a group; within a level all verdicts agree, else it is a
conflict the checker rejects). It understands the subset of the language a
single protocol without `extends`, `overrides` or final-only rules uses.
Prints one verdict per query."""
import re
import sys

INT_MIN, INT_MAX = -2**31, 2**31 - 1


def strip(text):
    # comments out, strings kept as placeholders
    out, i = [], 0
    while i < len(text):
        c = text[i]
        if c == '#':
            while i < len(text) and text[i] != '\n':
                i += 1
        elif c == '"':
            j = i + 1
            while j < len(text) and text[j] != '"':
                j += 2 if text[j] == '\\' else 1
            out.append('""')
            i = j + 1
        else:
            out.append(c)
            i += 1
    return ''.join(out)


def days(words):
    """Parses a day range at the start of words; returns (from, to, rest)."""
    w = words
    unit = {'day': 1, 'days': 1, 'week': 7, 'weeks': 7}
    if w[0] == 'day':
        n = int(w[1])
        return n, n, w[2:]
    if w[0] in ('days', 'weeks'):
        k = unit[w[0]]
        a, _, b = w[1].partition('..')
        lo = int(a) * k if a else INT_MIN
        hi = int(b) * k if b else INT_MAX
        return lo, hi, w[2:]
    if w[0] == 'first':
        return 0, int(w[1]) * unit[w[2]], w[3:]
    if w[0] == 'after':
        return int(w[1]) * unit[w[2]] + 1, INT_MAX, w[3:]
    if w[0] == 'from':
        return int(w[2]) * unit[w[1]], INT_MAX, w[3:]
    if w[0] == 'until':
        return INT_MIN, int(w[2]), w[3:]
    if w[0] == 'always':
        return INT_MIN, INT_MAX, w[1:]
    if w[0] == 'before':
        return INT_MIN, -1, w[2:]
    raise ValueError('days: %r' % w[:4])


def load(path):
    text = strip(open(path, encoding='utf-8').read())
    text = re.sub(r'\s*\.\.\s*', '..', text).replace('{', ';').replace('}', ';')
    groups, rules, activities = {}, [], []
    for stmt in text.split(';'):
        words = stmt.replace(',', ' , ').replace(':', ' : ').split()
        if not words:
            continue
        if words[0] == 'activity':
            activities.append(words[1])
        elif words[0] == 'group':
            members = [x for x in words[words.index('=') + 1:] if x not in (',', '""')]
            cut = [i for i, x in enumerate(members) if x == 'cites']
            groups[words[1]] = members[:cut[0]] if cut else members
        else:
            if words[0] == 'rule':
                words = words[3:]
            verbs = {'forbid': 'forbidden', 'allow': 'allowed',
                     'recommend': 'recommended', 'discourage': 'discouraged'}
            if not words or words[0] not in verbs:
                continue
            lo, hi, rest = days(words[2:])
            verdict = verbs[words[0]]
            if 'if' in rest or 'unless' in rest:
                verdict = 'conditional'
            rules.append((words[1], lo, hi, verdict))
    def members(g, seen=()):
        out = set()
        for m in groups[g]:
            out |= members(m, seen + (g,)) if m in groups else {m}
        return out
    flat = {g: members(g) for g in groups}
    return activities, flat, rules


def main():
    activities, groups, rules = load(sys.argv[1])
    by_act = {a: ([], []) for a in activities}
    for target, lo, hi, verdict in rules:
        if target in groups:
            for a in groups[target]:
                by_act[a][1].append((lo, hi, verdict))
        else:
            by_act[target][0].append((lo, hi, verdict))
    order = ['forbidden', 'conditional', 'discouraged', 'allowed', 'recommended']
    out = []
    for line in open(sys.argv[2]):
        m = re.match(r'can (\w+) on day (-?\d+)', line)
        act, day = m.group(1), int(m.group(2))
        verdict = 'unknown'
        for level in by_act[act]:
            found = [v for lo, hi, v in level if lo <= day <= hi]
            if found:
                verdict = min(found, key=order.index)
                break
        out.append(verdict)
    sys.stdout.write('\n'.join(out) + '\n')


main()
