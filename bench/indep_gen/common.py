"""Shared helpers of the independent generator: weighted choice, text noise, facts."""

import argparse
import bisect
import codecs
import csv
import datetime as dt
import json
import os
import random
import re
import sys
import unicodedata
from functools import lru_cache

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import facts as F  # noqa: E402

D = dt.date
TD = dt.timedelta
WINDOW_START = D(2017, 7, 1)
WINDOW_END = D(2018, 6, 20)
LIST_DATE = D(2018, 7, 26)          # the day the lists were extracted
ISO_JSON = "/usr/share/iso-codes/json/iso_3166-2.json"


# ============================================================ small helpers
class W:
    """Weighted picker with cumulative weights (fast, deterministic)."""
    __slots__ = ("items", "cum", "total")

    def __init__(self, pairs):
        self.items = [p[0] for p in pairs]
        self.cum, t = [], 0.0
        for p in pairs:
            t += p[1]
            self.cum.append(t)
        self.total = t

    def pick(self, rng):
        return self.items[bisect.bisect_right(self.cum, rng.random() * self.total)]


def wpick(rng, pairs):
    t = 0.0
    for _, w in pairs:
        t += w
    x = rng.random() * t
    for v, w in pairs:
        x -= w
        if x < 0:
            return v
    return pairs[-1][0]


@lru_cache(maxsize=32768)
def strip_accents(s):
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


def cap_first(s):
    return s[:1].upper() + s[1:] if s else s


def _cp1252_fallback(err):
    bad = err.object[err.start:err.end]
    return strip_accents(bad).encode("ascii", "replace").decode("ascii"), err.end


codecs.register_error("accent_strip", _cp1252_fallback)


class Noise:
    def __init__(self, level):
        self.level = level
        self.k = 1.0 if level == "moderate" else 1.9

    def p(self, base, cap=0.9):
        x = base * self.k
        return x if x < cap else cap


# ============================================================ spelling corruption
_PHON = [(re.compile(a), b) for a, b in [
    (r"v", "b"), (r"b", "v"), (r"ll", "y"), (r"(?<=[aeiou])y(?=[aeiou])", "ll"), (r"z$", "s"),
    (r"z", "s"), (r"(?<=[aeiou])s(?=[aeiou])", "z"), (r"c(?=[eiéí])", "s"), (r"^h", ""),
    (r"^(?=[aeiou])", "h"), (r"^j", "h"), (r"g(?=[eiéí])", "j"), (r"j(?=[eiéí])", "g"),
    (r"gu(?=[eiéí])", "g"), (r"qu", "k"), (r"x", "j"), (r"ñ", "n"), (r"ñ", "ny"), (r"rr", "r"),
    (r"(?<=[aeiou])r(?=[aeiou])", "rr"), (r"i$", "y"), (r"y$", "i"), (r"ei", "ey"), (r"ey", "ei"),
    (r"gua", "wa"), (r"hue", "we"), (r"ss", "s"), (r"ll", "l"), (r"ie", "ei"), (r"ua", "wa"),
    (r"(?<=[aeiou])d$", ""), (r"es$", "ez"), (r"ez$", "es"), (r"ch", "sh"), (r"^y", "j"), (r"^ju", "hu"),
]]
_MAYA = [(re.compile(a), b) for a, b in [
    (r"x", "sh"), (r"x", "sh"), (r"tz", "ts"), (r"tz", "tz'"), (r"tz", "tz'"), (r"c(?=[aouáóú])", "k"),
    (r"c$", "k"), (r"qu(?=[eiéí])", "k"), (r"qu(?=[eiéí])", "q'"), (r"gu(?=[aeá])", "w"),
    (r"hu(?=[aei])", "w"), (r"aa", "a'a"), (r"aa", "a"), (r"oo", "o'o"), (r"ch(?=[aeiouó])", "ch'"),
    (r"^aj(?=[pct])", "aj "), (r"j$", "h"), (r"^c(?=[aou])", "k'"), (r"ú", "u"), (r"á", "a"),
]]
_LETTERS = "aeiounrslcdtmbpgh"


def _apply_rules(token, rules, rng, n=1):
    # operate on the last word of a multi-word token ("de la Cruz" -> "Cruz")
    head, sep, word = token.rpartition(" ")
    low = word.lower()
    for _ in range(n):
        cands = [r for r in rules if r[0].search(low)]
        if not cands:
            break
        rx, rep = cands[rng.randrange(len(cands))]
        ms = list(rx.finditer(low))
        m = ms[rng.randrange(len(ms))]
        low = low[:m.start()] + rep + low[m.end():]
    if not low:
        return token
    out = " ".join(cap_first(w) for w in low.split(" ")) if word[:1].isupper() else low
    return head + sep + out


def phonetic(token, rng):
    return _apply_rules(token, _PHON, rng)


def maya_variant(token, rng):
    return _apply_rules(token, _MAYA, rng, 1 if rng.random() < 0.7 else 2)


def typo(token, rng):
    if len(token) < 4:
        return token
    i = rng.randrange(1, len(token) - 1)
    op = rng.randrange(4)
    if op == 0:
        return token[:i] + token[i + 1:]
    if op == 1:
        return token[:i] + token[i + 1] + token[i] + token[i + 2:]
    if op == 2:
        return token[:i] + token[i] + token[i:]
    return token[:i] + _LETTERS[rng.randrange(len(_LETTERS))] + token[i + 1:]


def particle_variant(token, rng):
    """'de León' -> De Leon / Deleon / León ... ; 'de la Cruz' -> Delacruz / Cruz ..."""
    words = token.split(" ")
    core = words[-1]
    parts = words[:-1]
    opts = [" ".join(cap_first(w) for w in words), "".join(parts).capitalize() + core.lower(),
            core, " ".join(words), cap_first("".join(parts)) + " " + core]
    return opts[rng.randrange(len(opts))]


# ============================================================ population model
MAYA_ONLY = set()
_SPANISH = {strip_accents(s[0]).lower() for s in F.SURNAMES}
_GIVEN_ALL = {strip_accents(n).lower() for lst in (F.MALE_ADULT, F.FEMALE_ADULT, F.MALE_MAYA)
              for n, _ in lst}
for _lst in F.MAYA_SURNAMES.values():
    for _s in _lst:
        if strip_accents(_s).lower() not in _SPANISH and strip_accents(_s).lower() not in _GIVEN_ALL:
            MAYA_ONLY.add(_s)


def surname_pickers():
    out = {}
    for c in ("GT", "HN", "SV"):
        out[c] = W([(n, w * (1.0 if "*" in cs else 2.2)) for n, w, cs in F.SURNAMES
                    if "*" in cs or c in cs])
    out["MX"] = W(F.MX_SURNAMES_EXTRA)
    out["EC"] = W(F.EC_SURNAMES + [(n, w * 0.3) for n, w, cs in F.SURNAMES if "*" in cs])
    return out


COUNTRY_W = W([("GT", 52), ("HN", 30), ("SV", 10), ("MX", 2.5), ("BR", 3), ("RO", 0.6), ("EC", 1.5)])
