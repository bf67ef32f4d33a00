#!/usr/bin/env python3
"""gen.py RULES [--extends BASE] [--name NAME] [--prefix P] -- writes a
synthetic protocol in the aftercare language to standard output: RULES/10
activities with 10 rules each (allow / forbid / recommend / discourage on
ranges that touch; some open-ended, some conditional; in one activity of
five two rules overlap with the same verdict, in another one overrides
the other where they overlap), groups of ten activities with a group rule
on negative days each, facts, symptoms and symptom rules, and constraints
that hold.
With --extends, it extends BASE and adds its own activities (prefix P).
Fixed seed: the same arguments give the same file."""
import argparse
import random

ap = argparse.ArgumentParser()
ap.add_argument('rules', type=int)
ap.add_argument('--extends')
ap.add_argument('--name', default='synthetic')
ap.add_argument('--prefix', default='a')
args = ap.parse_args()
rnd = random.Random(args.rules * 31 + len(args.prefix))
verbs = ['forbid', 'allow', 'recommend', 'discourage']
n_act = max(1, args.rules // 10)
out = []
w = out.append
w('protocol %s {\n  title "Synthetic protocol of %d rules";\n  horizon 400 days;\n}' % (args.name, args.rules))
if args.extends:
    w('extends "%s";' % args.extends)
p = args.prefix
w('fact %s_minutes number "minutes";' % p)
w('fact %s_ok boolean "ok";' % p)
for s in range(10):
    w('symptom %s_s%d "symptom %d";' % (p, s, s))
for a in range(n_act):
    w('activity %s%d "activity %d";' % (p, a, a))
for g in range(0, n_act, 10):
    members = ', '.join('%s%d' % (p, a) for a in range(g, min(g + 10, n_act)))
    w('group %sg%d = %s;' % (p, g // 10, members))
    w('forbid %sg%d days -30..-1 because "group rule";' % (p, g // 10))
for a in range(n_act):
    # 10 rules: 9 on consecutive ranges from day 0, the last open-ended;
    # the first forbids, so a constraint can hold on it.
    day = 0
    prev = None  # (verb, first, last, cond) of rule k - 1
    for k in range(10):
        length = rnd.randint(1, 60)
        verb = 'forbid' if k == 0 else rnd.choice(verbs)
        cond = ''
        if verb == 'allow' and rnd.random() < 0.2:
            cond = ' only if %s_minutes <= %d' % (p, rnd.randint(1, 20))
        first, last, extra = day, day + length - 1, ''
        if k == 8 and a % 5 == 1:
            # overlaps rule 7 with the same verdict (allowed: no conflict)
            verb, cond = prev[0], prev[3]
            first, last = (prev[1] + prev[2]) // 2, prev[2] + length
        elif k == 8 and a % 5 == 2:
            # overlaps rule 7 with another verdict, and says it wins
            verb = 'discourage' if prev[0] != 'discourage' else 'recommend'
            cond = ''
            first, last = prev[1] + max(1, (prev[2] - prev[1] + 1) // 2), prev[2] + length
            extra = ' overrides %sr%d_7' % (p, a)
        if k == 9:
            rng = 'days %d..' % day
        else:
            rng = 'days %d..%d' % (first, last)
        w('rule %sr%d_%d: %s %s%d %s%s%s because "rule %d of activity %d";'
          % (p, a, k, verb, p, a, rng, cond, extra, k, a))
        if k == 0 and a % 10 == 0:
            w('constraint %sc%d: %s%d forbidden days 0..%d because "safety";'
              % (p, a, p, a, last))
        prev = (verb, first, last, cond)
        day = max(day, last + 1)
for t in range(max(1, args.rules // 100)):
    s1, s2 = rnd.sample(range(10), 2)
    level = rnd.choice(['normal', 'monitor', 'urgent'])
    w('triage %st%d: symptoms %s_s%d, %s_s%d days 0..%d level %s advice "advice %d";'
      % (p, t, p, s1, p, s2, rnd.randint(0, 400), level, t))
print('\n'.join(out))
