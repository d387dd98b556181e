#!/usr/bin/env python3
"""Writes toy.trn and toy.tst (lemma<TAB>tags<TAB>form), the neural model's toy
tasks: COPY, REV (reverse), N;PL (-en), N;DAT;PL (-ern), V;PST;PTCP (ge-...-t)
and N;PL;HARM (-lar after a back vowel a/o/u, -ler after a front vowel e/i).
Test lemmas never occur in training. Deterministic (seed 7)."""
import random
random.seed(7)
cons = "bdfgklmnprstvz"
back, front = "aou", "ei"
def word(n):
    return "".join(random.choice(cons) + random.choice(back + front) for _ in range(n))
lemmas = set()
while len(lemmas) < 330:
    lemmas.add(word(random.randint(1, 3)))
lemmas = sorted(lemmas)
random.shuffle(lemmas)
train_l, test_l = lemmas[:280], lemmas[280:]
def harmony(l):
    last = [c for c in l if c in back + front][-1]
    return l + ("lar" if last in back else "ler")
tasks = [("COPY", lambda l: l), ("REV", lambda l: l[::-1]), ("N;PL", lambda l: l + "en"),
         ("N;DAT;PL", lambda l: l + "ern"), ("V;PST;PTCP", lambda l: "ge" + l + "t"), ("N;PL;HARM", harmony)]
def rows(ls):
    return [(l, t, f(l)) for l in ls for t, f in tasks]
tr = rows(train_l)
random.shuffle(tr)
te = rows(test_l)
open("toy.trn", "w").write("".join(f"{l}\t{t}\t{f}\n" for l, t, f in tr))
open("toy.tst", "w").write("".join(f"{l}\t{t}\t{f}\n" for l, t, f in te))
