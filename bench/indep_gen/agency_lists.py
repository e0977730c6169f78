#!/usr/bin/env python3
"""Independent generator of synthetic agency lists for separated-family record linkage.

    python3 bench/indep_gen/agency_lists.py --families N --seed S --noise moderate|high --out DIR

Writes children.csv (ORR shelter list, Windows-1252), adults.csv (two ICE systems, UTF-8),
truth_links.csv and truth_entities.csv.  Standard library only; deterministic for given
arguments.  See README.md beside this file for the model."""

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

sys.dont_write_bytecode = True          # leave no __pycache__ beside the script
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


class Person:
    __slots__ = ("pid", "sex", "given", "sur", "married", "dob", "dob_unknown", "country", "culture",
                 "langs", "role", "phone", "anum", "prior_anum", "home")

    def age(self, at=LIST_DATE):
        return (at - self.dob).days // 365


class World:
    def __init__(self, seed, noise):
        self.rng = random.Random(f"indep-gen:{seed}")
        self.nz = Noise(noise)
        self.sur = surname_pickers()
        self.pid = 0
        self.used_anum = set()
        self.used_phone = set()
        self.dept_names = self._dept_names()
        self.dept_w = {c: W([(k, v[0]) for k, v in F.DEPARTMENTS[c].items()]) for c in F.DEPARTMENTS}
        self.muni = {c: {k: [m.strip() for m in v[3].split(",")] for k, v in F.DEPARTMENTS[c].items()}
                     for c in F.DEPARTMENTS}
        self.given = {
            ("M", "adult"): W(F.MALE_ADULT), ("F", "adult"): W(F.FEMALE_ADULT),
            ("M", "child"): W(F.MALE_CHILD), ("F", "child"): W(F.FEMALE_CHILD),
            ("M", "maya"): W(F.MALE_MAYA), ("F", "maya"): W(F.FEMALE_MAYA),
        }
        self.maria2 = W(F.MARIA_SECOND)
        self.sector_w = W([(k, v[1]) for k, v in F.SECTORS.items()])
        self.station_w = {k: W([(s, s[3]) for s in v[2]]) for k, v in F.SECTORS.items()}
        self.detention_by_sector = {k: [d for d in F.DETENTION if k in d[4].split()] for k in F.SECTORS}
        self.shelter_w = W([(s, 3.0 if s[2] == "TX" else (2.0 if s[2] == "AZ" else 1.0)) for s in F.SHELTERS])
        self.city_w = W([(c, c[3]) for c in F.US_CITIES])
        # apprehension dates: zero-tolerance surge in May-June 2018
        days, d = [], WINDOW_START
        while d <= WINDOW_END:
            w = 1.0 if d < D(2018, 4, 1) else (3.0 if d < D(2018, 5, 5) else 8.0)
            days.append((d, w))
            d += TD(days=1)
        self.date_w = W(days)
        self.shelter_phone = {s[0]: self.new_us_phone(s[3]) for s in F.SHELTERS}
        self.facility_phone = {f[0]: self.new_us_phone(f[5]) for f in F.DETENTION}
        self.group = None
        self.group_left = 0
        self.booking_seq = {}

    # ---------------------------------------------------------- basic draws
    def _dept_names(self):
        names = {c: dict(v) for c, v in F.DEPT_NAMES.items()}
        try:
            with open(ISO_JSON, encoding="utf-8") as fh:
                for e in json.load(fh)["3166-2"]:
                    c, _, k = e["code"].partition("-")
                    if c in names and k in names[c]:
                        names[c][k] = e["name"]
        except (OSError, ValueError, KeyError):
            pass
        return names

    def new_pid(self):
        self.pid += 1
        return "P%07d" % self.pid

    def new_phone(self, country, mobile=True):
        rng = self.rng
        cc, n, leads = F.PHONE_PLAN[country]
        while True:
            if mobile or country not in F.LANDLINE_LEAD:
                lead = leads[rng.randrange(len(leads))]
            else:
                lead = F.LANDLINE_LEAD[country][rng.randrange(len(F.LANDLINE_LEAD[country]))]
            if country == "BR":   # area code + 9xxxx-xxxx
                nat = rng.choice(["33", "31", "27", "48", "62"]) + "9" + "%08d" % rng.randrange(10 ** 8)
            else:
                nat = lead + "%0*d" % (n - 1, rng.randrange(10 ** (n - 1)))
            key = cc + nat
            if key not in self.used_phone:
                self.used_phone.add(key)
                return (cc, nat)

    def new_us_phone(self, area):
        rng = self.rng
        while True:
            nat = area + str(rng.randrange(2, 10)) + "%02d" % rng.randrange(100) + "%04d" % rng.randrange(10000)
            if nat[3:6] == "555":
                continue
            if "1" + nat not in self.used_phone:
                self.used_phone.add("1" + nat)
                return ("1", nat)

    def us_relative_phone(self):
        city = self.city_w.pick(self.rng)
        areas = city[2].split()
        return city, self.new_us_phone(areas[self.rng.randrange(len(areas))])

    def new_anum(self, when=None):
        rng = self.rng
        if when is None:
            base = 208_000_000 + rng.randrange(9_000_000)
        else:
            base = 208_000_000 + (when - WINDOW_START).days * 14_000 + rng.randrange(13_000)
        while base in self.used_anum:
            base += 1
        self.used_anum.add(base)
        return base

    def old_anum(self):
        rng = self.rng
        while True:
            a = rng.randrange(70_000_000, 100_000_000) if rng.random() < 0.6 else rng.randrange(200_000_000, 207_000_000)
            if a not in self.used_anum:
                self.used_anum.add(a)
                return a

    def make_home(self, country):
        rng = self.rng
        h = {"country": country, "dept": None, "muni": None, "village": None, "maya_share": 0.0, "maya_langs": []}
        if country in F.DEPARTMENTS:
            code = self.dept_w[country].pick(rng)
            wt, share, langs, _ = F.DEPARTMENTS[country][code]
            h["dept_code"] = code
            h["dept"] = self.dept_names[country][code]
            h["muni"] = rng.choice(self.muni[country][code])
            h["maya_share"], h["maya_langs"] = share, langs
            kind = rng.choice(F.VILLAGE_KIND[country])
            if country == "GT" and rng.random() < share:
                name = rng.choice(F.MAYA_PLACE_PRE) + rng.choice(F.MAYA_PLACE_SUF)
                name = cap_first(name.replace("''", "'"))
            else:
                name = rng.choice(F.VILLAGE_ES)
            h["village"] = kind + " " + name
        else:
            places = {"MX": F.MX_PLACES, "BR": F.BR_PLACES, "RO": F.RO_PLACES, "EC": F.EC_PLACES}[country]
            h["muni"], h["dept"] = rng.choice(places)
        return h

    def make_given(self, sex, gen, culture, maya):
        rng = self.rng
        if culture == "br":
            pool = F.BR_MALE if sex == "M" else F.BR_FEMALE
            g = [rng.choice(pool)]
            if rng.random() < 0.45:
                g.append(rng.choice([x for x in pool if x != g[0]]))
            return g
        if culture == "ro":
            pool = F.RO_MALE if sex == "M" else F.RO_FEMALE
            g = [rng.choice(pool)]
            if rng.random() < 0.2:
                g.append(rng.choice([x for x in pool if x != g[0]]))
            return g
        key = (sex, "maya" if (maya and gen == "adult" and rng.random() < 0.45) else gen)
        first = self.given[key].pick(rng)
        g = [first]
        p2 = 0.55 if gen == "adult" else 0.5
        if first == "María" and sex == "F":
            p2 = 0.85
        if rng.random() < p2:
            if first == "María" and rng.random() < 0.6:
                g.append(self.maria2.pick(rng))
            else:
                for _ in range(4):
                    s = self.given[(sex, gen)].pick(rng)
                    if s != first:
                        g.append(s)
                        break
        return g

    def make_surname(self, country, maya_lang):
        rng = self.rng
        if maya_lang and maya_lang in F.MAYA_SURNAMES and rng.random() < 0.55:
            return rng.choice(F.MAYA_SURNAMES[maya_lang])
        if country == "BR":
            return rng.choice(F.BR_SURNAMES)
        if country == "RO":
            return rng.choice(F.RO_SURNAMES)
        return self.sur.get(country, self.sur["GT"]).pick(rng)

    def person(self, sex, age, fam, gen="adult", sur=None, given=None):
        rng = self.rng
        p = Person()
        p.pid = self.new_pid()
        p.sex = sex
        p.culture = fam["culture"]
        p.country = fam["country"]
        p.given = given or self.make_given(sex, gen, fam["culture"], fam["maya_lang"] is not None)
        if sur is None:
            if fam["culture"] == "ro":
                sur = [self.make_surname(fam["country"], None)]
            else:
                sur = [self.make_surname(fam["country"], fam["maya_lang"]),
                       self.make_surname(fam["country"], fam["maya_lang"])]
        p.sur = list(sur)
        p.married = None
        age = max(0, min(85, age))
        p.dob = LIST_DATE - TD(days=int(age * 365.25 + rng.randrange(365)))
        p.dob_unknown = rng.random() < ((0.15 if age < 5 else 0.05) if gen == "child" else 0.03)
        p.langs = list(fam["langs"])
        p.role = None
        p.phone = self.new_phone(fam["country"]) if rng.random() < 0.8 else None
        p.anum = None
        p.prior_anum = None
        p.home = fam["home"]
        return p

    # ---------------------------------------------------------- apprehension events
    def next_group(self, force_new=False):
        rng = self.rng
        if force_new or self.group is None or self.group_left <= 0:
            sec = self.sector_w.pick(rng)
            g = {"date": self.date_w.pick(rng), "sector": sec, "poe": None, "station": None}
            if rng.random() < 0.12:
                g["poe"] = rng.choice(F.SECTORS[sec][3])
            else:
                g["station"] = self.station_w[sec].pick(rng)
            self.group = g
            self.group_left = 1 + int(rng.expovariate(1 / 2.0))
        self.group_left -= 1
        return self.group

    # ---------------------------------------------------------- families
    def child_ages(self, n):
        rng = self.rng
        a0 = wpick(rng, [(rng.randrange(0, 5), 8), (rng.randrange(5, 10), 30),
                         (rng.randrange(10, 15), 35), (rng.randrange(15, 18), 27)])
        ages = [a0]
        for _ in range(n - 1):
            ages.append(max(0, min(17, ages[-1] + rng.choice([-1, 1]) * rng.randrange(1, 6))))
        return ages

    def family(self, fid, recent, uac=False):
        rng, nz = self.rng, self.nz
        kin = recent[rng.randrange(len(recent))] if (recent and not uac and rng.random() < 0.05) else None
        if kin:
            country, home = kin["country"], kin["home"]
        else:
            country = COUNTRY_W.pick(rng)
            home = self.make_home(country)
        culture = {"BR": "br", "RO": "ro"}.get(country, "hisp")
        maya_lang = None
        if country == "GT" and home["maya_langs"] and rng.random() < home["maya_share"]:
            maya_lang = rng.choice(home["maya_langs"])
        if kin:
            maya_lang = kin["maya_lang"]
        langs = []
        if maya_lang:
            langs.append(maya_lang)
            if rng.random() < 0.5:
                langs.append("Spanish")
        elif country == "HN" and home.get("dept_code") in ("AT", "CL", "GD") and rng.random() < 0.15:
            langs = ["Garifuna" if home.get("dept_code") != "GD" else "Miskito", "Spanish"]
        elif culture == "br":
            langs = ["Portuguese"]
        elif culture == "ro":
            langs = ["Romani", "Romanian"] if rng.random() < 0.6 else ["Romanian"]
        else:
            langs = ["Spanish"]
        fam = {"fid": fid, "country": country, "home": home, "culture": culture, "maya_lang": maya_lang,
               "langs": langs, "uac": uac}

        n = wpick(rng, [(1, 75), (2, 18), (3, 5), (4, 2)]) if not uac else (1 if rng.random() < 0.88 else 2)
        ages = self.child_ages(n) if not uac else [rng.randrange(12, 18) for _ in range(n)]
        oldest = max(ages)
        m_age = max(18, oldest + rng.randrange(16, 32))
        f_age = max(18, oldest + 17, m_age + int(rng.gauss(3, 3)))
        father = self.person("M", f_age, fam)
        mother = self.person("F", m_age, fam)
        single = culture == "hisp" and rng.random() < 0.12
        if culture == "ro":
            mother.sur = list(father.sur) if rng.random() < 0.95 else mother.sur
        elif culture == "br" and rng.random() < 0.6:
            mother.sur = [mother.sur[1], father.sur[-1]]
        elif culture == "hisp" and not single and rng.random() < 0.3:
            mother.married = father.sur[0]

        # who was separated from the children
        if uac:
            sep = "none"
        else:
            sep = wpick(rng, [("mother", 42), ("father", 47), ("both", 4), ("grandmother", 2), ("grandfather", 1),
                              ("aunt", 1.5), ("uncle", 1.5), ("sibling", 1), ("cousin", 0.5), ("guardian", 2)])
            if single and sep in ("father", "both"):
                sep = "mother"
        if kin and sep in ("mother", "father", "both"):
            tgt = mother if sep == "mother" else father
            ka = kin["adults"][0][0] if kin["adults"] else None
            if ka is not None and culture == "hisp" and ka.culture == "hisp":
                tgt.sur = list(ka.sur)          # siblings: same two surnames
                if sep == "mother" and not single and rng.random() < 0.3:
                    mother.married = father.sur[0]

        # children
        kids = []
        for a in ages:
            sex = "M" if rng.random() < 0.55 else "F"
            if culture == "ro":
                sur = [father.sur[0]]
            elif culture == "br":
                sur = [mother.sur[-1] if mother.sur[-1] != father.sur[-1] else mother.sur[0], father.sur[-1]]
            elif single:
                sur = [mother.sur[0], mother.sur[1]]
            else:
                sur = [father.sur[0], mother.sur[0]]
            c = self.person(sex, a, fam, gen="child", sur=sur)
            if maya_lang and a >= 4:
                c.langs = [maya_lang] + (["Spanish"] if rng.random() < 0.6 else [])
            kids.append(c)
        for c in kids:
            c.role = "child"
        father.role, mother.role = "father", "mother"

        adults = []   # (person, relationship label for truth, fine role)
        if sep in ("mother", "both"):
            adults.append((mother, "mother", "mother"))
        if sep in ("father", "both"):
            adults.append((father, "father", "father"))
        if sep in ("grandmother", "grandfather"):
            side = mother if (single or rng.random() < 0.6) else father
            sx = "F" if sep == "grandmother" else "M"
            first = side.sur[1] if (sx == "F" and len(side.sur) > 1) else side.sur[0]
            g = self.person(sx, side.age() + rng.randrange(18, 30), fam,
                            sur=[first] if culture == "ro" else [first, self.make_surname(country, maya_lang)])
            g.role = sep
            adults.append((g, "other_relative", sep))
        if sep in ("aunt", "uncle"):
            side = mother if (single or rng.random() < 0.55) else father
            sx = "F" if sep == "aunt" else "M"
            a = self.person(sx, rng.randrange(max(20, oldest + 8), 56), fam, sur=list(side.sur))
            a.role = sep
            adults.append((a, "other_relative", sep))
        if sep == "sibling":
            sx = "M" if rng.random() < 0.6 else "F"
            sur = list(kids[0].sur) if rng.random() < 0.7 else ([self.make_surname(country, maya_lang)] + kids[0].sur[1:])
            s = self.person(sx, rng.randrange(18, 25), fam, sur=sur)
            s.role = "brother" if sx == "M" else "sister"
            adults.append((s, "other_relative", s.role))
        if sep == "cousin":
            sx = "M" if rng.random() < 0.6 else "F"
            s = self.person(sx, rng.randrange(18, 31), fam,
                            sur=[kids[0].sur[0], self.make_surname(country, maya_lang)][:len(kids[0].sur)])
            s.role = "cousin"
            adults.append((s, "other_relative", "cousin"))
        if sep == "guardian":
            sx = "F" if rng.random() < 0.6 else "M"
            s = self.person(sx, rng.randrange(22, 61), fam)
            s.role = "guardian"
            adults.append((s, "legal_guardian", "guardian"))

        # contact numbers
        fam["home_rel_phone"] = self.new_phone(country, mobile=rng.random() < 0.6) if rng.random() < 0.6 else None
        if kin and kin.get("sponsor") and rng.random() < 0.75:
            fam["sponsor"] = kin["sponsor"]
        elif rng.random() < (0.7 if not uac else 0.9):
            city, ph = self.us_relative_phone()
            base = mother if rng.random() < 0.5 else father
            rel = rng.choice(["uncle", "aunt", "uncle", "cousin", "brother", "sister", "family friend"])
            sx = "F" if rel in ("aunt", "sister") else ("M" if rel != "cousin" else rng.choice("MF"))
            if rel in ("brother", "sister"):
                sur = list(kids[0].sur)
            elif rel == "family friend":
                sur = None
            else:
                sur = list(base.sur)
            sp = self.person(sx, rng.randrange(22, 50), fam, sur=sur)
            fam["sponsor"] = {"person": sp, "rel": rel, "city": city, "phone": ph}
        else:
            fam["sponsor"] = None

        # apprehension and processing
        if kin and rng.random() < 0.8:
            grp = kin["group"]
        else:
            grp = self.next_group()
        fam["group"] = grp
        together = rng.random() < 0.45
        base = self.new_anum(grp["date"])
        for i, (a, _, _) in enumerate(adults):
            if rng.random() < 0.12:
                a.anum = self.old_anum()
                a.prior_anum = True
            elif together and i == 0:
                a.anum = base
            else:
                a.anum = self.new_anum(grp["date"])
        for j, c in enumerate(kids):
            cand = base + 1 + j
            if together and cand not in self.used_anum:
                self.used_anum.add(cand)
                c.anum = cand
            else:
                c.anum = self.new_anum(grp["date"])
        fam.update(father=father, mother=mother, single=single, kids=kids, adults=adults, sep=sep)
        return fam

    def loner(self):
        """A single adult detained at the same time and places (no separated child)."""
        rng = self.rng
        country = COUNTRY_W.pick(rng)
        home = self.make_home(country)
        culture = {"BR": "br", "RO": "ro"}.get(country, "hisp")
        ml = rng.choice(home["maya_langs"]) if (country == "GT" and home["maya_langs"] and
                                                rng.random() < home["maya_share"]) else None
        fam = {"fid": None, "country": country, "home": home, "culture": culture, "maya_lang": ml,
               "langs": [ml] if ml else ({"br": ["Portuguese"], "ro": ["Romanian"]}.get(culture, ["Spanish"])),
               "uac": False, "sponsor": None, "home_rel_phone": None}
        p = self.person("M" if rng.random() < 0.7 else "F", rng.randrange(18, 50), fam)
        p.role = "loner"
        p.anum = self.old_anum() if rng.random() < 0.2 else self.new_anum()
        fam["group"] = self.next_group()
        fam["kids"] = []
        fam["adults"] = [(p, None, "loner")]
        fam["father"] = fam["mother"] = None
        fam["single"] = False
        return fam


# ============================================================ rendering
def fmt_mdy(d, rng, pad_p=1.0):
    if rng.random() < pad_p:
        return "%02d/%02d/%04d" % (d.month, d.day, d.year)
    return "%d/%d/%d" % (d.month, d.day, d.year)


def shift_dob(p, rng, nz, est_sigma=True):
    """The date an agency writes for a person's birth (may be estimated or corrupted)."""
    d = p.dob
    if p.dob_unknown or rng.random() < nz.p(0.015):
        y = d.year + (rng.choice([-1, 0, 0, 0, 1]) if est_sigma else 0)
        return D(y, 1, 1), True
    r = rng.random()
    if r < nz.p(0.025) and d.day <= 12 and d.day != d.month:
        return D(d.year, d.day, d.month), False
    r -= nz.p(0.025)
    if r < nz.p(0.012):
        return D(d.year + rng.choice([-1, 1]), d.month, min(d.day, 28)), False
    r -= nz.p(0.012)
    if r < nz.p(0.01):
        return D(d.year, d.month, min(28, max(1, d.day + rng.choice([-10, -1, 1, 10])))), False
    return d, False


class Renderer:
    def __init__(self, world):
        self.w = world
        self.rng = world.rng
        self.nz = world.nz

    # ---------------------------------------------------------- names
    def spell_token(self, t, kind, sysname):
        rng, nz = self.rng, self.nz
        if " " in t and t.split(" ")[0].lower() in ("de", "del"):
            if rng.random() < {"orr": 0.5, "eagle": 0.6, "earm": 0.3, "told": 0.5}[sysname]:
                t = particle_variant(t, rng)
        if kind == "given":
            v = F.GIVEN_VARIANTS.get(t)
            if v and rng.random() < nz.p({"orr": 0.14, "eagle": 0.06, "earm": 0.05, "told": 0.2}[sysname]):
                t = v[rng.randrange(len(v))]
        elif t in MAYA_ONLY and rng.random() < nz.p({"orr": 0.3, "eagle": 0.25, "earm": 0.2, "told": 0.4}[sysname]):
            t = maya_variant(t, rng)
        if rng.random() < nz.p({"orr": 0.05, "eagle": 0.035, "earm": 0.025, "told": 0.08}[sysname]):
            t = phonetic(t, rng)
        if rng.random() < nz.p({"orr": 0.012, "eagle": 0.01, "earm": 0.008, "told": 0.01}[sysname]):
            t = typo(t, rng)
        return t

    def name_parts(self, p, sysname):
        rng, nz = self.rng, self.nz
        g, s = list(p.given), list(p.sur)
        if p.married and rng.random() < {"orr": 0.2, "eagle": 0.15, "earm": 0.3, "told": 0.05}[sysname]:
            s = s + ["de " + p.married] if rng.random() < 0.5 else [s[0], "de " + p.married]
            if sysname != "earm" and rng.random() < nz.p(0.12):
                s = [p.married]
        if p.culture == "br":
            if len(s) >= 2 and rng.random() < {"orr": 0.5, "eagle": 0.6, "earm": 0.3, "told": 0.3}[sysname]:
                g, s = g + s[:-1], s[-1:]
        elif p.culture == "ro":
            if rng.random() < nz.p(0.07):
                g, s = s, g
        elif len(s) >= 2:
            r = rng.random()
            drop = nz.p({"orr": 0.18, "eagle": 0.14, "earm": 0.08, "told": 0.3}[sysname])
            only2, swap, move = nz.p(0.015), nz.p(0.03), nz.p(0.035)
            if r < drop:
                s = s[:1]
            elif r < drop + only2:
                s = s[1:]
            elif r < drop + only2 + swap:
                s = [s[1], s[0]] + s[2:]
            elif r < drop + only2 + swap + move and sysname != "told":
                g, s = g + s[:1], s[1:]
        if len(g) >= 2:
            r = rng.random()
            d1 = nz.p({"orr": 0.2, "eagle": 0.22, "earm": 0.1, "told": 0.5}[sysname])
            if r < d1:
                g = g[:1]
            elif r < d1 + nz.p(0.03):
                g = g[1:]
            elif r < d1 + nz.p(0.05) and sysname in ("orr", "earm"):
                g = [g[0], strip_accents(g[1])[0] + "."]
            elif r < d1 + nz.p(0.065) and sysname != "told" and len(s) >= 1:
                s = [g[-1]] + s          # second given name taken as a surname
                g = g[:-1]
        g = [self.spell_token(t, "given", sysname) for t in g]
        s = [self.spell_token(t, "sur", sysname) for t in s]
        return g, s

    def ascii_upper(self, s):
        return strip_accents(s).upper()

    def orr_name(self, p):
        rng, nz = self.rng, self.nz
        g, s = self.name_parts(p, "orr")
        first = " ".join(g)
        last = ("-" if (len(s) == 2 and rng.random() < nz.p(0.05)) else " ").join(s)
        if rng.random() < 0.65:
            first, last = strip_accents(first), strip_accents(last)
        if rng.random() < 0.3:
            first, last = first.upper(), last.upper()
        return first, last

    def eagle_name(self, p):
        g, s = self.name_parts(p, "eagle")
        sep = ", " if self.rng.random() > self.nz.p(0.015) else " "
        return self.ascii_upper(" ".join(s) + sep + " ".join(g))

    def earm_name(self, p):
        rng = self.rng
        g, s = self.name_parts(p, "earm")
        full = " ".join(g + s)
        if rng.random() < 0.5:
            full = strip_accents(full)
        if rng.random() < 0.08:
            full = full.upper()
        return full

    def told_name(self, p, child_age):
        """How a child names an adult: may be only a role word, a first name or a nickname."""
        rng = self.rng
        if child_age < 5:
            mode = wpick(rng, [("role", 45), ("first", 20), ("nick", 10), ("first_sur", 10), ("none", 15)])
        elif child_age < 12:
            mode = wpick(rng, [("role", 12), ("first", 20), ("nick", 8), ("first_sur", 30), ("full", 27), ("none", 3)])
        else:
            mode = wpick(rng, [("role", 4), ("first", 8), ("nick", 3), ("first_sur", 25), ("full", 56), ("none", 4)])
        if mode in ("role", "none"):
            return mode, ""
        g, s = self.name_parts(p, "told")
        if mode == "nick":
            nk = F.NICKNAMES.get(p.given[0])
            if nk:
                return mode, nk[rng.randrange(len(nk))]
            mode = "first"
        if mode == "first":
            return mode, g[0]
        if mode == "first_sur":
            return mode, g[0] + " " + s[0]
        txt = " ".join(g + s)
        return mode, strip_accents(txt) if rng.random() < 0.5 else txt

    # ---------------------------------------------------------- phones
    def fmt_phone(self, ph, sysname):
        rng, nz = self.rng, self.nz
        cc, nat = ph
        if rng.random() < nz.p(0.025):   # a digit misheard / mistyped
            i = rng.randrange(len(nat))
            if i >= 3 or cc != "1":
                nat = nat[:i] + str(rng.randrange(10)) + nat[i + 1:]
        if cc == "1":
            a, b, c = nat[:3], nat[3:6], nat[6:]
            if sysname == "orr":
                return wpick(rng, [(f"({a}) {b}-{c}", 50), (f"{a}-{b}-{c}", 30), (nat, 12), (f"1-{a}-{b}-{c}", 5),
                                   (f"{a}.{b}.{c}", 3)])
            if sysname == "eagle":
                return nat if rng.random() < 0.85 else "1" + nat
            return f"+1{nat}" if rng.random() < 0.5 else f"({a}) {b}-{c}"
        if len(nat) == 8:
            h1, h2 = nat[:4], nat[4:]
        elif len(nat) == 11:              # Brazil: (33) 9xxxx-xxxx
            h1, h2 = f"({nat[:2]}) {nat[2:7]}", nat[7:]
        elif len(nat) == 10:              # Mexico: 3-3-4
            h1, h2 = f"{nat[:3]} {nat[3:6]}", nat[6:]
        else:                             # Romania / Ecuador: 3-3-3
            h1, h2 = f"{nat[:3]} {nat[3:6]}", nat[6:]
        if sysname == "orr":
            return wpick(rng, [(f"+{cc} {h1}-{h2}", 25), (f"{h1}-{h2}", 28), (f"{cc}{nat}", 10),
                               (f"011-{cc}-{h1}-{h2}", 15), (f"({cc}) {h1} {h2}", 10), (f"00{cc} {nat}", 10),
                               (f"{h1} {h2}", 2)])
        if sysname == "eagle":
            return wpick(rng, [(f"011{cc}{nat}", 40), (f"{cc}{nat}", 40), (nat, 20)])
        return wpick(rng, [(f"+{cc}{nat}", 50), (f"+{cc} {h1} {h2}", 30), (f"{h1}-{h2}", 20)])

    def phones_cell(self, nums, sysname, empty_fill_p):
        rng, nz = self.rng, self.nz
        out, seen = [], set()
        for n in nums:
            if n is None:
                continue
            if isinstance(n, str):       # already-formatted shared / institutional number
                s = n
            else:
                s = self.fmt_phone(n, sysname)
            if s not in seen:
                seen.add(s)
                out.append(s)
        if not out:
            if rng.random() < empty_fill_p:
                return F.PLACEHOLDER_PHONES[rng.randrange(len(F.PLACEHOLDER_PHONES))] if sysname != "eagle" else "NONE"
            return ""
        if sysname == "orr" and len(out) > 1 and rng.random() < nz.p(0.05):
            return " / ".join(out)
        return (";" if sysname == "eagle" else "; ").join(out)

    def inst(self, num10, sysname):
        """Format a US institutional number (hotline, consulate, NGO)."""
        if len(num10) == 11:   # foreign fictional centre: 502xxxxxxxx
            return self.fmt_phone((num10[:3], num10[3:]), sysname)
        return self.fmt_phone(("1", num10), sysname)

    # ---------------------------------------------------------- country, language, places
    def country(self, code, sysname):
        rng, nz = self.rng, self.nz
        if rng.random() < nz.p(0.008):
            code = "MX"           # claimed / recorded as Mexican
        en, es, iso3, caps, miss, extra = F.COUNTRIES[code]
        if sysname == "orr":
            v = wpick(rng, [(en, 62), (es, 10), (code, 5), (caps[rng.randrange(len(caps))], 3 * nz.k),
                            (miss[rng.randrange(len(miss))], 4 * nz.k), (iso3, 2)])
            return v.upper() if rng.random() < 0.15 else v
        if sysname == "eagle":
            v = wpick(rng, [(en, 88), (code, 4), (miss[rng.randrange(len(miss))], 2 * nz.k),
                            ((extra or [iso3])[0], 3)])
            return strip_accents(v).upper()
        return wpick(rng, [(iso3, 45), (code, 20), (en, 28), (es, 5), (caps[0], nz.k), (miss[0], nz.k)])

    def language(self, langs, sysname):
        rng = self.rng
        if sysname == "eagle":
            return F.LANGUAGES[langs[0]][2]
        if sysname == "earm":
            if rng.random() < 0.3:
                return "; ".join(F.LANGUAGES[x][3] for x in langs)
            return "; ".join(F.LANGUAGES[x][0] for x in langs)
        if rng.random() < 0.35 and "Spanish" in langs:
            return "Spanish"
        if rng.random() < 0.05:
            return ""
        return "; ".join(F.LANGUAGES[x][1][rng.randrange(len(F.LANGUAGES[x][1]))] for x in langs)

    def appr_place(self, g, sysname):
        rng, nz = self.rng, self.nz
        if rng.random() < nz.p(0.03):
            return ""
        sec = g["sector"]
        secname = F.SECTORS[sec][0]
        if g["poe"]:
            name, city, st = g["poe"]
            sname = name
        else:
            sname, city, st, _ = g["station"]
        if rng.random() < nz.p(0.02):
            city = typo(city, rng)
        if sysname == "orr":
            opts = [(f"{city}, {st}", 35), (f"{sname} Station" if not g["poe"] else sname, 25),
                    (f"{secname} Sector", 12), (sec, 8), (f"{sec} - {sname}", 10)]
            if sec in F.PROCESSING_CENTRES and not g["poe"]:
                pcs = F.PROCESSING_CENTRES[sec]
                opts.append((pcs[rng.randrange(len(pcs))], 10))
            return wpick(rng, opts)
        if sysname == "eagle":
            return strip_accents(wpick(rng, [(f"{sec} - {sname}", 55), (f"{sname} STATION" if not g["poe"] else sname, 25),
                                             (sec, 10), (f"{sname}, {st}", 10)])).upper()
        return wpick(rng, [(f"{city}, {st}", 35), (f"{secname} Sector", 25), (sec, 15),
                           (f"{sec}/{sname} Station" if not g["poe"] else f"{sec}/{sname}", 15),
                           (f"{sname} Station" if not g["poe"] else sname, 10)])

    def shelter(self, s):
        rng = self.rng
        name, city, st, _ = s
        if name.startswith("Southwest Key") and rng.random() < 0.3:
            name = "SWK" + name[len("Southwest Key"):]
        return wpick(rng, [(name, 40), (f"{name}, {city}, {st}", 35), (f"{name} ({city} {st})", 25)])

    def facility(self, f, sysname):
        rng = self.rng
        name, code = f[0], f[1]
        if sysname == "eagle":
            short = (name.replace("Service Processing Center", "SPC").replace("Detention Center", "DC")
                     .replace("Detention Facility", "DF").replace("Correctional Center", "CC")
                     .replace("Processing Center", "PC"))
            return wpick(rng, [(f"{code} - {short}".upper(), 50), (name.upper(), 35), (short.upper(), 15)])
        return wpick(rng, [(name, 60), (f"{name}, {f[2]}, {f[3]}", 40)])

    def home_place(self, h):
        rng, nz = self.rng, self.nz
        c = h["country"]
        if c not in F.DEPARTMENTS:
            en = F.COUNTRIES[c][0]
            return wpick(rng, [(f"{h['muni']}, {h['dept']}, {en}", 50), (f"{h['muni']}, {h['dept']}", 50)])
        vil = h["village"]
        if rng.random() < nz.p(0.15):
            kind, _, nm = vil.partition(" ")
            nm = maya_variant(nm, rng) if rng.random() < 0.5 else phonetic(nm, rng)
            vil = kind + " " + nm
        if rng.random() < 0.2:
            vil = vil.partition(" ")[2]          # without "Aldea"
        dept = h["dept"]
        if dept in F.DEPT_SHORT and rng.random() < nz.p(0.15):
            dept = F.DEPT_SHORT[dept]
        muni = h["muni"]
        parts = [vil, muni, dept]
        if rng.random() < nz.p(0.12):
            parts = [vil, dept]
        if rng.random() < 0.25:
            parts.append(F.COUNTRIES[c][1])
        s = ", ".join(parts)
        return strip_accents(s) if rng.random() < 0.4 else s


# ============================================================ list builders
ROLE_WORDS = {
    "mother": (["Mother", "mother", "Mom", "MOTHER"], ["Madre", "mamá", "Mamá", "mami"]),
    "father": (["Father", "father", "Dad", "FATHER"], ["Padre", "papá", "Papá", "papi"]),
    "grandmother": (["Grandmother", "grandma", "Maternal grandmother"], ["Abuela", "abuelita"]),
    "grandfather": (["Grandfather", "grandpa"], ["Abuelo", "abuelito"]),
    "aunt": (["Aunt", "aunt"], ["Tía", "tía"]), "uncle": (["Uncle", "uncle"], ["Tío", "tío"]),
    "brother": (["Brother", "adult brother"], ["Hermano"]), "sister": (["Sister", "adult sister"], ["Hermana"]),
    "cousin": (["Cousin", "cousin"], ["Primo", "Prima"]),
    "guardian": (["Legal guardian", "Guardian", "Godparent"], ["Tutor", "Madrina", "Padrino"]),
    "family friend": (["Family friend"], ["Amigo de la familia"]),
}


def role_word(rng, role, spanish=None):
    en, es = ROLE_WORDS[role]
    use_es = rng.random() < 0.35 if spanish is None else spanish
    lst = es if use_es else en
    return lst[rng.randrange(len(lst))]


class Builder:
    def __init__(self, world):
        self.w = world
        self.r = Renderer(world)
        self.rng = world.rng
        self.nz = world.nz
        self.children = []       # rows (dict)
        self.adults = []
        self.child_recs = {}     # pid -> [record ids]
        self.adult_recs = {}
        self.used_ids = set()

    def rid(self, prefix, digits):
        rng = self.rng
        while True:
            x = prefix + str(rng.randrange(10 ** (digits - 1), 10 ** digits))
            if x not in self.used_ids:
                self.used_ids.add(x)
                return x

    # ---------------------------------------------------------- children (ORR)
    def child_report(self, fam, c):
        rng, nz, r = self.rng, self.nz, self.r
        age = c.age()
        parts = []
        for (a, _, role) in fam["adults"][:2] if rng.random() < 0.6 else fam["adults"][:1]:
            mode, name = r.told_name(a, age)
            es = rng.random() < 0.35
            rw = role_word(rng, role if role in ROLE_WORDS else "guardian", es)
            if role == "cousin" and es:
                rw = "Primo" if a.sex == "M" else "Prima"
            if mode == "none":
                parts.append(rng.choice(["Unable to provide parent info", "UNK", "Child does not know",
                                         "No sabe", "Child too young to report"]))
                continue
            if mode == "role":
                parts.append(rng.choice([rw, f"came with {rw.lower()}", f"Vino con su {role_word(rng, role if role in ROLE_WORDS else 'guardian', True).lower()}",
                                         f"Child only says '{rw.lower()}'"]))
                continue
            tmpl = rng.randrange(6)
            if tmpl == 0:
                parts.append(f"{rw}: {name}")
            elif tmpl == 1:
                parts.append(f"{rw} {name}")
            elif tmpl == 2:
                parts.append(f"{rw} - {name} (separated at border)")
            elif tmpl == 3:
                parts.append(f"Child reports {rw.lower()} {name} was apprehended with {'him' if c.sex == 'M' else 'her'}")
            elif tmpl == 4:
                parts.append(f"{rw.upper()}: {strip_accents(name).upper()}")
            else:
                parts.append(f"{rw}: {name}, detained")
        # the other parent, at home
        if fam["sep"] in ("mother", "father") and not fam["single"] and rng.random() < 0.25:
            other = fam["father"] if fam["sep"] == "mother" else fam["mother"]
            mode, name = r.told_name(other, age)
            where = rng.choice([F.COUNTRIES[fam["country"]][1], fam["home"]["muni"] or "", "home country"])
            rw = role_word(rng, other.role)
            parts.append(f"{rw} {name} in {where}".replace("  ", " "))
        sp = fam.get("sponsor")
        if sp and rng.random() < 0.35:
            mode, name = r.told_name(sp["person"], max(age, 12))
            rw = role_word(rng, sp["rel"])
            txt = f"Sponsor: {rw} {name} ({sp['city'][0]}, {sp['city'][1]})"
            if rng.random() < 0.15:
                txt += " tel " + r.fmt_phone(sp["phone"], "orr")
            parts.append(txt)
        if fam["uac"]:
            parts = []
            for par in (fam["mother"], fam["father"]):
                if par is None or rng.random() < 0.4:
                    continue
                mode, name = r.told_name(par, age)
                parts.append(f"{role_word(rng, par.role)} {name} in {F.COUNTRIES[fam['country']][0]}".replace("  ", " "))
            if sp and rng.random() < 0.6:
                mode, name = r.told_name(sp["person"], 14)
                parts.append(f"Sponsor: {role_word(rng, sp['rel'])} {name} ({sp['city'][0]}, {sp['city'][1]})")
            parts.append(rng.choice(["UAC", "Unaccompanied", "", ""]))
        return "; ".join(x for x in parts if x)

    def child_record(self, fam, c, shelter, intake, status):
        rng, nz, r, w = self.rng, self.nz, self.r, self.w
        first, last = r.orr_name(c)
        sexv = wpick(rng, [(("Male", "Female"), 60), (("M", "F"), 30), (("niño", "niña"), 5), (("masculino", "femenino"), 5)])
        sx = c.sex if rng.random() > nz.p(0.005) else ("F" if c.sex == "M" else "M")
        dob, est = shift_dob(c, rng, nz)
        dob_s = "" if rng.random() < nz.p(0.01) else fmt_mdy(dob, rng, 0.6)
        an = c.anum
        if rng.random() < nz.p(0.06):
            a_s = ""
        else:
            if rng.random() < nz.p(0.012):
                s9 = "%09d" % an
                i = rng.randrange(3, 9)
                an = int(s9[:i] + str(rng.randrange(10)) + s9[i + 1:])
            s9 = "%09d" % an
            a_s = wpick(rng, [("A" + s9, 40), (f"{s9[:3]}-{s9[3:6]}-{s9[6:]}", 25), (s9, 20),
                              (f"A {s9[:3]} {s9[3:6]} {s9[6:]}", 10), (f"A#{s9}", 5)])
        g = fam["group"]
        rd = rng.random()
        ad = g["date"] if rd < 0.65 else (g["date"] + TD(days=1) if rd < 0.85 else intake)
        nums = []
        sp = fam.get("sponsor")
        if sp and rng.random() < 0.6:
            nums.append(sp["phone"])
        for (a, _, _) in fam["adults"]:
            if a.phone and rng.random() < (0.35 if c.age() >= 10 else 0.15):
                nums.append(a.phone)
        if fam.get("home_rel_phone") and rng.random() < 0.25:
            nums.append(fam["home_rel_phone"])
        if fam["uac"]:
            for par in (fam["mother"], fam["father"]):
                if par and par.phone and rng.random() < 0.3:
                    nums.append(par.phone)
        if rng.random() < nz.p(0.12):
            nums.append(r.fmt_phone(w.shelter_phone[shelter[0]], "orr"))
        if rng.random() < nz.p(0.03):
            nums.append(r.inst(F.HOTLINES[0][1], "orr"))
        if rng.random() < nz.p(0.02):
            nums.append(r.inst(F.NGOS[rng.randrange(len(F.NGOS))][1], "orr"))
        if rng.random() < nz.p(0.015):
            cons = [x for x in F.CONSULATES if x[1] == fam["country"]] or F.CONSULATES
            nums.append(r.inst(cons[rng.randrange(len(cons))][2], "orr"))
        rid = self.rid("UAC", 7)
        row = {
            "record_id": rid, "last name": last, "first name": first,
            "sex": sexv[0] if sx == "M" else sexv[1], "DOB": dob_s,
            "nationality": r.country(c.country, "orr"), "A#": a_s,
            "phones": r.phones_cell(nums, "orr", 0.4), "language": r.language(c.langs, "orr"),
            "apprehension_date": "" if rng.random() < nz.p(0.02) else fmt_mdy(ad, rng, 0.6),
            "apprehension_place": r.appr_place(g, "orr"), "location": r.shelter(shelter), "status": status,
            "reported_relatives": self.child_report(fam, c), "intake_date": fmt_mdy(intake, rng, 0.6),
        }
        self.children.append([row[k] for k in CHILD_COLS])
        self.child_recs.setdefault(c.pid, []).append(rid)

    def children_of(self, fam):
        rng, nz, w = self.rng, self.nz, self.w
        g = fam["group"]
        for c in fam["kids"]:
            if not fam["uac"] and rng.random() < nz.p(0.02):
                continue        # discharged before the list was drawn up
            intake = g["date"] + TD(days=rng.choice([1, 1, 2, 2, 3, 4, 5]))
            shelter = w.shelter_w.pick(rng)
            days = (LIST_DATE - intake).days
            pdis = 0.55 if days > 60 else (0.25 if days > 20 else 0.05)
            if rng.random() < nz.p(0.075):          # transfer between shelters / re-intake
                t = intake + TD(days=rng.randrange(3, max(4, min(40, days))))
                self.child_record(fam, c, shelter, intake, "discharged")
                sh2 = w.shelter_w.pick(rng)
                self.child_record(fam, c, sh2, t, "discharged" if rng.random() < pdis * 0.6 else "in_care")
            else:
                self.child_record(fam, c, shelter, intake, "discharged" if rng.random() < pdis else "in_care")

    # ---------------------------------------------------------- adults (ICE)
    def adult_nums(self, fam, a, sysname, removed):
        rng, nz, r = self.rng, self.nz, self.r
        nums = []
        if a.phone and rng.random() < (0.55 if sysname == "eagle" else 0.4):
            nums.append(a.phone)
        if sysname == "earm" and removed and rng.random() < 0.3:
            nums.append(self.w.new_phone(a.country))           # new number after return
        sp = fam.get("sponsor")
        if sp and rng.random() < (0.4 if sysname == "eagle" else 0.3):
            nums.append(sp["phone"])
        if fam.get("home_rel_phone") and rng.random() < 0.25:
            nums.append(fam["home_rel_phone"])
        if fam["adults"] and len(fam["adults"]) > 1 and rng.random() < 0.15:
            o = fam["adults"][1][0] if fam["adults"][0][0] is a else fam["adults"][0][0]
            if o.phone:
                nums.append(o.phone)
        if rng.random() < nz.p(0.04):
            cons = [x for x in F.CONSULATES if x[1] == a.country] or F.CONSULATES
            nums.append(r.inst(cons[rng.randrange(len(cons))][2], sysname))
        if rng.random() < nz.p(0.025):
            nums.append(r.inst(F.NGOS[rng.randrange(len(F.NGOS))][1], sysname))
        if sysname == "earm" and rng.random() < nz.p(0.02):
            nums.append(r.inst(F.HOTLINES[1][1], sysname))
        return nums

    def adult_report(self, fam, a, role, sysname):
        rng, r = self.rng, self.r
        kids = fam["kids"]
        if not kids:
            if role == "loner" and rng.random() < 0.05:
                return "CLAIMS CHILDREN IN HOME COUNTRY" if sysname == "eagle" else "States has children in home country"
            return ""
        if rng.random() > (0.32 if sysname == "eagle" else 0.28):
            if role in ("mother", "father") and rng.random() < 0.04:
                return "FAMILY UNIT - SEPARATED" if sysname == "eagle" else "Family unit; minor(s) transferred to ORR"
            return ""
        out = []
        for c in kids:
            if rng.random() < 0.3 and out:
                continue
            if sysname == "eagle":
                rel = {"mother": "SON" if c.sex == "M" else "DAUGHTER", "father": "SON" if c.sex == "M" else "DAUGHTER"}.get(
                    role, {"grandmother": "GRANDCHILD", "grandfather": "GRANDCHILD", "aunt": "NEPHEW/NIECE",
                           "uncle": "NEPHEW/NIECE", "brother": "SIBLING", "sister": "SIBLING",
                           "cousin": "COUSIN", "guardian": "WARD"}.get(role, "MINOR"))
                out.append(f"UAC {rel}: {r.eagle_name(c)}")
            else:
                word = "Child" if role in ("mother", "father") else "Minor"
                if rng.random() < 0.3:
                    word = "Hijo" if c.sex == "M" else "Hija"
                out.append(f"{word}: {r.earm_name(c)} ({c.age()})" if rng.random() < 0.6 else f"{word}: {r.earm_name(c)}")
        return "; ".join(out)

    def adult_row(self, fam, a, role, sysname, anum, status, location, appr_s, removal):
        rng, nz, r = self.rng, self.nz, self.r
        w = self.w
        dob, est = shift_dob(a, rng, nz)
        if sysname == "eagle":
            rid = None
            name = r.eagle_name(a)
            sexs = a.sex
            dob_s = fmt_mdy(dob, rng)
            s9 = "%09d" % anum
            a_s = (str(anum) if anum < 100_000_000 else s9) if rng.random() < 0.85 else f"A{s9[:3]}-{s9[3:6]}-{s9[6:]}"
            removal_s = fmt_mdy(removal, rng) if removal else ""
        else:
            rid = self.rid("", 10)
            name = r.earm_name(a)
            sexs = "Male" if a.sex == "M" else "Female"
            dob_s = (str(dob.year) if (est and rng.random() < 0.5) else dob.isoformat())
            s9 = "%09d" % anum
            a_s = wpick(rng, [(f"A{s9[:3]}-{s9[3:6]}-{s9[6:]}", 40), ("A" + s9, 30), (f"A {s9[:3]} {s9[3:6]} {s9[6:]}", 20),
                              ("A" + str(anum), 10)])
            removal_s = removal.isoformat() if removal else ""
        if rng.random() < nz.p(0.01):
            dob_s = ""
        if sysname == "eagle" and rng.random() < nz.p(0.004):
            sexs = "F" if sexs == "M" else "M"
        nums = self.adult_nums(fam, a, sysname, status == "removed")
        return {
            "record_id": rid, "system": "EAGLE" if sysname == "eagle" else "EARM", "full_name": name,
            "sex": sexs, "date_of_birth": dob_s, "country": r.country(a.country, sysname), "a_number": a_s,
            "phones": r.phones_cell(nums, sysname, 0.5 if sysname == "eagle" else 0.15),
            "language": r.language(a.langs, sysname), "apprehension_date": appr_s,
            "apprehension_place": r.appr_place(fam["group"], sysname), "location": location,
            "status": status if sysname == "eagle" else status.capitalize(), "removal_date": removal_s,
            "reported_relatives": self.adult_report(fam, a, role, sysname),
        }

    def booking_id(self, fac, when):
        key = (fac[1], when.strftime("%y%m"))
        n = self.w.booking_seq.get(key)
        if n is None:
            n = self.rng.randrange(100, 900)
        n += 1 + (self.rng.randrange(3) == 0)
        self.w.booking_seq[key] = n
        rid = f"{fac[1]}{key[1]}{n:05d}"
        self.used_ids.add(rid)
        return rid

    def adults_of(self, fam):
        rng, nz, r, w = self.rng, self.nz, self.r, self.w
        g = fam["group"]
        for (a, _, role) in fam["adults"]:
            if role != "loner" and rng.random() < nz.p(0.04):
                continue      # still in criminal (US Marshals) custody / never booked by ICE
            zt = g["date"] >= D(2018, 5, 5)
            criminal = rng.random() < (0.35 if zt else 0.12)
            book = g["date"] + TD(days=rng.randrange(3, 26) if criminal else rng.choice([0, 0, 1, 1, 2, 3]))
            book = min(book, LIST_DATE - TD(days=1))
            days = (LIST_DATE - book).days
            pr = [("removed", 0.55), ("released", 0.2), ("detained", 0.25)] if days > 60 else (
                [("removed", 0.35), ("released", 0.2), ("detained", 0.45)] if days > 20 else
                [("removed", 0.1), ("released", 0.1), ("detained", 0.8)])
            status = wpick(rng, pr)
            removal = book + TD(days=rng.randrange(min(10, days - 1), max(min(10, days - 1) + 1, days))) if status == "removed" else None
            facs = w.detention_by_sector[g["sector"]] or F.DETENTION
            fac = facs[rng.randrange(len(facs))]
            transfer = rng.random() < nz.p(0.035)
            fac2 = F.DETENTION[rng.randrange(len(F.DETENTION))] if transfer else None
            p_eagle = 0.75
            p_earm = (0.25 if status == "removed" else 0.1) + (0.05 if nz.level == "high" else 0)
            has_e = rng.random() < p_eagle
            has_r = rng.random() < p_earm
            if not has_e and not has_r:
                has_e, has_r = (True, False) if rng.random() < 0.7 else (False, True)
            err_anum = rng.random() < nz.p(0.03)
            rows = []
            cur_fac = fac2 or fac
            if has_e:
                loc = r.facility(fac, "eagle")
                st = status if not transfer else ("detained" if rng.random() < 0.5 else "released")
                rows.append(("eagle", fac, book, st, loc))
                if transfer:
                    tday = book + TD(days=rng.randrange(1, max(2, min(30, days))))
                    rows.append(("eagle", fac2, tday, status, r.facility(fac2, "eagle")))
            if has_r:
                if status == "removed":
                    loc = r.home_place(a.home)
                elif status == "detained":
                    loc = r.facility(cur_fac, "earm")
                else:
                    sp = fam.get("sponsor")
                    city = sp["city"] if sp else w.city_w.pick(rng)
                    loc = f"{city[0]}, {city[1]}" if rng.random() < 0.6 else r.facility(cur_fac, "earm")
                rows.append(("earm", None, g["date"], status, loc))
            if err_anum and len(rows) == 1 and rng.random() < 0.5:
                # a second booking made under a newly issued A-number
                rows.append(("eagle", fac, book + TD(days=rng.randrange(0, 3)), status, r.facility(fac, "eagle")))
            err_idx = rng.randrange(len(rows)) if err_anum and len(rows) > 1 else -1
            err_num = w.new_anum(g["date"]) if err_idx >= 0 else None
            for i, (sysname, f_, when, st, loc) in enumerate(rows):
                anum = err_num if i == err_idx else a.anum
                if rng.random() < nz.p(0.01):
                    s9 = "%09d" % anum
                    j = rng.randrange(3, 9)
                    anum = int(s9[:j] + str(rng.randrange(10)) + s9[j + 1:])
                if sysname == "eagle":
                    appr_s = fmt_mdy(when, rng)
                else:
                    dd = when + TD(days=rng.choice([-1, 1])) if rng.random() < nz.p(0.08) else when
                    appr_s = dd.isoformat()
                if rng.random() < nz.p(0.02):
                    appr_s = ""
                row = self.adult_row(fam, a, role, sysname, anum, st, loc, appr_s,
                                     removal if st == "removed" else None)
                if sysname == "eagle":
                    row["record_id"] = self.booking_id(f_, when)
                self.adults.append([row[k] for k in ADULT_COLS])
                self.adult_recs.setdefault(a.pid, []).append(row["record_id"])


# ============================================================ main
CHILD_COLS = ["record_id", "last name", "first name", "sex", "DOB", "nationality", "A#", "phones", "language",
              "apprehension_date", "apprehension_place", "location", "status", "reported_relatives", "intake_date"]
ADULT_COLS = ["record_id", "system", "full_name", "sex", "date_of_birth", "country", "a_number", "phones", "language",
              "apprehension_date", "apprehension_place", "location", "status", "removal_date", "reported_relatives"]


def generate(n_families, seed, noise, out, children_encoding="cp1252"):
    world = World(seed, noise)
    b = Builder(world)
    rng = world.rng
    links, recent = [], []
    n_uac = round(n_families * 0.12)
    n_loner = round(n_families * 0.04)
    # interleave kinds so that unaccompanied children and lone adults share dates and stations
    kinds = ["fam"] * n_families + ["uac"] * n_uac + ["loner"] * n_loner
    rng.shuffle(kinds)
    fi = 0
    for k in kinds:
        if k == "fam":
            fi += 1
            f = world.family(fi, recent)
            recent.append(f)
            if len(recent) > 12:
                recent.pop(0)
        elif k == "uac":
            f = world.family(None, None, uac=True)
        else:
            f = world.loner()
        if f["kids"]:
            b.children_of(f)
        b.adults_of(f)
        for c in f["kids"]:                     # truth: every child record x every linked adult record
            for crid in b.child_recs.get(c.pid, ()):
                for (a, rel, _) in f["adults"]:
                    if rel is None:
                        continue
                    for arid in b.adult_recs.get(a.pid, ()):
                        links.append((crid, arid, rel))

    os.makedirs(out, exist_ok=True)
    rng.shuffle(b.children)
    rng.shuffle(b.adults)
    with open(os.path.join(out, "children.csv"), "w", newline="", encoding=children_encoding,
              errors="accent_strip") as fh:
        wr = csv.writer(fh)
        wr.writerow(CHILD_COLS)
        wr.writerows(b.children)
    with open(os.path.join(out, "adults.csv"), "w", newline="", encoding="utf-8") as fh:
        wr = csv.writer(fh)
        wr.writerow(ADULT_COLS)
        wr.writerows(b.adults)
    links.sort()
    with open(os.path.join(out, "truth_links.csv"), "w", newline="", encoding="utf-8") as fh:
        wr = csv.writer(fh)
        wr.writerow(["child_record_id", "adult_record_id", "relationship"])
        wr.writerows(links)
    ents = [("children", rid, pid) for pid, rids in b.child_recs.items() for rid in rids]
    ents += [("adults", rid, pid) for pid, rids in b.adult_recs.items() for rid in rids]
    ents.sort()
    with open(os.path.join(out, "truth_entities.csv"), "w", newline="", encoding="utf-8") as fh:
        wr = csv.writer(fh)
        wr.writerow(["list", "record_id", "person_id"])
        wr.writerows(ents)
    return len(b.children), len(b.adults), len(links)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--families", type=int, required=True)
    ap.add_argument("--seed", default="1")
    ap.add_argument("--noise", choices=["moderate", "high"], default="moderate")
    ap.add_argument("--out", required=True)
    ap.add_argument("--children-encoding", default="cp1252", choices=["cp1252", "utf-8"],
                    help="encoding of children.csv (default cp1252, as an Excel export)")
    a = ap.parse_args(argv)
    nc, na, nl = generate(a.families, a.seed, a.noise, a.out, a.children_encoding)
    print(f"families={a.families} children_records={nc} adult_records={na} truth_links={nl} -> {a.out}")


if __name__ == "__main__":
    main()
